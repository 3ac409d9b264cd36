using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Operations;

/// <summary>
/// Everything one business owns, as one JSON document streamed row by row (a year of conversations never sits in
/// memory): settings, lead questions, emergency words, knowledge sources, leads, conversations and their messages,
/// calls, notification deliveries and emergency alerts. Left out: what can be rebuilt (passages, vectors, cached
/// audio), uploaded files' bytes, and secrets (a phone line's auth token; users' password hashes — users are not
/// exported at all).
/// </summary>
public sealed class BusinessExporter(ISmbAgentDbContext db, ICurrentTenant currentTenant, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
    };

    public async Task<BusinessExportSummary> ExportAsync(Tenant business, Stream output, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>();
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        using (currentTenant.Change(business.Id))
        {
            writer.WriteStartObject();
            writer.WriteString("exportedAt", clock.GetUtcNow());
            writer.WritePropertyName("business");
            JsonSerializer.Serialize(writer, new { business.Id, business.Name, business.IsActive, business.CreationTime }, Json);
            await WriteAsync(writer, "profile", db.BusinessProfiles, counts, cancellationToken);
            await WriteAsync(writer, "agentSettings", db.AgentSettings, counts, cancellationToken);
            await WriteAsync(writer, "leadQuestions", db.LeadQuestions.OrderBy(q => q.Position), counts, cancellationToken);
            await WriteAsync(writer, "emergencyWords", db.EmergencyWords, counts, cancellationToken);
            await WriteAsync(writer, "knowledgeSources", db.KnowledgeSources.OrderBy(s => s.CreationTime).Select(s => new
            {
                s.Id, s.Kind, s.Title, s.Origin, s.Language, s.Status, s.Content, s.ChunkCount, s.CreationTime, s.LastModificationTime,
            }), counts, cancellationToken);
            await WriteAsync(writer, "phoneLines", db.PhoneLines.Select(l => new
            {
                l.Id, l.Number, l.AccountSid, l.ForwardTo, l.SayVoice, l.PremiumVoice, l.IsActive, l.CreationTime,
            }), counts, cancellationToken);
            await WriteAsync(writer, "leads", db.Leads.OrderBy(l => l.CreationTime), counts, cancellationToken);
            await WriteAsync(writer, "conversations", db.Conversations.OrderBy(c => c.CreationTime), counts, cancellationToken);
            await WriteAsync(writer, "messages", db.ConversationMessages.OrderBy(m => m.ConversationId).ThenBy(m => m.Sequence), counts, cancellationToken);
            await WriteAsync(writer, "calls", db.CallLogs.OrderBy(c => c.CreationTime), counts, cancellationToken);
            await WriteAsync(writer, "notificationDeliveries", db.NotificationDeliveries.OrderBy(d => d.CreationTime), counts, cancellationToken);
            await WriteAsync(writer, "emergencyAlerts", db.EmergencyAlerts.OrderBy(a => a.CreationTime), counts, cancellationToken);
            await WriteAsync(writer, "emergencyAlertAttempts", db.EmergencyAlertAttempts, counts, cancellationToken);
            writer.WriteEndObject();
        }

        await writer.FlushAsync(cancellationToken);
        return new BusinessExportSummary(counts);
    }

    private static async Task WriteAsync<T>(
        Utf8JsonWriter writer, string name, IQueryable<T> rows, Dictionary<string, int> counts, CancellationToken cancellationToken)
        where T : class
    {
        writer.WriteStartArray(name);
        var count = 0;
        await foreach (var row in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(writer, row, Json);
            count++;
            if (count % 500 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        counts[name] = count;
    }
}

/// <summary>How many rows of each kind an export wrote.</summary>
public sealed record BusinessExportSummary(IReadOnlyDictionary<string, int> Counts);
