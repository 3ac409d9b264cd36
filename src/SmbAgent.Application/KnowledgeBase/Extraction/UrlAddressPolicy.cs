using System.Net;
using System.Net.Sockets;

namespace SmbAgent.KnowledgeBase.Extraction;

/// <summary>
/// Which addresses a server-side fetch may connect to: public ones only. Loopback is allowed only when the
/// development setting says so; private, link-local (cloud metadata), unique-local, multicast and unspecified
/// addresses never are.
/// </summary>
public static class UrlAddressPolicy
{
    public static bool IsAllowed(IPAddress address, bool allowLoopback)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicIPv4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicIPv6(address),
            _ => false,
        };
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

    private static bool IsPublicIPv4(byte[] b) => !(
        b[0] == 0 // "this network", 0.0.0.0
        || b[0] == 10
        || b[0] == 127
        || (b[0] == 100 && (b[1] & 0xC0) == 64) // carrier-grade NAT 100.64/10
        || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata
        || (b[0] == 172 && (b[1] & 0xF0) == 16)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)
        || (b[0] == 198 && (b[1] & 0xFE) == 18) // benchmarking 198.18/15
        || b[0] >= 224); // multicast, reserved, broadcast

    private static bool IsPublicIPv6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast)
        {
            return false;
        }

        if ((b[0] & 0xFE) == 0xFC)
        {
            return false; // unique-local fc00::/7
        }

        // IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address: judge that one.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return IsPublicIPv4(b[12..]);
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
        {
            return IsPublicIPv4(b[12..]);
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsPublicIPv4(b[2..6]);
        }

        return true;
    }
}
