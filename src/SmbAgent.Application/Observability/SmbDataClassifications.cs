using Microsoft.Extensions.Compliance.Classification;

namespace SmbAgent.Observability;

/// <summary>The classes of data our log messages may carry; anything classified here is redacted before it is written.</summary>
public static class SmbDataClassifications
{
    public const string TaxonomyName = "SmbAgent";

    /// <summary>What identifies a visitor, caller or user: email addresses, phone numbers, names.</summary>
    public static DataClassification PersonalData { get; } = new(TaxonomyName, nameof(PersonalData));
}

/// <summary>Marks a logging parameter as <see cref="SmbDataClassifications.PersonalData"/>, so the log holds a redacted value.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PersonalInformationAttribute() : DataClassificationAttribute(SmbDataClassifications.PersonalData);
