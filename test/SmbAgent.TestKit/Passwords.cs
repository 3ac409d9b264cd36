namespace SmbAgent.TestKit;

public static class Passwords
{
    /// <summary>A password that meets the Identity policy, different every time.</summary>
    public static string New() => $"Pw-{Guid.NewGuid():N}"[..20] + "Aa1";
}
