using System.Net;
using System.Net.Sockets;

namespace SmbAgent.KnowledgeBase.Extraction;

/// <summary>
/// Which addresses a server-side fetch may connect to: public ones only. Every block of IANA's IPv4 and IPv6
/// Special-Purpose Address Registries is refused (loopback only when the development setting allows it); an
/// IPv4-mapped or NAT64 address is judged by the IPv4 address it carries.
/// </summary>
public static class UrlAddressPolicy
{
    private static readonly IPNetwork[] RefusedIPv4 =
    [
        IPNetwork.Parse("0.0.0.0/8"), // "this network"
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"), // carrier-grade NAT
        IPNetwork.Parse("169.254.0.0/16"), // link-local, cloud metadata
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"), // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"), // documentation
        IPNetwork.Parse("192.88.99.0/24"), // 6to4 relay anycast
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), // benchmarking
        IPNetwork.Parse("198.51.100.0/24"), // documentation
        IPNetwork.Parse("203.0.113.0/24"), // documentation
        IPNetwork.Parse("224.0.0.0/4"), // multicast
        IPNetwork.Parse("240.0.0.0/4"), // reserved, and the broadcast address
    ];

    private static readonly IPNetwork LoopbackIPv4 = IPNetwork.Parse("127.0.0.0/8");

    private static readonly IPNetwork LoopbackIPv6 = IPNetwork.Parse("::1/128");

    // The translator connects to the IPv4 address inside.
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    private static readonly IPNetwork[] RefusedIPv6 =
    [
        IPNetwork.Parse("::/96"), // unspecified, and the deprecated IPv4-compatible form
        IPNetwork.Parse("::ffff:0:0:0/96"), // IPv4-translated
        IPNetwork.Parse("64:ff9b:1::/48"), // NAT64 local use
        IPNetwork.Parse("100::/64"), // discard only
        IPNetwork.Parse("100:0:0:1::/64"), // dummy prefix
        IPNetwork.Parse("2001::/23"), // IETF protocol assignments, Teredo (2001::/32) included
        IPNetwork.Parse("2001:2::/48"), // benchmarking
        IPNetwork.Parse("2001:db8::/32"), // documentation
        IPNetwork.Parse("2001:10::/28"), // ORCHID
        IPNetwork.Parse("2001:20::/28"), // ORCHIDv2
        IPNetwork.Parse("2002::/16"), // 6to4
        IPNetwork.Parse("3fff::/20"), // documentation
        IPNetwork.Parse("5f00::/16"), // segment routing (SRv6) SIDs
        IPNetwork.Parse("fc00::/7"), // unique-local
        IPNetwork.Parse("fe80::/10"), // link-local
        IPNetwork.Parse("fec0::/10"), // site-local
        IPNetwork.Parse("ff00::/8"), // multicast
    ];

    // Everything outside it is unassigned or special: public hosts are numbered from here.
    private static readonly IPNetwork GlobalUnicastIPv6 = IPNetwork.Parse("2000::/3");

    public static bool IsAllowed(IPAddress address, bool allowLoopback)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return LoopbackIPv4.Contains(address) ? allowLoopback : !RefusedIPv4.Any(n => n.Contains(address));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        if (LoopbackIPv6.Contains(address))
        {
            return allowLoopback;
        }

        if (address.IsIPv4MappedToIPv6 || Nat64.Contains(address))
        {
            return IsAllowed(new IPAddress(address.GetAddressBytes()[12..]), allowLoopback);
        }

        return GlobalUnicastIPv6.Contains(address) && !RefusedIPv6.Any(n => n.Contains(address));
    }

    /// <summary>Resolves <paramref name="host"/> and returns an address to connect to; refuses when any of its addresses is not allowed.</summary>
    public static async Task<IPAddress> ResolveAsync(string host, bool allowLoopback, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException e)
        {
            throw new KnowledgeContentException($"The address {host} could not be found.", e);
        }

        // All of them, not just the first: a name with one public and one private record must not slip through.
        if (addresses.Length == 0 || addresses.Any(a => !IsAllowed(a, allowLoopback)))
        {
            throw new KnowledgeContentException($"The address {host} is not allowed: only public web addresses can be fetched.");
        }

        return addresses[0];
    }

    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/> that connects only to an address <see cref="ResolveAsync"/>
    /// allows, resolved as the connection opens, so a name re-pointed after it was checked still can't reach inside.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowLoopback, CancellationToken cancellationToken)
    {
        var address = await ResolveAsync(endPoint.Host, allowLoopback, cancellationToken);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
