using Microsoft.AspNetCore.DataProtection;

namespace SmbAgent.Voice.PhoneLines;

/// <summary>
/// A phone line's Twilio auth token at rest: protected with ASP.NET Core Data Protection, whose keys live in the
/// database so every instance of both hosts can read what another wrote.
/// </summary>
public sealed class PhoneLineSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("SmbAgent.Voice.PhoneLine.AuthToken");

    public string Protect(string authToken) => protector.Protect(authToken);

    /// <summary>Null when the value can't be read (keys lost or the row tampered with): the line then fails its check, it doesn't throw.</summary>
    public string? Unprotect(string protectedAuthToken)
    {
        try
        {
            return protector.Unprotect(protectedAuthToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
