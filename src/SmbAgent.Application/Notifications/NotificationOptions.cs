namespace SmbAgent.Notifications;

/// <summary>Bound from <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Where the admin is served: links in the owner's messages point there (jobs run outside any request).</summary>
    public Uri AdminUrl { get; set; } = new("http://127.0.0.1:5010");

    public Uri ConversationLink(Guid conversationId) => new(AdminUrl, $"/Workspace/Conversations/Details/{conversationId}");
}
