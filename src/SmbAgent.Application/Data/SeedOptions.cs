namespace SmbAgent.Data;

/// <summary>
/// Bound from the <c>Seed</c> configuration section (or <c>Seed__…</c> environment variables).
/// Credentials are never in code: without them the host admin or demo tenant is not created.
/// </summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    public HostAdminSeed HostAdmin { get; set; } = new();

    public DemoTenantSeed DemoTenant { get; set; } = new();

    public sealed class HostAdminSeed
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }

    public sealed class DemoTenantSeed
    {
        public bool Enabled { get; set; }

        public string Name { get; set; } = "Demo Plumbing";

        public string? OwnerEmail { get; set; }

        public string? OwnerPassword { get; set; }
    }
}
