using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Workspace;

namespace SmbAgent.Notifications;

public sealed record NotificationSettingsDto(bool SendVisitorConfirmation);

/// <summary>The current tenant's notification switches; who is notified is on the business profile.</summary>
public sealed class NotificationSettingsAppService(ISmbAgentDbContext db, WorkspaceSettingsCache workspace)
{
    public async Task<NotificationSettingsDto> GetAsync(CancellationToken cancellationToken = default) =>
        new((await FindAsync(cancellationToken)).SendVisitorConfirmation);

    public async Task UpdateAsync(NotificationSettingsDto input, CancellationToken cancellationToken = default)
    {
        var profile = await FindAsync(cancellationToken);
        profile.SendVisitorConfirmation = input.SendVisitorConfirmation;
        await db.SaveChangesAsync(cancellationToken);
        await workspace.InvalidateAsync(cancellationToken);
    }

    private async Task<BusinessProfile> FindAsync(CancellationToken cancellationToken) =>
        await db.BusinessProfiles.FirstOrDefaultAsync(cancellationToken)
        ?? throw new EntityNotFoundException(nameof(BusinessProfile), "current tenant");
}
