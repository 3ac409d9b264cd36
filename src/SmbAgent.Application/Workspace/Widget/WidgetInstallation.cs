namespace SmbAgent.Workspace.Widget;

/// <summary>What the Install page shows: the snippet, where the widget may run and where it was last seen.</summary>
/// <param name="AllowedOrigins">The owner's sites, in the order they were added.</param>
/// <param name="PreviewOrigin">The admin's origin, always allowed (the page's own preview).</param>
/// <param name="DemoOrigin">The API's origin, always allowed (/demo).</param>
public sealed record WidgetInstallation(
    string WidgetKey,
    Uri LoaderUrl,
    string Snippet,
    IReadOnlyList<string> AllowedOrigins,
    string PreviewOrigin,
    string DemoOrigin,
    DateTimeOffset? LastSeenTime,
    string? LastSeenOrigin)
{
    public bool CanAddOrigin => AllowedOrigins.Count < WidgetOrigins.MaxOrigins;
}
