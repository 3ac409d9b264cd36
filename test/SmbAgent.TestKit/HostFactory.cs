using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SmbAgent.TestKit;

/// <summary>
/// A host (either one) over a database migrated beforehand (<see cref="TestDatabase.MigrateAsync"/>),
/// as the run command migrates before it starts the hosts. Settings go in through configuration.
/// </summary>
public class HostFactory<TEntryPoint>(TestDatabase database, IDictionary<string, string?>? overrides = null)
    : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    public TestDatabase Database { get; } = database;

    /// <summary>Extra registrations for the test (e.g. a job only the test defines).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

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

        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
    }
}
