namespace SmbAgent.Identity;

/// <summary>Role stereotypes seeded for every tenant and for the host.</summary>
public static class SmbRoles
{
    public const string HostAdmin = "admin";
    public const string Owner = "owner";
    public const string Staff = "staff";
}
