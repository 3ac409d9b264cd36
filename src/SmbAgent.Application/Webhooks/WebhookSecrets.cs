using Microsoft.AspNetCore.DataProtection;

namespace SmbAgent.Webhooks;

/// <summary>Subscription secrets at rest, protected with the key ring both hosts share (as phone lines' tokens are).</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("SmbAgent.Webhooks.SubscriptionSecret");

    public string Protect(string secret) => protector.Protect(secret);

    /// <summary>Null when the value can't be read (keys lost or the row tampered with).</summary>
    public string? Unprotect(string protectedSecret)
    {
        try
        {
            return protector.Unprotect(protectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
