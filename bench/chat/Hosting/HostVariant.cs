namespace SmbAgent.Bench.Chat.Hosting;

/// <summary>
/// The host as shipped, or with a proposed change applied from outside (registrations and middleware only; the
/// source stays as it is), so a recommendation is timed before it is made.
/// </summary>
/// <param name="ConnectionPerRequest">A chat request opens its database connection once, so the tenant is set once, not before every query.</param>
public sealed record HostVariant(string Name, bool ConnectionPerRequest = false)
{
    public static HostVariant AsShipped { get; } = new("as shipped");

    public static IReadOnlyList<HostVariant> Proposed { get; } =
    [
        new("one connection per request", ConnectionPerRequest: true),
    ];
}
