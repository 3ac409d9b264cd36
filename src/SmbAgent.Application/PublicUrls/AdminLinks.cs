using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using SmbAgent.Identity;

namespace SmbAgent.PublicUrls;

/// <summary>The one place that turns an admin page's path into the absolute link a mail or a text carries.</summary>
public sealed class AdminLinks(IOptions<PublicUrlOptions> options)
{
    public Uri ResetPassword(AccountLink link) => To("/Account/ResetPassword", QueryOf(link));

    public Uri ConfirmEmail(AccountLink link) => To("/Account/ConfirmEmail", QueryOf(link));

    public Uri Conversation(Guid conversationId) => To($"/Workspace/Conversations/Details/{conversationId}");

    public Uri HostHealth() => To("/Host/Health");

    /// <summary>Appended to the configured address, so an admin served under a path (<c>https://example.com/admin</c>) keeps it.</summary>
    private Uri To(string path, IDictionary<string, string?>? query = null)
    {
        var url = options.Value.Admin.AbsoluteUri.TrimEnd('/') + path;
        return new Uri(query is null ? url : QueryHelpers.AddQueryString(url, query));
    }

    private static Dictionary<string, string?> QueryOf(AccountLink link)
    {
        var query = new Dictionary<string, string?> { ["userId"] = link.UserId.ToString() };
        if (link.TenantId is { } tenantId)
        {
            query["tenantId"] = tenantId.ToString();
        }

        query["code"] = link.Code;
        return query;
    }
}
