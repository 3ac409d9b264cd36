using Microsoft.AspNetCore.Mvc;
using SmbAgent.Voice.Calls;

namespace SmbAgent.Web.Pages.Workspace.Calls;

/// <summary>A link to the call a lead or a conversation came from; nothing for a chat.</summary>
public sealed class CallLinkViewComponent(CallLogAppService calls) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid? leadId, Guid? conversationId)
    {
        var callId = leadId is { } lead
            ? await calls.FindByLeadAsync(lead, HttpContext.RequestAborted)
            : conversationId is { } conversation
                ? await calls.FindByConversationAsync(conversation, HttpContext.RequestAborted)
                : null;
        return callId is { } id ? View(id) : Content(string.Empty);
    }
}
