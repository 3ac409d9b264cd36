namespace SmbAgent.Conversations;

/// <summary>How fast the owner must act: URGENT is an emergency (flooding, gas leak…), HIGH something broken.</summary>
public enum LeadPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}
