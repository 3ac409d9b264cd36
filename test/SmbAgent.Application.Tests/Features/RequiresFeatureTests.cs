using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.Features;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.Features;

/// <summary>The endpoint filter and the MVC filter answer 403 problem+json naming the feature and the editions that have it.</summary>
public sealed class RequiresFeatureTests(CoreFixture fixture) : IClassFixture<CoreFixture>, IAsyncLifetime
{
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(TestSettings.For(fixture.Database));
        builder.Logging.ClearProviders();
        builder.Services.AddSmbAgentApplication(builder.Configuration);
        builder.Services.AddSmbAgentEntityFrameworkCore(builder.Configuration);
        builder.Services.AddAuthentication(TenantUserAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TenantUserAuthenticationHandler>(TenantUserAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddControllers().AddApplicationPart(typeof(VoiceSettingsController).Assembly);

        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.UseAuthentication();
        _app.UseTenantResolution();
        _app.UseAuthorization();
        _app.MapGet("/voice", () => "voice on").RequireFeature(SmbFeatures.Voice.Agent);
        _app.MapControllers();
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/voice")]
    [InlineData("/mvc/voice-settings")]
    public async Task A_free_tenant_gets_403_naming_the_feature_and_the_editions_that_have_it(string path)
    {
        var tenant = await fixture.CreateTenantAsync(edition: EditionMatrix.Free);

        var response = await ClientFor(tenant.Id).GetAsync(new Uri(path, UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem!.Extensions["feature"]!.ToString().ShouldBe(SmbFeatures.Voice.Agent);
        problem.Extensions["editions"]!.ToString().ShouldBe("[\"PRO\"]");
    }

    [Theory]
    [InlineData("/voice")]
    [InlineData("/mvc/voice-settings")]
    public async Task A_pro_tenant_gets_through(string path)
    {
        var tenant = await fixture.CreateTenantAsync(edition: EditionMatrix.Pro);

        var response = await ClientFor(tenant.Id).GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private HttpClient ClientFor(Guid tenantId)
    {
        var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Add(TenantUserAuthenticationHandler.Header, tenantId.ToString());
        return client;
    }

    /// <summary>Stands in for a signed-in tenant user: the tenant claim is what resolution trusts.</summary>
    private sealed class TenantUserAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestTenantUser";
        public const string Header = "X-Test-User-Tenant";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var tenant))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(TenantConsts.TenantIdClaimType, tenant.ToString())], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}

[ApiController]
[Route("mvc/voice-settings")]
[RequiresFeature(SmbFeatures.Voice.Agent)]
public sealed class VoiceSettingsController : ControllerBase
{
    [HttpGet]
    public IActionResult Get() => Ok("voice settings");
}
