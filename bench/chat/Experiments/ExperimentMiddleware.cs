using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Bench.Chat.Hosting;
using SmbAgent.EntityFrameworkCore;

namespace SmbAgent.Bench.Chat.Experiments;

/// <summary>
/// Puts the per-request part of a <see cref="HostVariant"/> in front of the host's own pipeline: the request's
/// database connection opened once (EF then keeps it for every query of the request, and the tenant session
/// interceptor sets the tenant on it once it is known, instead of on every open).
/// </summary>
public sealed class ExperimentMiddleware(HostVariant variant) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api/widget", StringComparison.Ordinal))
            {
                await nextMiddleware(context);
                return;
            }

            var db = variant.ConnectionPerRequest ? context.RequestServices.GetRequiredService<SmbAgentDbContext>() : null;
            if (db is not null)
            {
                await db.Database.OpenConnectionAsync(context.RequestAborted);
            }

            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                if (db is not null)
                {
                    await db.Database.CloseConnectionAsync();
                }
            }
        });
        next(app);
    };
}
