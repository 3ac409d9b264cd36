using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.Analytics;
using SmbAgent.BackgroundJobs;
using SmbAgent.Auditing;
using SmbAgent.Caching;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Emailing;
using SmbAgent.ErrorHandling;
using SmbAgent.Features;
using SmbAgent.Health;
using SmbAgent.HostAdmin;
using SmbAgent.Identity;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Embeddings;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.Permissions;
using SmbAgent.Privacy;
using SmbAgent.PublicUrls;
using SmbAgent.Tenancy;
using SmbAgent.Twilio;
using SmbAgent.Usage;
using SmbAgent.Voice;
using SmbAgent.Voice.Calls;
using SmbAgent.Voice.Speech;
using SmbAgent.Webhooks;
using SmbAgent.Workspace;
using StackExchange.Redis;

namespace SmbAgent;

public static class SmbAgentApplicationServiceCollectionExtensions
{
    /// <summary>The in-process core both hosts share: tenancy, features, permissions, cache, seeding, jobs and app services.</summary>
    public static IServiceCollection AddSmbAgentApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddTenancy();
        services.AddCaching(configuration);
        services.AddFeatures();
        services.AddPermissions();
        services.AddSeeding(configuration);
        services.AddPublicUrls(configuration);
        services.AddSingleton<IBackgroundJobManager, HangfireBackgroundJobManager>();
        services.AddTransient<TenantJobRunner>();
        services.AddStalledWorkSweep(configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<SmbAgentExceptionHandler>();
        services.AddValidatorsFromAssemblyContaining<CreateUpdateLeadQuestionDtoValidator>(ServiceLifetime.Singleton);
        services.AddScoped<ILeadQuestionAppService, LeadQuestionAppService>();
        services.AddScoped<LeadAppService>();
        services.AddScoped<BusinessProfileAppService>();
        services.AddScoped<AgentSettingsAppService>();
        services.AddScoped<Conversations.Emergencies.EmergencyWordAppService>();
        services.AddScoped<WorkspaceSettingsCache>();
        services.AddScoped<Workspace.Widget.WidgetOriginPolicy>();
        services.AddScoped<Workspace.Widget.WidgetSightings>();
        services.AddScoped<Workspace.Widget.WidgetInstallAppService>();
        services.AddSingleton<IHybridCacheSerializer<WorkspaceSettings>, EntityJsonSerializer<WorkspaceSettings>>();
        services.AddScoped<LeadQuestionOrderAppService>();
        services.AddScoped<SetupChecklistAppService>();
        services.AddSingleton<Voice.PhoneLines.PhoneLineSecrets>();
        services.AddScoped<Voice.PhoneLines.PhoneLineStore>();
        services.AddScoped<Voice.Calls.CallLogManager>();
        services.AddVoicemails();
        services.AddVoiceAdmin();
        services.AddScoped<ApiKeys.ApiKeyAppService>();
        services.AddScoped<ApiKeys.ApiKeyAuthenticator>();
        services.AddScoped<SmbAgent.Team.TeamAppService>();
        services.AddScoped<SmbAgent.Plans.PlanAppService>();
        services.AddHostAdmin();
        services.AddKnowledgeBase(configuration);
        services.AddEmbeddings(configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditLogger, AuditLogger>();
        services.AddEmailing(configuration);
        services.AddConversations(configuration);
        services.AddTwilio(configuration);
        services.AddScoped<Twilio.DevelopmentOutbox.DevelopmentOutboxAppService>();
        services.AddNotifications(configuration);
        services.AddWebhooks(configuration);
        services.AddPremiumSpeech(configuration);
        services.AddScoped<Operations.BusinessLocator>();
        services.AddScoped<Operations.BusinessExporter>();
        services.AddPrivacy(configuration);
        services.AddHealthMonitoring(configuration);
        services.AddAnalytics(configuration);
        return services;
    }

    /// <summary>Identity for tenant-scoped users; each host adds its own authentication scheme.</summary>
    public static IdentityBuilder AddSmbAgentIdentityCore(this IServiceCollection services)
    {
        services.AddScoped<AccountSignInService>();
        services.AddSingleton<UnknownUserPasswordCheck>();
        services.AddScoped<TenantUserDirectory>();
        services.AddScoped<AccountMailer>();
        services.AddScoped<AccountRecoveryService>();
        services.AddScoped<SignUp.SignUpService>();
        return services.AddIdentityCore<AppUser>(IdentityOptionsSetup.Configure)
            .AddRoles<AppRole>()
            .AddSignInManager()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
    }

    /// <summary>Tenant resolution right after authentication.</summary>
    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();

    private static void AddTenancy(this IServiceCollection services)
    {
        services.AddSingleton<ICurrentTenant, CurrentTenant>();
        services.AddSingleton<IDataFilter, DataFilter>();
        services.AddOptions<TenantResolveOptions>();
        services.AddSingleton<CurrentUserTenantResolveContributor>();
        services.AddScoped<TenantResolver>();
        services.AddScoped<ITenantStore, TenantStore>();
        services.AddScoped<TenantManager>();
    }

    private static void AddCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString("Redis")
                    ?? throw new InvalidOperationException("ConnectionStrings:Redis is not configured.");
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var options = ConfigurationOptions.Parse(redis);
            // Start and keep running while Redis is down; reconnect in the background when it returns.
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 1000;
            options.SyncTimeout = 1000;
            options.AsyncTimeout = 1000;
            var multiplexer = ConnectionMultiplexer.Connect(options);
            sp.GetRequiredService<RedisConnectionMonitor>().Attach(multiplexer);
            return multiplexer;
        });
        services.AddSingleton<IDistributedCache>(sp => new ResilientDistributedCache(
            new RedisCache(Options.Create(new RedisCacheOptions
            {
                InstanceName = configuration.GetValue("Cache:InstanceName", "smbagent:"),
                ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()),
            })),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ResilientDistributedCache>>()));
        services.AddHybridCache(options =>
        {
            // Short L1 lifetime: other instances' in-memory copies are not told about invalidations.
            options.DefaultEntryOptions = new() { Expiration = TimeSpan.FromMinutes(10), LocalCacheExpiration = TimeSpan.FromSeconds(30) };
        });
    }

    private static void AddEmailing(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(EmailOptions.SectionName);
        services.Configure<EmailOptions>(section);
        if (section.Get<EmailOptions>()?.UsesSmtp == true)
        {
            services.AddProviderActivity();
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, PickupDirectoryEmailSender>();
        }
    }

    private static void AddPublicUrls(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicUrlOptions>()
            .Bind(configuration.GetSection(PublicUrlOptions.SectionName))
            .Validate(o => PublicUrlOptions.IsHttpAddress(o.Admin) && PublicUrlOptions.IsHttpAddress(o.Api), "PublicUrls:Admin and PublicUrls:Api must be absolute http(s) addresses.")
            .ValidateOnStart();
        services.AddSingleton<AdminLinks>();
    }

    private static void AddFeatures(this IServiceCollection services)
    {
        services.AddScoped<IFeatureChecker, FeatureChecker>();
        services.AddScoped<ITenantFeatureValueCache, TenantFeatureValueCache>();
        services.AddScoped<FeatureManager>();
        services.AddScoped<EditionCatalog>();
        services.AddScoped<UsageQuota>();
    }

    private static void AddPermissions(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddScoped<IPermissionStore, PermissionStore>();
        services.AddScoped<PermissionManager>();
    }

    private static void AddSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.SectionName));
        services.AddSingleton<IDataSeeder, DataSeeder>();
        services.AddScoped<IDataSeedContributor, EditionDataSeedContributor>();
        services.AddScoped<IDataSeedContributor, RoleDataSeedContributor>();
        services.AddScoped<IDataSeedContributor, HostAdminDataSeedContributor>();
        services.AddScoped<IDataSeedContributor, PlatformSettingsDataSeedContributor>();
        services.AddScoped<IDataSeedContributor, WorkspaceDataSeedContributor>();
        services.AddScoped<IDataSeedContributor, DemoTenantDataSeedContributor>();
        services.AddScoped<IDataSeedContributor, DemoKnowledgeDataSeedContributor>();
    }
}
