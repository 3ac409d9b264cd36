using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Conversations;

/// <summary>
/// A phrase the owner added to emergency detection for their trade, with the level it gives a turn: Urgent or High
/// raise it, Normal marks the phrase as harmless for this business. Read on every visitor turn.
/// </summary>
public sealed class EmergencyWord : IMultiTenant, IHasCreationTime
{
    public const int MaxPhraseLength = 100;

    /// <summary>Enough for any trade's vocabulary; every turn is matched against all of them.</summary>
    public const int MaxPerTenant = 100;

    private EmergencyWord()
    {
        Phrase = string.Empty;
    }

    public EmergencyWord(Guid id, Guid tenantId, string phrase, LeadPriority level)
    {
        Id = id;
        TenantId = tenantId;
        Phrase = phrase;
        Level = level;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public string Phrase { get; private set; }

    public LeadPriority Level { get; private set; }

    public DateTimeOffset CreationTime { get; set; }
}
