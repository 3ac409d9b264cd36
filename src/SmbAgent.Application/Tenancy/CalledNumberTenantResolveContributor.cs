using Microsoft.AspNetCore.Http;
using SmbAgent.Voice.PhoneLines;

namespace SmbAgent.Tenancy;

/// <summary>
/// For Twilio's webhooks of an incoming call: the called number (<c>To</c>, E.164) names the business whose line it
/// is. Trusted only because the signature check after it verifies the form with that line's own token (or the
/// platform's); a forged <c>To</c> fails there.
/// <para>
/// An unknown number, or a line of a deactivated business, resolves nothing (the host): the request isn't refused
/// with a tenant problem, so a signed call to it can still be told the number is not in service, or be forwarded.
/// </para>
/// </summary>
public sealed class CalledNumberTenantResolveContributor(PhoneLineStore lines, ITenantStore tenants) : ITenantResolveContributor
{
    public const string ContributorName = "CalledNumber";

    public const string PathPrefix = "/api/voice";

    /// <summary>The webhooks of a call to the business's number; the owner alert's callbacks name their business otherwise.</summary>
    public static readonly IReadOnlySet<string> InboundWebhooks = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/incoming", "/gather", "/wait", "/status", "/recording", "/fallback",
    };

    public string Name => ContributorName;

    public async Task ResolveAsync(TenantResolveContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method)
            || !request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase, out var webhook)
            || !InboundWebhooks.Contains(webhook.Value!)
            || !request.HasFormContentType)
        {
            return;
        }

        var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        var ct = context.HttpContext.RequestAborted;
        if (await lines.FindByNumberAsync(form["To"].ToString(), ct) is not { } line)
        {
            context.Resolve(null, Name);
            return;
        }

        context.HttpContext.Features.Set(new CalledLineFeature(line));
        var tenant = await tenants.FindAsync(line.TenantId, ct);
        context.Resolve(tenant is { IsActive: true } ? tenant.Id : null, Name);
    }
}
