using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SmbAgent.Health;
using SmbAgent.Hosting;
using SmbAgent.Observability;
using SmbAgent.Identity;
using SmbAgent.Input;
using SmbAgent.Permissions;
using SmbAgent.PublicUrls;
using SmbAgent.Tenancy;
using SmbAgent.Web.Input;
using SmbAgent.Web.Pages.Account;

namespace SmbAgent.Web.Hosting;

/// <summary>The admin host: Identity cookies (re-validated inside the user's tenant), Razor Pages and health.</summary>
public static class WebHostExtensions
{
    public static WebApplicationBuilder AddWebHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AllowOnlyPublicHost(urls => urls.Admin);
        // Behind a TLS-terminating proxy named in ForwardedHeaders, cookies stay Secure and redirects https.
        builder.TrustForwardedHeadersFromKnownProxies();
        builder.AddSmbAgentObservability("smbagent-admin");
        services.AddSmbAgentIdentityCore();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/StatusCode/403";
            options.Cookie.Name = "smbagent.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Outside Development the admin is served over HTTPS only (HSTS), so the cookie never travels in clear.
            options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

            // A signed-in user who may not open a page gets a 403 (with a friendly page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddScoped<ISecurityStampValidator, TenantAwareSecurityStampValidator>();

        // Role changes, removals and password resets update the security stamp; re-check it every minute
        // so they reach signed-in browsers quickly (Identity's default is 30 minutes).
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.KeepImpersonationOnCookieRefresh();
        services.Configure<TenantResolveOptions>(options =>
            options.OnUserTenantUnavailable = httpContext => httpContext.SignOutAsync(IdentityConstants.ApplicationScheme));
        services.AddAuthorization();
        services.AddRazorPages(options => options.Conventions
            .AuthorizeFolder("/")
            .AllowAnonymousToAccountPages()
            .AllowAnonymousToPage("/StatusCode")
            .AuthorizeFolder("/Workspace", SmbPermissions.Workspace.Default)
            .AuthorizeFolder("/Host", SmbPermissions.Tenants.Default));
        services.Configure<MvcOptions>(options =>
        {
            options.Filters.Add<StorableFormFilter>();
            options.ModelBinderProviders.Insert(0, new CheckboxModelBinderProvider());
        });
        services.AddSignUpRateLimit(builder.Configuration);
        services.AddSignInRateLimit(builder.Configuration);
        return builder;
    }

    public static WebApplication UseWebHost(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/StatusCode/{0}");
        app.UsePublicHostOnly();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseStorableText(readsForms: false);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseTenantResolution();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapWebEndpoints(this WebApplication app)
    {
        app.MapSmbHealthEndpoints(withAlerts: true);
        app.MapRazorPages();
        app.MapHostHangfireDashboard();
        return app;
    }
}
