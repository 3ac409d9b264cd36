using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Identity;

namespace SmbAgent.Web.Pages.Account;

/// <summary>The second step of a sign-in for users with an authenticator app (or a recovery code).</summary>
public sealed class LoginWith2faModel(AccountSignInService signIn) : PageModel
{
    public const string WrongCodeError = "That code is wrong or has expired.";

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public bool RememberMe { get; private set; }

    public bool UseRecoveryCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, bool rememberMe, bool recovery, CancellationToken cancellationToken)
    {
        (ReturnUrl, RememberMe, UseRecoveryCode) = (returnUrl, rememberMe, recovery);
        return await signIn.HasPendingTwoFactorAsync(cancellationToken) ? Page() : RedirectToPage("/Account/Login", new { returnUrl });
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, bool rememberMe, bool recovery, CancellationToken cancellationToken)
    {
        (ReturnUrl, RememberMe, UseRecoveryCode) = (returnUrl, rememberMe, recovery);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await signIn.HasPendingTwoFactorAsync(cancellationToken))
        {
            return RedirectToPage("/Account/Login", new { returnUrl });
        }

        var result = await signIn.TwoFactorSignInAsync(Input.Code, recovery, rememberMe, cancellationToken);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut ? LoginModel.LockedOutError : WrongCodeError);
        return Page();
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the code.")]
        [StringLength(64)]
        public string Code { get; set; } = string.Empty;
    }
}
