using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmbAgent.Bench.Chat.Data;
using SmbAgent.Bench.Chat.Experiments;
using SmbAgent.Bench.Chat.Measure;

namespace SmbAgent.Bench.Chat.Hosting;

/// <summary>
/// The real API host (its Program: endpoints, middleware, job server, rate limiter) in this process on Kestrel
/// with a loopback port, in the Production environment. As shipped, the only changes are a timing wrapper around
/// the registered embedding generator and a log reader counting emergency checks that gave up; a
/// <see cref="HostVariant"/> adds its proposed change.
/// </summary>
public sealed class ChatHost(BenchSettings settings, TurnProfiler profiler, HostVariant variant) : WebApplicationFactory<Program>
{
    private static readonly Type GeneratorType = typeof(IEmbeddingGenerator<string, Embedding<float>>);

    public Uri Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in HostSettings.For(settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            var registered = services.Last(d => d.ServiceType == GeneratorType);
            services.Remove(registered);
            services.AddSingleton(GeneratorType, sp => new TimedEmbeddingGenerator(Resolve(registered, sp)));
            services.AddSingleton<ILoggerProvider, EmergencyCheckGiveUps>();
            services.AddSingleton<IStartupFilter>(new ProfilingStartupFilter(profiler));
            if (variant.ConnectionPerRequest)
            {
                services.AddSingleton<IStartupFilter>(new ExperimentMiddleware(variant));
            }
        });
    }

    private sealed class ProfilingStartupFilter(TurnProfiler profiler) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) => profiler.ProfileAsync(context, () => nextMiddleware(context)));
            next(app);
        };
    }

    private static IEmbeddingGenerator<string, Embedding<float>> Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
        (IEmbeddingGenerator<string, Embedding<float>>)(descriptor.ImplementationInstance
                                                        ?? descriptor.ImplementationFactory?.Invoke(services)
                                                        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
