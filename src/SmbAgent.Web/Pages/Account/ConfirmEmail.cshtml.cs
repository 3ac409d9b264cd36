using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Identity;

namespace SmbAgent.Web.Pages.Account;

/// <summary>The page an email confirmation link opens.</summary>
public sealed class ConfirmEmailModel(AccountRecoveryService recovery) : PageModel
{
    public const string ConfirmedMessage = "Thank you, your email address is confirmed.";
    public const string InvalidLinkMessage = "This confirmation link is invalid or has expired. Send a new one from your account page.";

    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid userId, Guid? tenantId, string? code) =>
        Confirmed = await recovery.ConfirmEmailAsync(new AccountLink(userId, tenantId, code ?? string.Empty));
}
