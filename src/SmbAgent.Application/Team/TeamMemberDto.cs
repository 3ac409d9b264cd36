namespace SmbAgent.Team;

public sealed record TeamMemberDto(Guid Id, string Email, string? DisplayName, string? Role, bool EmailConfirmed);

/// <summary>Builds the absolute link of the set-password page for an invited user.</summary>
public delegate string SetPasswordLinkFactory(Guid userId, Guid tenantId, string code);

public sealed class InviteInput
{
    public string? Email { get; set; }

    public string? Role { get; set; } = Identity.SmbRoles.Staff;
}
