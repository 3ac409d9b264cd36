using Microsoft.AspNetCore.Builder;

namespace SmbAgent.Input;

public static class StorableTextApplicationBuilderExtensions
{
    /// <summary>Right after routing, before authentication: see <see cref="StorableTextMiddleware"/>.</summary>
    public static IApplicationBuilder UseStorableText(this IApplicationBuilder app, bool readsForms) =>
        app.UseMiddleware<StorableTextMiddleware>(readsForms);
}
