namespace SmbAgent.Web.Navigation;

/// <summary>
/// One sidebar entry. Shown when the user holds <see cref="Permission"/>; when the plan lacks
/// <see cref="RequiredFeature"/> it is shown locked, naming the editions that unlock it.
/// </summary>
public sealed record MenuItem(string Title, string Page, string Icon, string Permission, string? RequiredFeature = null);
