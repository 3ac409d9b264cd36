using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;
using SmbAgent.KnowledgeBase.Extraction;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.KnowledgeBase.Reembedding;
using SmbAgent.KnowledgeBase.VectorIndexes;

namespace SmbAgent.KnowledgeBase;

public static class KnowledgeBaseServiceCollectionExtensions
{
    /// <summary>Sources, their ingestion job and the guarded page fetcher. The embedding generator is registered separately.</summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KnowledgeBaseOptions>(configuration.GetSection(KnowledgeBaseOptions.SectionName));
        services.AddHttpClient(UrlPageFetcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => UrlPageFetcher.CreateHandler(sp.GetRequiredService<IOptions<KnowledgeBaseOptions>>().Value));
        services.AddSingleton<OwnHostPolicy>();
        services.AddTransient<UrlPageFetcher>();
        services.AddTransient<SourceTextExtractor>();
        services.AddScoped<KnowledgeSourceAppService>();
        services.AddBackgroundJob<IngestKnowledgeSourceJob, IngestKnowledgeSourceArgs>();
        services.AddBackgroundJob<ReembedKnowledgeSourceJob, ReembedKnowledgeSourceArgs>();
        services.AddScoped<KnowledgeReembeddingScheduler>();
        services.AddOptions<TenantVectorIndexOptions>()
            .Bind(configuration.GetSection(TenantVectorIndexOptions.SectionName))
            .Validate(o => o.DropBelowChunks >= 0 && o.DropBelowChunks < o.CreateFromChunks, "KnowledgeBase:TenantVectorIndexes:DropBelowChunks must be below CreateFromChunks.")
            .Validate(o => o.BuildMemoryMegabytes is >= 1 and <= 65_536, "KnowledgeBase:TenantVectorIndexes:BuildMemoryMegabytes must be between 1 and 65536.");
        services.AddRecurringHostJob<TenantVectorIndexSchedule>();
        return services;
    }
}
