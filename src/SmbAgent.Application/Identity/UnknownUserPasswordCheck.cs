using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SmbAgent.Identity;

/// <summary>
/// Verifies a password against the hash of a random one, so a sign-in that finds no account to check (an unknown
/// user or business, a locked account) costs what a wrong password costs and can't be told apart by its timing.
/// </summary>
public sealed class UnknownUserPasswordCheck(IOptions<PasswordHasherOptions> options)
{
    private static readonly AppUser Nobody = new(Guid.Empty, null, "nobody", "nobody");

    private readonly Lazy<string> _hash = new(() => new PasswordHasher<AppUser>(options).HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    /// <summary>Uses the app's own hasher, so the work is the same as for a real account.</summary>
    public void Verify(IPasswordHasher<AppUser> hasher, string password) =>
        hasher.VerifyHashedPassword(Nobody, _hash.Value, password);
}
