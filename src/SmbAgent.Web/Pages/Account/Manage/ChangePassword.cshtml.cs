using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Auditing;
using SmbAgent.Identity;

namespace SmbAgent.Web.Pages.Account.Manage;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signInManager, IAuditLogger audit) : PageModel
{
    public const string DoneMessage = "Your password was changed.";
    public const string WrongCurrentPasswordError = "The current password is wrong.";

    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            var mismatch = users.ErrorDescriber.PasswordMismatch().Code;
            if (result.Errors.Any(e => e.Code == mismatch))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.CurrentPassword)}", WrongCurrentPasswordError);
            }

            var others = result.Errors.Where(e => e.Code != mismatch).Select(e => e.Description).ToList();
            if (others.Count > 0)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.NewPassword)}", string.Join(" ", others));
            }

            return Page();
        }

        // The change rotated the security stamp; renew this browser's cookie so only other sessions end.
        await signInManager.RefreshSignInAsync(user);
        await audit.LogAsync(AuditActions.PasswordChanged, $"user {user.UserName}", cancellationToken);
        TempData["Success"] = DoneMessage;
        return RedirectToPage("/Account/Manage/Index");
    }

    public sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [StringLength(256)]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a new password.")]
        [StringLength(128, ErrorMessage = "Use at most {1} characters.")]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Type the new password again.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match.")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
