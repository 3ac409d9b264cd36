using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.EntityFrameworkCore;

/// <summary>For <c>dotnet ef migrations add</c>; it needs the model, not a server.</summary>
public sealed class SmbAgentDbContextFactory : IDesignTimeDbContextFactory<SmbAgentDbContext>
{
    public SmbAgentDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SmbAgentDbContext>().UseSmbAgentNpgsql("Host=localhost;Database=design_time").Options,
            new CurrentTenant(),
            new DataFilter());
}
