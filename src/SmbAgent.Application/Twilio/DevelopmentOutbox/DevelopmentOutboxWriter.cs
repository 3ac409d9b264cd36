using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Tenancy;
using SmbAgent.Voice;

namespace SmbAgent.Twilio.DevelopmentOutbox;

/// <summary>
/// Keeps what would have gone to Twilio as a row of the development outbox. Host data written in its own scope and
/// DbContext, so the caller's unit of work (a job's tenant scope, a tracked lead) neither saves it nor is saved by it.
/// </summary>
public sealed class DevelopmentOutboxWriter(IServiceScopeFactory scopes, ICurrentTenant currentTenant)
{
    public async Task<DevelopmentOutboxMessage> WriteAsync(
        DevelopmentOutboxKind kind, Guid? tenantId, string to, string from, string body, Uri? callbackUrl, CancellationToken cancellationToken)
    {
        var message = new DevelopmentOutboxMessage(Guid.NewGuid(), tenantId, kind, MadeUpSid(kind), to, from, body)
        {
            CallbackUrl = callbackUrl?.AbsoluteUri,
        };
        await using var scope = scopes.CreateAsyncScope();
        using (currentTenant.Change(null))
        {
            var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
            db.DevelopmentOutbox.Add(message);
            await db.SaveChangesAsync(cancellationToken);
        }

        return message;
    }

    /// <summary>Twilio's shape (two letters and 32 hex digits), so whatever stores or validates SIDs takes it.</summary>
    private static string MadeUpSid(DevelopmentOutboxKind kind) => (kind == DevelopmentOutboxKind.Call ? "CA" : "SM") + Guid.NewGuid().ToString("N");
}
