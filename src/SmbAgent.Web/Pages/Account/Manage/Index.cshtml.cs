using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Identity;

namespace SmbAgent.Web.Pages.Account.Manage;

/// <summary>The signed-in user's own account: email and its confirmation, password, two-factor.</summary>
public sealed class IndexModel(UserManager<AppUser> users, AccountRecoveryService recovery) : PageModel
{
    public const string ConfirmationSentMessage = "We sent you a new confirmation link.";

    public string? DisplayName { get; private set; }

    public string? Email { get; private set; }

    public bool EmailConfirmed { get; private set; }

    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        (DisplayName, Email, EmailConfirmed, TwoFactorEnabled) = (user.DisplayName, user.Email, user.EmailConfirmed, user.TwoFactorEnabled);
        return Page();
    }

    public async Task<IActionResult> OnPostResendConfirmationAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.EmailConfirmed)
        {
            await recovery.SendEmailConfirmationAsync(user, cancellationToken);
            TempData["Success"] = ConfirmationSentMessage;
        }

        return RedirectToPage();
    }
}
