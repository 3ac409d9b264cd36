using SmbAgent.Data;

namespace SmbAgent.Tenancy;

/// <summary>A small business using SmbAgent. Host data: it does not belong to a tenant itself.</summary>
public sealed class Tenant : IHasCreationTime
{
    private Tenant()
    {
        Name = string.Empty;
        NormalizedName = string.Empty;
        WidgetKey = string.Empty;
    }

    public Tenant(Guid id, string name, Guid editionId)
    {
        Id = id;
        Name = string.Empty;
        NormalizedName = string.Empty;
        Rename(name);
        EditionId = editionId;
        IsActive = true;
        WidgetKey = NewWidgetKey();
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string NormalizedName { get; private set; }

    public Guid EditionId { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>
    /// Public by design (it sits in the business's web pages): it names the tenant for the anonymous chat API, whose
    /// protection is the allowed origins, rate limits and quotas, not the key's secrecy.
    /// </summary>
    public string WidgetKey { get; private set; }

    public DateTimeOffset CreationTime { get; set; }

    /// <summary>
    /// When the host scheduled the business's deletion: from then it is inactive, and at this time its data is purged.
    /// Null when no deletion is scheduled.
    /// </summary>
    public DateTimeOffset? DeletionDueTime { get; private set; }

    public static string NewWidgetKey() => $"wk_{Guid.NewGuid():N}";

    public static string NormalizeName(string name) => name.Trim().ToUpperInvariant();

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        if (trimmed.Length > TenantConsts.MaxNameLength)
        {
            throw new ArgumentException($"A tenant name has at most {TenantConsts.MaxNameLength} characters.", nameof(name));
        }

        Name = trimmed;
        NormalizedName = NormalizeName(trimmed);
    }

    public void ChangeEdition(Guid editionId) => EditionId = editionId;

    public void Activate() => IsActive = true;

    public void Deactivate() => IsActive = false;

    /// <summary>Deactivates the business at once; its data is purged at <paramref name="due"/> unless it is restored first.</summary>
    public void ScheduleDeletion(DateTimeOffset due)
    {
        Deactivate();
        DeletionDueTime = due;
    }

    /// <summary>Cancels a scheduled deletion and reactivates the business.</summary>
    public void RestoreFromDeletion()
    {
        DeletionDueTime = null;
        Activate();
    }
}
