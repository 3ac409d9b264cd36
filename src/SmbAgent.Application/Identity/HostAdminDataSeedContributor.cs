using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.Data;
using SmbAgent.Observability;

namespace SmbAgent.Identity;

/// <summary>Creates the platform admin from configuration. An existing admin's password is left alone.</summary>
public sealed partial class HostAdminDataSeedContributor(
    UserManager<AppUser> users,
    IOptions<SeedOptions> options,
    ILogger<HostAdminDataSeedContributor> logger) : IDataSeedContributor
{
    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        var seed = options.Value.HostAdmin;
        if (context.TenantId is not null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(seed.Email) || string.IsNullOrWhiteSpace(seed.Password))
        {
            LogNoCredentials();
            return;
        }

        if (await users.FindByEmailAsync(seed.Email) is not null)
        {
            return;
        }

        var admin = new AppUser(Guid.CreateVersion7(), tenantId: null, seed.Email, seed.Email)
        {
            DisplayName = "Platform admin",
            EmailConfirmed = true,
        };
        Check(await users.CreateAsync(admin, seed.Password));
        Check(await users.AddToRoleAsync(admin, SmbRoles.HostAdmin));
        LogCreated(seed.Email);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Host admin: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No host admin credentials configured (Seed:HostAdmin:Email/Password); none created")]
    private partial void LogNoCredentials();

    [LoggerMessage(Level = LogLevel.Information, Message = "Host admin {Email} created")]
    private partial void LogCreated([PersonalInformation] string email);
}
