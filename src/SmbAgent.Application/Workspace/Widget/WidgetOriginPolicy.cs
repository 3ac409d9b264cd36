using Microsoft.Extensions.Options;
using SmbAgent.PublicUrls;
using SmbAgent.Tenancy;

namespace SmbAgent.Workspace.Widget;

/// <summary>
/// Where the current business's widget may run: the sites its owner listed, plus always the admin (the Install page's
/// preview) and the API itself (<c>/demo</c>). An empty list therefore means "not installed yet": only those two work.
/// The owner's list comes from the cached workspace settings, which the origins' save path invalidates.
/// </summary>
public sealed class WidgetOriginPolicy(WorkspaceSettingsCache workspace, ICurrentTenant currentTenant, IOptions<PublicUrlOptions> urls)
{
    /// <summary>The app's own origins: the admin's and the API's.</summary>
    public IReadOnlyList<string> AppOrigins { get; } = [.. new[] { WidgetOrigins.Of(urls.Value.Admin), WidgetOrigins.Of(urls.Value.Api) }.Distinct(StringComparer.Ordinal)];

    public bool IsAppOrigin(string origin) => AppOrigins.Contains(origin, StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> AllowedOriginsAsync(CancellationToken cancellationToken = default)
    {
        if (currentTenant.Id is null)
        {
            return AppOrigins;
        }

        // Stored normalised by WidgetInstallAppService, the only writer: every widget request reads them as they are.
        var owners = (await workspace.GetAsync(cancellationToken)).Agent.AllowedOrigins;
        return [.. AppOrigins.Concat(owners).Distinct(StringComparer.Ordinal)];
    }

    /// <param name="origin">Normalised (<see cref="WidgetOrigins.FromHeader"/>).</param>
    public async Task<bool> IsAllowedAsync(string origin, CancellationToken cancellationToken = default) =>
        IsAppOrigin(origin) || (await AllowedOriginsAsync(cancellationToken)).Contains(origin, StringComparer.Ordinal);
}
