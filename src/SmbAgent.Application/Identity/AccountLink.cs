using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace SmbAgent.Identity;

/// <summary>
/// What an emailed account link carries: the user, the tenant to look them up in, and Identity's token
/// (Base64Url-encoded so it survives a URL). The token, verified inside that tenant, is the trusted part.
/// </summary>
public sealed record AccountLink(Guid UserId, Guid? TenantId, string Code)
{
    public static AccountLink For(AppUser user, string token) =>
        new(user.Id, user.TenantId, WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)));

    /// <summary>Identity's token, or null when the code was not produced by <see cref="For"/>.</summary>
    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
