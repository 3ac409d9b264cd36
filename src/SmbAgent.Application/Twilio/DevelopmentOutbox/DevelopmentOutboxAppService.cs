using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Tenancy;
using SmbAgent.Voice;

namespace SmbAgent.Twilio.DevelopmentOutbox;

public sealed record DevelopmentOutboxItemDto(
    Guid Id, DevelopmentOutboxKind Kind, string Sid, Guid? TenantId, string To, string From, DateTimeOffset CreationTime);

public sealed record DevelopmentOutboxMessageDto(DevelopmentOutboxItemDto Item, string Body, string? CallbackUrl);

/// <summary>The development outbox for its admin page: host data, read as the host.</summary>
public sealed class DevelopmentOutboxAppService(ISmbAgentDbContext db, ICurrentTenant currentTenant)
{
    public const int MaxListed = 200;

    public async Task<IReadOnlyList<DevelopmentOutboxItemDto>> GetListAsync(CancellationToken cancellationToken = default)
    {
        using (currentTenant.Change(null))
        {
            return await db.DevelopmentOutbox.AsNoTracking()
                .OrderByDescending(m => m.CreationTime)
                .ThenByDescending(m => m.Id)
                .Take(MaxListed)
                .Select(m => new DevelopmentOutboxItemDto(m.Id, m.Kind, m.Sid, m.TenantId, m.To, m.From, m.CreationTime))
                .ToListAsync(cancellationToken);
        }
    }

    public async Task<DevelopmentOutboxMessageDto?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using (currentTenant.Change(null))
        {
            return await db.DevelopmentOutbox.AsNoTracking()
                .Where(m => m.Id == id)
                .Select(m => new DevelopmentOutboxMessageDto(
                    new DevelopmentOutboxItemDto(m.Id, m.Kind, m.Sid, m.TenantId, m.To, m.From, m.CreationTime), m.Body, m.CallbackUrl))
                .SingleOrDefaultAsync(cancellationToken);
        }
    }
}
