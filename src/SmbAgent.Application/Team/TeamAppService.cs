using System.Net;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.Emailing;
using SmbAgent.Identity;
using SmbAgent.PublicUrls;
using SmbAgent.Tenancy;

namespace SmbAgent.Team;

/// <summary>
/// The current tenant's users: invite (an account without a password and a set-password link by email),
/// change roles, remove. A business always keeps at least one owner.
/// </summary>
public sealed class TeamAppService(
    ISmbAgentDbContext db,
    UserManager<AppUser> users,
    ICurrentTenant currentTenant,
    IEmailSender emailSender,
    AdminLinks links,
    IAuditLogger auditLogger,
    IValidator<InviteInput> validator)
{
    public static IReadOnlyList<string> TenantRoles { get; } = [SmbRoles.Owner, SmbRoles.Staff];

    public static bool IsTenantRole(string? role) => role is not null && TenantRoles.Contains(role, StringComparer.Ordinal);

    public async Task<IReadOnlyList<TeamMemberDto>> GetMembersAsync(CancellationToken cancellationToken = default)
    {
        var members = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.UserName, u.DisplayName, u.EmailConfirmed })
            .ToListAsync(cancellationToken);
        var roles = await RolesByUserAsync(cancellationToken);
        return [.. members.Select(m => new TeamMemberDto(m.Id, m.Email ?? m.UserName ?? string.Empty, m.DisplayName, roles.GetValueOrDefault(m.Id), m.EmailConfirmed))];
    }

    public async Task<TeamMemberDto> InviteAsync(InviteInput input, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var tenantId = RequireTenant();
        var email = input.Email!.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new ValidationException([new ValidationFailure(nameof(input.Email), "This person is already in the team.")]);
        }

        var user = new AppUser(Guid.CreateVersion7(), tenantId, email, email) { EmailConfirmed = false };
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, input.Role!));
        // The invitee chooses a password on the reset-password page.
        var url = links.ResetPassword(AccountLink.For(user, await users.GeneratePasswordResetTokenAsync(user))).AbsoluteUri;
        var business = currentTenant.Name ?? await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Name).FirstAsync(cancellationToken);
        await emailSender.SendAsync(
            new EmailMessage(
                email,
                $"You are invited to {business} on SmbAgent",
                $"You have been invited to {business} on SmbAgent as {input.Role}.\n\nChoose your password here:\n{url}\n",
                $"<p>You have been invited to <strong>{WebUtility.HtmlEncode(business)}</strong> on SmbAgent as {WebUtility.HtmlEncode(input.Role)}.</p>"
                + $"<p><a href=\"{WebUtility.HtmlEncode(url)}\">Choose your password</a></p>"),
            cancellationToken);
        await auditLogger.LogAsync(AuditActions.UserInvited, $"{email} as {input.Role}", cancellationToken);
        return new TeamMemberDto(user.Id, email, null, input.Role, false);
    }

    public async Task ChangeRoleAsync(Guid userId, string role, CancellationToken cancellationToken = default)
    {
        if (!IsTenantRole(role))
        {
            throw new BusinessException("Team:UnknownRole", "Choose owner or staff.");
        }

        var user = await FindAsync(userId);
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role)
        {
            return;
        }

        if (current.Contains(SmbRoles.Owner) && role != SmbRoles.Owner)
        {
            await EnsureAnotherOwnerAsync(userId, cancellationToken);
        }

        Check(await users.RemoveFromRolesAsync(user, current));
        Check(await users.AddToRoleAsync(user, role));
        // A new stamp makes the user's cookie pick up the new role at its next validation.
        Check(await users.UpdateSecurityStampAsync(user));
        await auditLogger.LogAsync(AuditActions.RoleChanged, $"{user.Email}: {string.Join(", ", current)} → {role}", cancellationToken);
    }

    public async Task RemoveAsync(Guid userId, Guid currentUserId, CancellationToken cancellationToken = default)
    {
        if (userId == currentUserId)
        {
            throw new BusinessException("Team:RemoveSelf", "You cannot remove yourself.");
        }

        var user = await FindAsync(userId);
        if (await users.IsInRoleAsync(user, SmbRoles.Owner))
        {
            await EnsureAnotherOwnerAsync(userId, cancellationToken);
        }

        Check(await users.DeleteAsync(user));
        await auditLogger.LogAsync(AuditActions.UserRemoved, user.Email, cancellationToken);
    }

    private async Task EnsureAnotherOwnerAsync(Guid userId, CancellationToken cancellationToken)
    {
        var owners = await RolesByUserAsync(cancellationToken);
        if (!owners.Any(o => o.Key != userId && o.Value == SmbRoles.Owner))
        {
            throw new BusinessException("Team:LastOwner", "A business needs at least one owner. Make someone else owner first.");
        }
    }

    private async Task<Dictionary<Guid, string>> RolesByUserAsync(CancellationToken cancellationToken)
    {
        var pairs = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           join user in db.Users on userRole.UserId equals user.Id
                           select new { userRole.UserId, role.Name })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        // One role per user here; an owner who is also staff shows as owner.
        return pairs.GroupBy(p => p.UserId).ToDictionary(
            g => g.Key,
            g => g.Any(p => p.Name == SmbRoles.Owner) ? SmbRoles.Owner : g.First().Name ?? string.Empty);
    }

    private async Task<AppUser> FindAsync(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new EntityNotFoundException(nameof(AppUser), userId);

    private Guid RequireTenant() =>
        currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "A team belongs to a business.", 403);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new BusinessException("Identity:Invalid", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
