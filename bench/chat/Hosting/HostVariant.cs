namespace SmbAgent.Bench.Chat.Hosting;

/// <summary>
/// The host as shipped, or with proposed changes applied from outside (registrations and middleware only; the
/// source stays as it is), so a recommendation is timed before it is made.
/// </summary>
/// <param name="EmbedOncePerTurn">A turn's text is embedded once and shared by the emergency check and the knowledge search.</param>
/// <param name="ConnectionPerRequest">A chat request opens its database connection once, so the tenant is set once, not before every query.</param>
/// <param name="BatchEmbeddings">Concurrent turns' texts go to the model together, one request per batch.</param>
public sealed record HostVariant(string Name, bool EmbedOncePerTurn = false, bool ConnectionPerRequest = false, bool BatchEmbeddings = false)
{
    public static HostVariant AsShipped { get; } = new("as shipped");

    public static IReadOnlyList<HostVariant> Proposed { get; } =
    [
        new("A. embed once per turn", EmbedOncePerTurn: true),
        new("B. A + one connection per request", EmbedOncePerTurn: true, ConnectionPerRequest: true),
        new("C. B + batched embeddings", EmbedOncePerTurn: true, ConnectionPerRequest: true, BatchEmbeddings: true),
    ];
}
