using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Voice.PhoneLines;

/// <summary>
/// Finds a phone line by its number across every business, for the webhooks whose called number is what names the
/// business. Not cached: the unique index on the number makes it one indexed lookup, and a cache would keep serving a
/// line (and its token) the owner just removed.
/// </summary>
public sealed class PhoneLineStore(ISmbAgentDbContext db, IDataFilter dataFilter)
{
    public async Task<CalledLine?> FindByNumberAsync(string number, CancellationToken cancellationToken = default)
    {
        if (!IsE164(number))
        {
            return null;
        }

        using (dataFilter.Disable<IMultiTenant>())
        {
            return await db.PhoneLines.AsNoTracking()
                .Where(l => l.Number == number)
                .Select(l => new CalledLine(l.Id, l.TenantId, l.Number, l.AccountSid, l.ProtectedAuthToken, l.ForwardTo, l.SayVoice, l.IsActive))
                .FirstOrDefaultAsync(cancellationToken);
        }
    }

    /// <summary>A line of the current business on this account: the one whose token signs an owner alert's callbacks.</summary>
    public Task<CalledLine?> FindOfCurrentTenantByAccountAsync(string accountSid, CancellationToken cancellationToken = default) =>
        db.PhoneLines.AsNoTracking()
            .Where(l => l.AccountSid == accountSid)
            .OrderBy(l => l.CreationTime)
            .Select(l => new CalledLine(l.Id, l.TenantId, l.Number, l.AccountSid, l.ProtectedAuthToken, l.ForwardTo, l.SayVoice, l.IsActive))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A plus and 8 to 15 digits, as Twilio writes every number it sends.</summary>
    public static bool IsE164(string? number) =>
        number is { Length: >= 9 and <= VoiceConsts.MaxNumberLength } && number[0] == '+' && number[1] != '0' && !number.AsSpan(1).ContainsAnyExceptInRange('0', '9');
}
