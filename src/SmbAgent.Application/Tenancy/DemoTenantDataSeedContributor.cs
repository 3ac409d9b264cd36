using Microsoft.Extensions.Options;
using SmbAgent.Data;

namespace SmbAgent.Tenancy;

/// <summary>For the run command: a demo business with its owner, when <c>Seed:DemoTenant:Enabled</c> is set.</summary>
public sealed class DemoTenantDataSeedContributor(TenantManager tenants, IOptions<SeedOptions> options)
    : IDataSeedContributor
{
    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        var demo = options.Value.DemoTenant;
        if (context.TenantId is not null || !demo.Enabled || string.IsNullOrWhiteSpace(demo.OwnerEmail) || string.IsNullOrWhiteSpace(demo.OwnerPassword))
        {
            return;
        }

        if (await tenants.IsNameTakenAsync(demo.Name, cancellationToken: cancellationToken))
        {
            return;
        }

        await tenants.CreateAsync(
            new CreateTenantRequest(demo.Name, demo.OwnerEmail, demo.OwnerPassword, "Demo Owner", OwnerEmailConfirmed: true),
            cancellationToken);
    }
}
