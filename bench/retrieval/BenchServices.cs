using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmbAgent.Bench.Retrieval;

/// <summary>
/// The in-process core over the bench database, built the way the test kit's CoreFixture.BuildServices builds it.
/// Configuration is in memory only, so nothing from the environment (an OpenAI key, say) changes the provider.
/// </summary>
public static class BenchServices
{
    private static IConfiguration Configuration(BenchSettings settings, string? appConnectionString = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:SmbAgent"] = appConnectionString ?? settings.AppConnectionString,
            ["ConnectionStrings:SmbAgentOwner"] = settings.OwnerConnectionString,
            ["ConnectionStrings:Redis"] = settings.RedisConnectionString,
            ["Cache:InstanceName"] = $"bench-{settings.Database}:",
            ["Embeddings:Endpoint"] = settings.EmbeddingsEndpoint.ToString(),
            ["Embeddings:Model"] = settings.EmbeddingModel,
            ["Embeddings:Dimensions"] = settings.EmbeddingDimensions.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        })
        .Build();

    /// <param name="settings">The run's settings.</param>
    /// <param name="configureServices">Registrations after the application's own (they win).</param>
    /// <param name="appConnectionString">Another database or role for the application's connection (experiments).</param>
    public static ServiceProvider Build(BenchSettings settings, Action<IServiceCollection>? configureServices = null, string? appConnectionString = null)
    {
        var configuration = Configuration(settings, appConnectionString);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddSmbAgentApplication(configuration);
        services.AddSmbAgentEntityFrameworkCore(configuration);
        services.AddSmbAgentIdentityCore();
        services.AddAuthentication();
        services.AddHttpContextAccessor();
        configureServices?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
