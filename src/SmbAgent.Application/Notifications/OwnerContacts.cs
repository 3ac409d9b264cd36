using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Identity;
using SmbAgent.Workspace;

namespace SmbAgent.Notifications;

/// <summary>
/// Who hears about things in the current tenant: the business's own contacts only, so nothing a visitor types can
/// choose a recipient. Until the owner lists an email contact, the owners' account addresses stand in.
/// </summary>
public sealed class OwnerContacts(ISmbAgentDbContext db)
{
    public async Task<IReadOnlyList<NotificationContact>> GetAsync(BusinessProfile profile, CancellationToken cancellationToken) =>
        profile.Contacts.Exists(c => c.Kind == ContactKind.Email)
            ? profile.Contacts
            : [.. profile.Contacts, .. (await OwnerEmailsAsync(cancellationToken)).Select(e => new NotificationContact(ContactKind.Email, e, null))];

    private Task<List<string>> OwnerEmailsAsync(CancellationToken cancellationToken) =>
        (from user in db.Users
         join userRole in db.UserRoles on user.Id equals userRole.UserId
         join role in db.Roles on userRole.RoleId equals role.Id
         where role.Name == SmbRoles.Owner && user.Email != null
         select user.Email!).Distinct().ToListAsync(cancellationToken);
}
