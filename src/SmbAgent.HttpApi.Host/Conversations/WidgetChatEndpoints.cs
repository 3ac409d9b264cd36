using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using SmbAgent.Conversations.Chat;
using SmbAgent.Tenancy;

namespace SmbAgent.HttpApi.Conversations;

/// <summary>
/// The chat widget's API: anonymous, the tenant named by the public widget key in the path, the conversation by the
/// secret token in <see cref="TokenHeader"/> (never in a URL, which logs keep), looked up in that tenant only. Other
/// credentials are not read here: a bearer token on a widget route neither moves it to its business nor signs anyone in.
/// </summary>
public static class WidgetChatEndpoints
{
    public const string TokenHeader = "X-Conversation-Token";

    public static void MapWidgetChatEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapWidgetGroup("/conversations");

        group.MapPost("/", async (StartConversationDto? input, HttpContext http, ChatAppService chat, ICurrentTenant tenant, CancellationToken ct) =>
                {
                    var started = await chat.StartAsync(input ?? new StartConversationDto(), VisitorOf(http, tenant.Id), ct);
                    return TypedResults.Created((string?)null, started);
                })
            .WithName(WidgetRateLimits.StartEndpoint);
        group.MapPost("/current/messages", ([FromHeader(Name = TokenHeader)] string? token, SendMessageDto input, ChatAppService chat, CancellationToken ct) =>
                chat.SendAsync(token ?? string.Empty, input, ct))
            .WithName(WidgetRateLimits.MessageEndpoint);
        // Polled by the widget with the last sequence it shows, so messages written by the team during a takeover reach it;
        // a longer transcript comes in pages, each naming the next one's "after".
        group.MapGet("/current", ([FromHeader(Name = TokenHeader)] string? token, ChatAppService chat, CancellationToken ct, int after = 0, int limit = ChatAppService.DefaultTranscriptPageSize) =>
                chat.GetTranscriptAsync(token ?? string.Empty, after, limit, ct))
            .WithName("GetTranscript");
    }

    /// <summary>The visitor's network, hashed with the tenant: enough to tell visitors apart, not to identify one.</summary>
    private static string? VisitorOf(HttpContext http, Guid? tenantId) =>
        http.Connection.RemoteIpAddress is { } address
            ? "ip:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}:{address}")))[..16]
            : null;
}
