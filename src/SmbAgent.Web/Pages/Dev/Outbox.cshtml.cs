using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Twilio.DevelopmentOutbox;

namespace SmbAgent.Web.Pages.Dev;

/// <summary>
/// Development only: the SMS and calls that went to the development outbox instead of Twilio. Anonymous like the
/// development mail it sits beside; any other environment answers 404.
/// </summary>
[AllowAnonymous]
public sealed class OutboxModel(DevelopmentOutboxAppService outbox, IWebHostEnvironment environment) : PageModel
{
    public IReadOnlyList<DevelopmentOutboxItemDto> Messages { get; private set; } = [];

    public DevelopmentOutboxMessageDto? Selected { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            return NotFound();
        }

        if (id is { } messageId)
        {
            Selected = await outbox.GetAsync(messageId, cancellationToken);
            return Selected is null ? NotFound() : Page();
        }

        Messages = await outbox.GetListAsync(cancellationToken);
        return Page();
    }
}
