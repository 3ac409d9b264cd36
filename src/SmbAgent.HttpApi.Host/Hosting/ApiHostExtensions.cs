using System.Text.Json.Serialization;
using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmbAgent.Data;
using SmbAgent.Health;
using SmbAgent.Hosting;
using SmbAgent.Observability;
using SmbAgent.Identity;
using SmbAgent.Input;
using SmbAgent.PublicUrls;
using SmbAgent.Tenancy;
using Microsoft.AspNetCore.Cors.Infrastructure;
using SmbAgent.HttpApi.Account;
using SmbAgent.HttpApi.BackgroundJobs;
using SmbAgent.HttpApi.Conversations;
using SmbAgent.HttpApi.Demo;
using SmbAgent.HttpApi.Features;
using SmbAgent.HttpApi.KnowledgeBase;
using SmbAgent.HttpApi.Leads;
using SmbAgent.HttpApi.RestApi;
using SmbAgent.HttpApi.Tenancy;
using SmbAgent.HttpApi.Voice;
using SmbAgent.HttpApi.Widget;

namespace SmbAgent.HttpApi.Hosting;

/// <summary>The public API host: bearer tokens, the job server, endpoint groups and health.</summary>
public static class ApiHostExtensions
{
    public static WebApplicationBuilder AddApiHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AllowOnlyPublicHost(urls => urls.Api);
        builder.TrustForwardedHeadersFromKnownProxies();
        builder.AddSmbAgentObservability("smbagent-api");
        services.AddSmbAgentIdentityCore();
        services.AddAuthentication(IdentityConstants.BearerScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        // Statuses and kinds read as words ("Indexed"), which a REST client can use without our enums.
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.Converters.Add(new StorableStringJsonConverter());
        });
        // A body that can't be read throws in every environment, so the exception handler answers it as a problem naming the field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // After the framework's writer (added with the core), so a client that accepts JSON is answered by it as before.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>());
        services.AddRestApiDocumentation();
        services.AddHangfireServer(options =>
        {
            options.WorkerCount = builder.Configuration.GetValue("Jobs:WorkerCount", 4);
            options.SchedulePollingInterval = TimeSpan.FromSeconds(builder.Configuration.GetValue("Jobs:PollIntervalSeconds", 5.0));
        });
        services.AddHostedService<KnowledgeReembeddingStartup>();
        services.AddHostedService<RecurringHostJobsStartup>();
        services.AddScoped<WidgetKeyTenantResolveContributor>();
        // A widget route's business is the one its key names, whoever else the request claims to be.
        services.Configure<TenantResolveOptions>(options => options.Contributors.Insert(0, typeof(WidgetKeyTenantResolveContributor)));
        services.AddScoped<ApiKeyTenantResolveContributor>();
        // A REST request's business is the one its API key belongs to, whatever else the request names.
        services.Configure<TenantResolveOptions>(options => options.Contributors.Insert(0, typeof(ApiKeyTenantResolveContributor)));
        services.AddScoped<CalledNumberTenantResolveContributor>();
        // A call's business is the one whose line was called; the signature check then holds the form to that line's token.
        services.Configure<TenantResolveOptions>(options => options.Contributors.Insert(0, typeof(CalledNumberTenantResolveContributor)));
        services.AddSingleton<TwilioWebhookRateLimits>();
        services.AddCors();
        services.AddSingleton<ICorsPolicyProvider, WidgetCorsPolicyProvider>();
        services.AddWidgetRateLimits(builder.Configuration);
        RestApiRateLimits.AddRestApiRateLimits(services, builder.Configuration);
        services.AddSignInRateLimit(builder.Configuration, (context, _) => new ValueTask(ErrorHandling.Problems.WriteAsync(
            context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many sign-in attempts", "Too many sign-in attempts came from here; try again in a minute.")));
        return builder;
    }

    public static WebApplication UseApiHost(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UsePublicHostOnly();
        app.UseWidgetFiles();
        app.UseRouting();
        app.UseStorableText(readsForms: true);
        app.UseAuthenticationExceptCredentialFree();
        app.UseTenantResolution();
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapApiEndpoints(this WebApplication app)
    {
        app.MapRestApiDocumentation();
        app.MapSmbHealthEndpoints(withAlerts: false);
        app.MapAccountEndpoints();
        app.MapTenancyEndpoints();
        app.MapFeatureEndpoints();
        app.MapLeadQuestionEndpoints();
        app.MapWidgetConfigurationEndpoints();
        app.MapWidgetChatEndpoints();
        app.MapKnowledgeSourceEndpoints();
        app.MapKnowledgeSearchEndpoints();
        app.MapVoiceAudioEndpoints();
        app.MapDemoPage();
        app.MapCallRecordEndpoints();
        app.MapCallEndpoints();
        app.MapOwnerAlertWebhooks();
        app.MapRestApi();
        return app;
    }

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DbMigrationService>().MigrateAsync();
    }
}
