using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmbAgent.Hosting;

public static class KnownProxiesExtensions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>
    /// <c>X-Forwarded-For</c> and <c>-Proto</c> are believed only from the proxies in <c>ForwardedHeaders:KnownProxies</c>
    /// (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges); none by default, not even loopback (ASP.NET
    /// Core's default), since a forged address would get a fresh rate-limit bucket. With both lists empty the middleware
    /// would believe anyone, so then no forwarded header is read at all.
    /// </summary>
    public static WebApplicationBuilder TrustForwardedHeadersFromKnownProxies(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SectionName);
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? []).Select(ParseAddress).ToList();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? []).Select(ParseNetwork).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
            options.ForwardedHeaders = proxies.Count + networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        return builder;
    }

    private static IPAddress ParseAddress(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{SectionName}:KnownProxies holds '{value}', which is not an IP address.");

    private static System.Net.IPNetwork ParseNetwork(string value) =>
        System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"{SectionName}:KnownNetworks holds '{value}', which is not a CIDR range (e.g. 10.0.0.0/8).");
}
