using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using SmbAgent.Bench.Chat.Data;
using SmbAgent.Bench.Chat.Measure;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Chat;
using SmbAgent.Leads;

namespace SmbAgent.Bench.Chat.Hosting;

/// <summary>
/// The baseline: a bare minimal-API server with the chat API's two routes and JSON shapes, doing only a turn's
/// database writes with plain Npgsql as the application role under row-level security: find the conversation
/// by its token hash and update it, insert the visitor's message and the agent's two replies, in one
/// transaction (three round trips: set tenant + update, insert, commit). No engine, no search, no embedding,
/// no idempotency check, no validation, no EF; the tenant comes from a dictionary of widget keys.
/// </summary>
public sealed class BareServer : IAsyncDisposable
{
    private const string InsertMessage =
        "INSERT INTO conversation_messages (id, tenant_id, conversation_id, sequence, role, text, idempotency_key, citations, creation_time) VALUES ";

    /// <summary>Stands for the FAQ source the citation names.</summary>
    private static readonly Guid SourceId = Guid.NewGuid();

    private readonly WebApplication _app;
    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyDictionary<string, SeededBusiness> _businesses;

    private BareServer(WebApplication app, NpgsqlDataSource dataSource, IReadOnlyDictionary<string, SeededBusiness> businesses)
    {
        _app = app;
        _dataSource = dataSource;
        _businesses = businesses;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<BareServer> StartAsync(BenchSettings settings, IEnumerable<SeededBusiness> businesses, TurnProfiler profiler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var server = new BareServer(builder.Build(), NpgsqlDataSource.Create(settings.AppConnectionString), businesses.ToDictionary(b => b.WidgetKey));
        server._app.Use((context, next) => profiler.ProfileAsync(context, () => next(context)));
        server._app.MapPost("/api/widget/{widgetKey}/conversations", server.StartConversationAsync);
        server._app.MapPost("/api/widget/{widgetKey}/conversations/current/messages", server.SendAsync);
        await server._app.StartAsync();
        server.BaseAddress = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    private async Task<IResult> StartConversationAsync(string widgetKey, CancellationToken cancellationToken)
    {
        if (!_businesses.TryGetValue(widgetKey, out var business))
        {
            return TypedResults.NotFound();
        }

        var (token, hash) = ConversationTokens.New();
        var now = DateTimeOffset.UtcNow;
        var welcome = new ChatMessageDto(1, MessageRole.Agent, "Hi! How can I help you today?", [], now);
        var conversationId = Guid.CreateVersion7();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(SetTenant(business.TenantId));
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO conversations (id, tenant_id, channel, token_hash, language, state, reasked, answers, awaiting_details_consent,
                                           counted, over_quota, priority, is_emergency, message_count, creation_time, last_activity_time)
                VALUES ($1, $2, 0, $3, 'en', 0, false, '[]', false, false, false, $4, false, 1, $5, $5)
                """);
            insert.Parameters.Add(new NpgsqlParameter { Value = conversationId });
            insert.Parameters.Add(new NpgsqlParameter { Value = business.TenantId });
            insert.Parameters.Add(new NpgsqlParameter { Value = hash });
            insert.Parameters.Add(new NpgsqlParameter { Value = (int)LeadPriority.Normal });
            insert.Parameters.Add(new NpgsqlParameter { Value = now });
            batch.BatchCommands.Add(insert);
            batch.BatchCommands.Add(Insert(business.TenantId, conversationId, welcome, idempotencyKey: null));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var widget = new WidgetConfigurationDto("Assistant", business.Plan.Name, "#0d6efd", "#ffffff", "BottomRight", "en", welcome.Text, true, true);
        return TypedResults.Created((string?)null, new ConversationStartedDto(token, widget, [welcome]));
    }

    private async Task<IResult> SendAsync(
        string widgetKey, [FromHeader(Name = "X-Conversation-Token")] string? token, SendMessageDto input, CancellationToken cancellationToken)
    {
        if (!_businesses.TryGetValue(widgetKey, out var business) || string.IsNullOrEmpty(token))
        {
            return TypedResults.NotFound();
        }

        var now = DateTimeOffset.UtcNow;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Guid conversationId;
        int last;
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(SetTenant(business.TenantId));
            var update = new NpgsqlBatchCommand(
                "UPDATE conversations SET message_count = message_count + 3, last_activity_time = $1 WHERE token_hash = $2 AND channel = 0 RETURNING id, message_count");
            update.Parameters.Add(new NpgsqlParameter { Value = now });
            update.Parameters.Add(new NpgsqlParameter { Value = ConversationTokens.Hash(token) });
            batch.BatchCommands.Add(update);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return TypedResults.NotFound();
            }

            (conversationId, last) = (reader.GetGuid(0), reader.GetInt32(1));
        }

        // The same rows a knowledge answer stores: the visitor's text, the passage with its source, the follow-up.
        var (question, answer) = business.Plan.Faq[0];
        var citation = new MessageCitation(SourceId, business.Plan.FaqTitle, question, null);
        var visitor = new ChatMessageDto(last - 2, MessageRole.Visitor, input.Text.Trim(), [], now);
        var replies = new[]
        {
            new ChatMessageDto(last - 1, MessageRole.Agent, $"{answer}\n\nSource: {business.Plan.FaqTitle}", [citation], now),
            new ChatMessageDto(last, MessageRole.Agent, "Is there anything else I can help you with?", [], now),
        };
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(Insert(business.TenantId, conversationId, visitor, input.IdempotencyKey));
            foreach (var reply in replies)
            {
                batch.BatchCommands.Add(Insert(business.TenantId, conversationId, reply, idempotencyKey: null));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new TurnDto(visitor, replies, ConversationState.Open));
    }

    private static NpgsqlBatchCommand SetTenant(Guid tenantId)
    {
        var command = new NpgsqlBatchCommand("SELECT set_config('app.tenant_id', $1, true)");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId.ToString() });
        return command;
    }

    private static NpgsqlBatchCommand Insert(Guid tenantId, Guid conversationId, ChatMessageDto message, string? idempotencyKey)
    {
        var command = new NpgsqlBatchCommand(InsertMessage + "($1, $2, $3, $4, $5, $6, $7, $8, $9)");
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = conversationId });
        command.Parameters.Add(new NpgsqlParameter { Value = message.Sequence });
        command.Parameters.Add(new NpgsqlParameter { Value = (int)message.Role });
        command.Parameters.Add(new NpgsqlParameter { Value = message.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)idempotencyKey ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(message.Citations), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = message.CreationTime });
        return command;
    }
}
