using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmbAgent.Bench.Chat.Data;

/// <summary>
/// The in-process core over the bench database, without the job server, for migrating and seeding before the
/// host starts (built the way the test kit's CoreFixture.BuildServices builds it). Configuration is in memory
/// only, so nothing from the environment (an OpenAI key, say) changes the provider.
/// </summary>
public static class CoreServices
{
    public static ServiceProvider Build(BenchSettings settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(HostSettings.For(settings)).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSmbAgentApplication(configuration);
        services.AddSmbAgentEntityFrameworkCore(configuration);
        services.AddSmbAgentIdentityCore();
        services.AddAuthentication();
        services.AddHttpContextAccessor();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}

/// <summary>The configuration the API host and the seeding core both get.</summary>
public static class HostSettings
{
    /// <summary>Far above what a run can reach, so the limits never refuse a bench conversation.</summary>
    private const int Unlimited = 100_000_000;

    public static Dictionary<string, string?> For(BenchSettings settings) => new()
    {
        ["ConnectionStrings:SmbAgent"] = settings.AppConnectionString,
        ["ConnectionStrings:SmbAgentOwner"] = settings.OwnerConnectionString,
        ["ConnectionStrings:Redis"] = settings.RedisConnectionString,
        ["Cache:InstanceName"] = settings.CacheInstance,
        ["Embeddings:Endpoint"] = settings.EmbeddingsEndpoint.ToString(),
        ["Embeddings:Model"] = settings.EmbeddingModel,
        ["Embeddings:Dimensions"] = settings.EmbeddingDimensions.ToString(CultureInfo.InvariantCulture),
        ["RateLimits:ConversationsPerHourPerAddress"] = Unlimited.ToString(CultureInfo.InvariantCulture),
        ["RateLimits:ConversationsPerMinutePerBusiness"] = Unlimited.ToString(CultureInfo.InvariantCulture),
        // The load generator is the proxy in front of its visitors: each one's X-Forwarded-For is believed from it.
        ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["ForwardedHeaders:KnownProxies:1"] = "::1",
        ["Logging:LogLevel:Default"] = "Warning",
        // Without credentials the host seed only warns that it made no host admin; the bench needs none.
        ["Logging:LogLevel:SmbAgent.Identity"] = "Error",
        // A similarity check that times out under load logs a warning with its stack per turn; the bench counts them instead.
        ["Logging:LogLevel:SmbAgent.Conversations.Emergencies"] = "Error",
        ["Logging:LogLevel:Hangfire"] = "Error",
        // Each start of the bench's fresh database makes a new key ring, which warns that it is stored unencrypted.
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
    };
}
