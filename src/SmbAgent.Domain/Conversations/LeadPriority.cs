namespace SmbAgent.Conversations;

/// <summary>
/// How fast the owner must act on a lead. Emergency detection raises a conversation to High or Urgent;
/// a lead without any emergency signal is Normal.
/// </summary>
public enum LeadPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}
