using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SmbAgent.Identity;

namespace SmbAgent.Web.Pages.Account;

[EnableRateLimiting(SignInRateLimit.PolicyName)]
public sealed class LoginModel(AccountSignInService signIn, IDataProtectionProvider dataProtection) : PageModel
{
    public const string GenericError = "The business, email or password is wrong.";
    /// <summary>Only after the second factor: the password was right, so the account's lockout reveals nothing.</summary>
    public const string LockedOutError = "Too many failed attempts. Try again in a few minutes.";
    public const string ChoiceExpiredError = "That took too long. Please sign in again.";

    /// <summary>How long the verified credentials wait, encrypted in the page, for the user to pick a business.</summary>
    private static readonly TimeSpan ChoiceLifetime = TimeSpan.FromMinutes(5);

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    /// <summary>Businesses whose account accepted the password; only set then.</summary>
    public IReadOnlyList<BusinessChoice> Businesses { get; private set; } = [];

    public string? ChoiceToken { get; private set; }

    private ITimeLimitedDataProtector ChoiceProtector =>
        dataProtection.CreateProtector("SmbAgent.Web.Login.BusinessChoice").ToTimeLimitedDataProtector();

    public void OnGet(string? returnUrl = null) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.LoginAsync(Input.Business, Input.Email, Input.Password, Input.RememberMe, cancellationToken);
        if (result.NeedsBusinessChoice)
        {
            Businesses = result.Businesses;
            var pending = new PendingChoice(Input.Email, Input.Password, Input.RememberMe, [.. result.Businesses.Select(b => b.TenantId)]);
            ChoiceToken = ChoiceProtector.Protect(JsonSerializer.Serialize(pending), ChoiceLifetime);
            return Page();
        }

        return Outcome(result.SignIn, returnUrl);
    }

    public async Task<IActionResult> OnPostChooseAsync(string? token, Guid tenantId, string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = returnUrl;
        ModelState.Clear();
        var pending = Unprotect(token);
        if (pending is null || !pending.TenantIds.Contains(tenantId))
        {
            ModelState.AddModelError(string.Empty, ChoiceExpiredError);
            return Page();
        }

        Input.Email = pending.Email;
        Input.RememberMe = pending.RememberMe;
        return Outcome(await signIn.SignInInTenantAsync(tenantId, pending.Email, pending.Password, pending.RememberMe, cancellationToken), returnUrl);
    }

    private IActionResult Outcome(SignInResult result, string? returnUrl)
    {
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { returnUrl, rememberMe = Input.RememberMe });
        }

        // A locked account gets the wrong-password answer (its lockout still counts): telling them apart would reveal which accounts exist.
        ModelState.AddModelError(string.Empty, GenericError);
        return Page();
    }

    private PendingChoice? Unprotect(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PendingChoice>(ChoiceProtector.Unprotect(token));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Credentials already verified for these businesses; never sent to the browser unencrypted.</summary>
    private sealed record PendingChoice(string Email, string Password, bool RememberMe, Guid[] TenantIds);

    public sealed class LoginInput
    {
        [StringLength(128)]
        public string? Business { get; set; }

        [Required(ErrorMessage = "Enter your email or user name.")]
        [StringLength(256)]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(256)]
        public string Password { get; set; } = string.Empty;

        public bool RememberMe { get; set; }
    }
}
