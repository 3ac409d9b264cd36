using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace SmbAgent.Notifications.EmergencyAlerts;

/// <summary>
/// The token in an alert call's webhook URLs: the attempt and its business, protected and time-limited with Data
/// Protection, so a webhook learns its tenant from something we signed, never from what the form says.
/// </summary>
public sealed class OwnerAlertTokens(IDataProtectionProvider provider, IOptions<EmergencyAlertOptions> options)
{
    public const string Purpose = "SmbAgent.Voice.OwnerAlert";

    private readonly ITimeLimitedDataProtector protector = provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public string Protect(Guid tenantId, Guid attemptId) =>
        protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{tenantId:N}.{attemptId:N}"), options.Value.TokenLifetime);

    /// <summary>Null when the token was not made here, was altered or has expired.</summary>
    public OwnerAlertToken? Unprotect(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('.');
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var tenantId) && Guid.TryParseExact(parts[1], "N", out var attemptId)
            ? new OwnerAlertToken(tenantId, attemptId)
            : null;
    }
}

public sealed record OwnerAlertToken(Guid TenantId, Guid AttemptId);
