using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests;

/// <summary>
/// The admin host over a test database. With <paramref name="securityStampValidationInterval"/> set,
/// the auth cookie is re-validated that often (zero: on every request) instead of every 30 minutes.
/// </summary>
public sealed class WebHostFactory(
    TestDatabase database,
    TimeSpan? securityStampValidationInterval = null,
    IDictionary<string, string?>? overrides = null)
    : HostFactory<Program>(database, overrides)
{
    /// <summary>HTTPS, as outside Development: the auth cookie is Secure and an HTTP client would not send it back.</summary>
    public static Uri BaseAddress { get; } = new("https://localhost");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (securityStampValidationInterval is { } interval)
        {
            builder.ConfigureTestServices(services =>
                services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = interval));
        }
    }
}
