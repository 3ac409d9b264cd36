using System.Text.Json;

namespace SmbAgent.Conversations.Replies;

/// <summary>A reply as kept on its message, so a retry answered from the database means what the first answer meant.</summary>
public static class StoredReplies
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(AgentReply reply) => JsonSerializer.Serialize(reply, Options);

    public static AgentReply? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<AgentReply>(json, Options);
}
