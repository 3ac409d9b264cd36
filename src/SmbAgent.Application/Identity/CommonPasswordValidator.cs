using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace SmbAgent.Identity;

/// <summary>
/// Refuses what the length and character rules let through but an attacker tries first: the passwords of the shipped
/// list (<c>CommonPasswords.txt</c>: well-known top passwords and the word + digits + year patterns people use to meet
/// such rules; compared ignoring case), and passwords that are mostly spaces. Identity runs it wherever it checks a
/// password: sign-up, reset, change and invitation acceptance.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        var requiredLength = manager.Options.Password.RequiredLength;
        if (password.Count(c => !char.IsWhiteSpace(c)) < requiredLength)
        {
            errors.Add(new IdentityError { Code = "PasswordMostlySpaces", Description = $"Passwords must have at least {requiredLength} characters besides spaces." });
        }

        if (CommonPasswords.Value.Contains(password.Trim()))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = "This password is too common; choose one that is harder to guess." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("SmbAgent.Identity.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
