using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Identity;

namespace SmbAgent.Web.Pages.Account;

/// <summary>Asks for a reset link. The answer is the same whether or not the account exists.</summary>
public sealed class ForgotPasswordModel(AccountRecoveryService recovery) : PageModel
{
    public const string SentMessage = "If an account exists for this email, we sent it a link to reset the password. Check your inbox.";

    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await recovery.SendPasswordResetAsync(
            Input.Business,
            Input.Email.Trim(),
            cancellationToken);
        Sent = true;
        return Page();
    }

    public sealed class ForgotPasswordInput
    {
        [StringLength(128)]
        public string? Business { get; set; }

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256)]
        public string Email { get; set; } = string.Empty;
    }
}
