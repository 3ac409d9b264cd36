namespace SmbAgent.Voice;

public enum CallDirection
{
    /// <summary>A caller rang the business's number and the agent answered.</summary>
    Inbound = 0,

    /// <summary>The agent rang an owner contact about an emergency.</summary>
    OwnerAlert = 1,
}
