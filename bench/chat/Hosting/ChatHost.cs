using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Bench.Chat.Data;
using SmbAgent.Bench.Chat.Experiments;
using SmbAgent.Bench.Chat.Measure;

namespace SmbAgent.Bench.Chat.Hosting;

/// <summary>
/// The real API host (its Program: endpoints, middleware, job server, rate limiter) in this process on Kestrel
/// with a loopback port, in the Production environment. As shipped, the only change is a timing wrapper around
/// the registered embedding generator; a <see cref="HostVariant"/> adds its proposed changes around it.
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
            services.AddSingleton(GeneratorType, sp => Wrap(Resolve(registered, sp)));
            services.AddSingleton<IStartupFilter>(new ProfilingStartupFilter(profiler));
            if (variant.EmbedOncePerTurn || variant.ConnectionPerRequest)
            {
                services.AddSingleton<IStartupFilter>(new ExperimentMiddleware(variant));
            }
        });
    }

    /// <summary>What the application calls: the memo (a hit is no model call), the timing, the batching, the model.</summary>
    private IEmbeddingGenerator<string, Embedding<float>> Wrap(IEmbeddingGenerator<string, Embedding<float>> model)
    {
        IEmbeddingGenerator<string, Embedding<float>> generator = variant.BatchEmbeddings ? new CoalescingEmbeddingGenerator(model) : model;
        generator = new TimedEmbeddingGenerator(generator);
        return variant.EmbedOncePerTurn ? new TurnEmbeddingMemo(generator) : generator;
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
