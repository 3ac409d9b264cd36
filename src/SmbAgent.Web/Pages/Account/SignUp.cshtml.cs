using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SmbAgent.SignUp;
using SmbAgent.Tenancy;
using SmbAgent.Workspace;

namespace SmbAgent.Web.Pages.Account;

/// <summary>Self sign-up: creates the business on FREE, signs the owner in and opens the setup checklist.</summary>
[EnableRateLimiting(SignUpRateLimit.PolicyName)]
public sealed class SignUpModel(SignUpService signUp) : PageModel
{
    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!BusinessTypeNames.Ordered.Contains(Input.BusinessType))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.BusinessType)}", "Choose a business type from the list.");
        }

        if (!TimeZones.IsKnown(Input.TimeZone))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.TimeZone)}", "Choose a time zone from the list.");
        }

        if (!Input.AcceptTerms)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.AcceptTerms)}", "Please accept the terms to continue.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signUp.SignUpAsync(
            new SignUpRequest(Input.BusinessName.Trim(), Input.BusinessType, Input.TimeZone, Input.OwnerName.Trim(), Input.Email.Trim(), Input.Password),
            cancellationToken);
        if (result.Succeeded)
        {
            return LocalRedirect("/");
        }

        // All of a field's messages in one, because a validation span shows only the first.
        foreach (var field in result.Errors.GroupBy(e => e.Field))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field.Key}", string.Join(" ", field.Select(e => e.Message)));
        }

        return Page();
    }

    public sealed class SignUpInput
    {
        [Required(ErrorMessage = "Enter your business's name.")]
        [StringLength(TenantConsts.MaxNameLength, ErrorMessage = "Use at most {1} characters.")]
        public string BusinessName { get; set; } = string.Empty;

        public BusinessType BusinessType { get; set; } = BusinessType.Plumbing;

        [Required(ErrorMessage = "Choose a time zone.")]
        public string TimeZone { get; set; } = TimeZones.Default;

        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(128, ErrorMessage = "Use at most {1} characters.")]
        public string OwnerName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256, ErrorMessage = "Use at most {1} characters.")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(128, ErrorMessage = "Use at most {1} characters.")]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
        public string ConfirmPassword { get; set; } = string.Empty;

        public bool AcceptTerms { get; set; }
    }
}
