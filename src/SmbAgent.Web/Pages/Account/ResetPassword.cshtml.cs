using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Identity;

namespace SmbAgent.Web.Pages.Account;

/// <summary>The page a reset link opens. The link's token, checked inside the link's tenant, decides.</summary>
public sealed class ResetPasswordModel(AccountRecoveryService recovery, UserManager<AppUser> users) : PageModel
{
    public const string InvalidLinkError = "This link is invalid or has expired. Ask for a new one.";
    public const string DoneMessage = "Your password was changed. Sign in with the new one.";

    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    public void OnGet(Guid userId, Guid? tenantId, string? code) =>
        Input = new ResetPasswordInput { UserId = userId, TenantId = tenantId, Code = code ?? string.Empty };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await recovery.ResetPasswordAsync(new AccountLink(Input.UserId, Input.TenantId, Input.Code), Input.Password, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Success"] = DoneMessage;
            return RedirectToPage("/Account/Login");
        }

        var invalidToken = users.ErrorDescriber.InvalidToken().Code;
        if (result.Errors.Any(e => e.Code == invalidToken))
        {
            ModelState.AddModelError(string.Empty, InvalidLinkError);
        }
        else
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return Page();
    }

    public sealed class ResetPasswordInput
    {
        public Guid UserId { get; set; }

        public Guid? TenantId { get; set; }

        [Required]
        public string Code { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a new password.")]
        [StringLength(128, ErrorMessage = "Use at most {1} characters.")]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Type the new password again.")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
