using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SmbAgent.PublicUrls;

public static class PublicHostFilteringExtensions
{
    /// <summary>
    /// Outside Development a host answers only to the name in its public address (a request for any other Host gets a 400),
    /// unless <c>AllowedHosts</c> is set explicitly (e.g. several names behind a proxy). Development answers to any name.
    /// </summary>
    public static WebApplicationBuilder AllowOnlyPublicHost(this WebApplicationBuilder builder, Func<PublicUrlOptions, Uri> publicUrl)
    {
        if (builder.Environment.IsDevelopment() || builder.Configuration["AllowedHosts"] is not null)
        {
            return builder;
        }

        var urls = builder.Configuration.GetSection(PublicUrlOptions.SectionName).Get<PublicUrlOptions>() ?? new PublicUrlOptions();
        builder.Services.Configure<PublicHostOptions>(options => options.Host = HostNameOf(publicUrl(urls)));
        return builder;
    }

    /// <summary>
    /// Refuses other hosts inside the status-code pages (call it after them), so the 400 is a problem on the API and the
    /// friendly page on the admin; ASP.NET Core's own host filtering answers before any of the app with an HTML page.
    /// </summary>
    public static IApplicationBuilder UsePublicHostOnly(this IApplicationBuilder app) => app.UseMiddleware<PublicHostMiddleware>();

    /// <summary>As the Host header carries it: an IPv6 address in brackets, a domain in its ASCII (punycode) form.</summary>
    private static string HostNameOf(Uri url) => url.HostNameType == UriHostNameType.IPv6 ? url.Host : url.IdnHost;
}
