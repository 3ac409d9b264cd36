using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;

namespace SmbAgent.TestKit;

/// <summary>
/// A host (either one) over its own migrated database. Settings go in through configuration, as
/// the run command's environment does.
/// </summary>
public class HostFactory<TEntryPoint>(TestDatabase database, IDictionary<string, string?>? overrides = null)
    : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    public TestDatabase Database { get; } = database;

    public async Task MigrateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DbMigrationService>().MigrateAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = TestSettings.For(Database);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
