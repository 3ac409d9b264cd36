using SmbAgent.Conversations;
using SmbAgent.Voice;
using SmbAgent.Voice.Calls;

namespace SmbAgent.HttpApi.RestApi;

/// <summary>Conversations (chat and voice) and calls: paged lists, and one with what was said.</summary>
public static class RestApiConversationEndpoints
{
    public static void MapRestConversations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/conversations").WithTags("Conversations");
        group.MapGet("/", (int? page, bool? waitingOnly, ConversationAppService conversations, CancellationToken ct) =>
                conversations.GetListAsync(new ConversationListInput { Page = page ?? 1, WaitingOnly = waitingOnly ?? false }, ct))
            .WithName("ApiListConversations")
            .WithSummary("Conversations a visitor wrote in, latest activity first, 25 a page.");
        group.MapGet("/{id:guid}", (Guid id, ConversationAppService conversations, CancellationToken ct) => conversations.GetAsync(id, ct))
            .WithName("ApiGetConversation")
            .WithSummary("A conversation with its messages.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static void MapRestCalls(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calls").WithTags("Calls");
        group.MapGet("/", (int? page, CallDirection? direction, string? status, CallLogAppService calls, CancellationToken ct) =>
                calls.GetListAsync(new CallLogListInput { Page = page ?? 1, Direction = direction, Status = status }, ct))
            .WithName("ApiListCalls")
            .WithSummary("Calls, newest first, 25 a page; status is one of Twilio's call statuses.");
        group.MapGet("/{id:guid}", (Guid id, CallLogAppService calls, CancellationToken ct) => calls.GetAsync(id, ct))
            .WithName("ApiGetCall")
            .WithSummary("A call with its voicemail and what was said.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
