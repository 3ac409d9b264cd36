using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Takeover;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.Permissions;
using SmbAgent.Web.Pages.Workspace.Leads;

namespace SmbAgent.Web.Pages.Workspace.Conversations;

/// <summary>
/// One conversation's transcript, kept current while the page is open, with a link to the lead it produced and the
/// notifications about it. Staff who may update leads can take a chat over, write to the visitor and hand it back to
/// the assistant, and send a failed notification again.
/// </summary>
[Authorize(Policy = SmbPermissions.Leads.Default)]
public sealed class DetailsModel(ConversationAppService conversations, TakeoverAppService takeover, IAuthorizationService authorization) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public OwnerMessageForm Input { get; set; } = new();

    public ConversationDetailsDto Details { get; private set; } = null!;

    public LiveConversationDto Live { get; private set; } = null!;

    public bool CanTakeOver { get; private set; }

    public bool CanManage { get; private set; }

    public int LastSequence => Details.Transcript.Count == 0 ? 0 : Details.Transcript[^1].Sequence;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Polled every few seconds by the page: the state and the messages it does not show yet.</summary>
    public async Task<IActionResult> OnGetMessagesAsync(int after, CancellationToken cancellationToken)
    {
        try
        {
            var live = await takeover.GetLiveAsync(Id, after, cancellationToken);
            var (label, cssClass) = LeadDisplay.State(live.State);
            return new JsonResult(new LivePoll(
                live.State.ToString(),
                label,
                cssClass,
                live.WaitingForPerson,
                live.TakenOverBy,
                live.MessageCount,
                [.. live.Messages.Select(LivePollMessage.From)]));
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostTakeOverAsync(CancellationToken cancellationToken) =>
        ChangeAsync(
            () => takeover.TakeOverAsync(Id, CurrentUserId, cancellationToken),
            "You are answering this chat: the assistant stays silent until you hand it back.");

    public Task<IActionResult> OnPostHandBackAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => takeover.HandBackAsync(Id, cancellationToken), "The assistant is answering this chat again.");

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        if (!await CanManageAsync())
        {
            return Forbid();
        }

        try
        {
            await takeover.SendAsync(Id, new OwnerMessageDto { Text = Input.Text ?? string.Empty }, cancellationToken);
            return RedirectToPage(new { id = Id });
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException e)
        {
            ModelState.AddErrors(e, nameof(Input));
        }
        catch (BusinessException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>
    /// Sends a failed notification again; a sent or queued one is left as it is. The service comes with the request:
    /// it brings Hangfire's job client, which showing the page has no use for.
    /// </summary>
    public async Task<IActionResult> OnPostRetryAsync(Guid deliveryId, [FromServices] NotificationDeliveryAppService deliveries, CancellationToken cancellationToken)
    {
        if (!await CanManageAsync())
        {
            return Forbid();
        }

        return await DeliveryRetry.PostAsync(this, deliveries, deliveryId, Id, cancellationToken);
    }

    private Guid CurrentUserId => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    private async Task<IActionResult> ChangeAsync(Func<Task> change, string done)
    {
        if (!await CanManageAsync())
        {
            return Forbid();
        }

        try
        {
            await change();
            TempData["Success"] = done;
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException e)
        {
            TempData["Error"] = e.Message;
        }

        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> CanManageAsync() => (await authorization.AuthorizeAsync(User, SmbPermissions.Leads.Manage)).Succeeded;

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Details = await conversations.GetAsync(Id, cancellationToken);
            Live = await takeover.GetLiveAsync(Id, int.MaxValue, cancellationToken);
        }
        catch (EntityNotFoundException)
        {
            return false;
        }

        CanManage = await CanManageAsync();
        CanTakeOver = Live.Channel == ConversationChannel.Chat && CanManage;
        return true;
    }

    public sealed class OwnerMessageForm
    {
        public string? Text { get; set; }
    }

    public sealed record LivePoll(string State, string StateLabel, string StateClass, bool Waiting, string? TakenOverBy, int MessageCount, IReadOnlyList<LivePollMessage> Messages);

    /// <summary>A message as the page's script draws it: labels and classes decided here, the text set as text, never as markup.</summary>
    public sealed record LivePollMessage(int Sequence, string Role, string RoleLabel, string CssClass, string Text, string Time, string MachineTime, IReadOnlyList<LivePollCitation> Citations)
    {
        public static LivePollMessage From(TranscriptMessageDto m) => new(
            m.Sequence,
            m.Role.ToString(),
            LeadDisplay.Role(m.Role),
            LeadDisplay.MessageClass(m.Role),
            m.Text,
            LeadDisplay.Time(m.CreationTime),
            LeadDisplay.MachineTime(m.CreationTime),
            [.. m.Citations.Select(c => new LivePollCitation(c.SourceTitle, LeadDisplay.WebLink(c.Link)?.AbsoluteUri))]);
    }

    public sealed record LivePollCitation(string Title, string? Link);
}
