using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Voice;
using SmbAgent.Voice.PhoneLines;

namespace SmbAgent.TestKit.Twilio;

public static class TestPhoneLines
{
    /// <summary>A fresh number in Twilio's test range, unique per call (numbers are unique across businesses).</summary>
    public static string NewNumber() => $"+1500{Random.Shared.NextInt64(1_000_000, 9_999_999)}";

    /// <summary>Adds a line to the business, its token protected as the product protects it.</summary>
    public static Task<PhoneLine> AddAsync(
        IServiceProvider services, Guid tenantId, string number, string accountSid, string authToken, string? forwardTo = null) =>
        services.InTenantAsync(tenantId, async sp =>
        {
            var line = new PhoneLine(Guid.NewGuid(), tenantId, number, accountSid, sp.GetRequiredService<PhoneLineSecrets>().Protect(authToken))
            {
                ForwardTo = forwardTo,
            };
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            db.PhoneLines.Add(line);
            await db.SaveChangesAsync();
            return line;
        });
}
