namespace SmbAgent.TestKit;

public static class Names
{
    /// <summary>Unique business names keep tests independent even though they share one database per fixture.</summary>
    public static string Business(string prefix = "Biz") => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
