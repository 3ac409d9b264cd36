using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmbAgent.Data;
using SmbAgent.PublicUrls;
using SmbAgent.Tenancy;

namespace SmbAgent.Workspace.Widget;

/// <summary>
/// The current business's widget installation: its snippet, the sites allowed to run it (normalised, without duplicates,
/// at most <see cref="WidgetOrigins.MaxOrigins"/>) and where it was last seen. A change invalidates the cached workspace
/// settings, which the API's origin check and CORS read.
/// </summary>
public sealed class WidgetInstallAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    IOptions<PublicUrlOptions> urls,
    WorkspaceSettingsCache workspace)
{
    public async Task<WidgetInstallation> GetAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = RequireTenant();
        var widgetKey = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.WidgetKey).SingleAsync(cancellationToken);
        var settings = await db.AgentSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
                       ?? throw new EntityNotFoundException(nameof(AgentSettings), tenantId);
        var api = urls.Value.Api;
        return new WidgetInstallation(
            widgetKey,
            WidgetSnippet.LoaderUrl(api),
            WidgetSnippet.For(api, widgetKey),
            settings.AllowedOrigins,
            WidgetOrigins.Of(urls.Value.Admin),
            WidgetOrigins.Of(api),
            settings.WidgetLastSeenTime,
            settings.WidgetLastSeenOrigin);
    }

    /// <summary>Adds a site; a site already listed (in any spelling) stays once. Refused with the reason under <c>Origin</c>.</summary>
    public async Task AddOriginAsync(string? origin, CancellationToken cancellationToken = default)
    {
        var normalized = WidgetOrigins.Normalize(origin, out var error)
                         ?? throw new ValidationException([new ValidationFailure("Origin", error)]);
        var settings = await FindAsync(cancellationToken);
        if (settings.AllowedOrigins.Contains(normalized, StringComparer.Ordinal))
        {
            return;
        }

        if (settings.AllowedOrigins.Count >= WidgetOrigins.MaxOrigins)
        {
            throw new ValidationException([new ValidationFailure("Origin", $"At most {WidgetOrigins.MaxOrigins} sites can be listed: remove one first.")]);
        }

        settings.AllowedOrigins = [.. settings.AllowedOrigins, normalized];
        await SaveAsync(cancellationToken);
    }

    public async Task RemoveOriginAsync(string? origin, CancellationToken cancellationToken = default)
    {
        var settings = await FindAsync(cancellationToken);
        var normalized = WidgetOrigins.Normalize(origin, out _);
        if (normalized is null || !settings.AllowedOrigins.Contains(normalized, StringComparer.Ordinal))
        {
            return;
        }

        settings.AllowedOrigins = [.. settings.AllowedOrigins.Where(o => o != normalized)];
        await SaveAsync(cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await workspace.InvalidateAsync(cancellationToken);
    }

    private Guid RequireTenant() =>
        currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "The widget belongs to a business.", 403);

    private async Task<AgentSettings> FindAsync(CancellationToken cancellationToken) =>
        await db.AgentSettings.FirstOrDefaultAsync(cancellationToken)
        ?? throw new EntityNotFoundException(nameof(AgentSettings), RequireTenant());
}
