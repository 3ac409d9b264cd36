using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Auditing;
using SmbAgent.Identity;

namespace SmbAgent.Web.Pages.Account.Manage;

/// <summary>
/// Turns two-factor sign-in with an authenticator app on (after one correct code) and off. The key is
/// shown as text and as an otpauth:// URI, so no QR library is needed.
/// </summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signInManager, IAuditLogger audit) : PageModel
{
    public const string Issuer = "SmbAgent";
    public const string WrongCodeError = "That code is wrong. Check that your phone's clock is right and try the next code.";
    public const string DisabledMessage = "Two-factor sign-in is off.";

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    public bool Enabled { get; private set; }

    public string? SharedKey { get; private set; }

    public string? FormattedKey { get; private set; }

    public string? AuthenticatorUri { get; private set; }

    /// <summary>Set only in the answer that turned two-factor on: they are never shown again.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        var code = Input.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Code)}", WrongCodeError);
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await signInManager.RefreshSignInAsync(user);
        await audit.LogAsync(AuditActions.TwoFactorChanged, $"user {user.UserName}: enabled", cancellationToken);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key next time: the old one may be on a lost phone.
        await users.ResetAuthenticatorKeyAsync(user);
        await signInManager.RefreshSignInAsync(user);
        await audit.LogAsync(AuditActions.TwoFactorChanged, $"user {user.UserName}: disabled", cancellationToken);
        TempData["Success"] = DisabledMessage;
        return RedirectToPage();
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Creating the key rotates the security stamp; renew this browser's cookie so it stays valid.
            await users.ResetAuthenticatorKeyAsync(user);
            await signInManager.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = key!;
        FormattedKey = string.Join(' ', SharedKey.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        AuthenticatorUri = $"otpauth://totp/{label}?secret={SharedKey}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the code from your app.")]
        [StringLength(16)]
        public string Code { get; set; } = string.Empty;
    }
}
