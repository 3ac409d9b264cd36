namespace SmbAgent.Team;

public sealed record TeamMemberDto(Guid Id, string Email, string? DisplayName, string? Role, bool EmailConfirmed);

public sealed class InviteInput
{
    public string? Email { get; set; }

    public string? Role { get; set; } = Identity.SmbRoles.Staff;
}
