namespace SmbAgent.TestKit.Fuzzing;

/// <summary>What a fuzz input may reveal. The test command fails on any of them; the long pass counts them.</summary>
public enum FuzzFinding
{
    ServerError,
    NotAProblem,
    NotAFriendlyPage,
    Hang,
    StoredOnRefusal,
    QuotaChangedOnRefusal,
}
