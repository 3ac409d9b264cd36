using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmbAgent.Data;
using SmbAgent.ErrorHandling;
using SmbAgent.PublicUrls;
using SmbAgent.Tenancy;
using SmbAgent.Workspace.Widget;

namespace SmbAgent.HttpApi.Demo;

/// <summary>
/// <c>/demo</c>: a sample plumber's website carrying the demo business's widget, so the run command shows the product
/// working. Served whenever the demo business is seeded (<c>Seed:DemoTenant:Enabled</c>), in any environment; the
/// business is looked up by its name at each request, so its key is the seeded one. Its origin is the API's own, which
/// the widget always allows.
/// </summary>
public static class DemoPageEndpoints
{
    public const string Path = "/demo";

    public static IEndpointRouteBuilder MapDemoPage(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<SeedOptions>>().Value.DemoTenant.Enabled)
        {
            return app;
        }

        app.MapGet(Path, async (HttpContext http, IOptions<SeedOptions> seed, IOptions<PublicUrlOptions> urls, ITenantStore tenants, ISmbAgentDbContext db, CancellationToken ct) =>
            {
                var demo = await tenants.FindByNameAsync(seed.Value.DemoTenant.Name, ct);
                if (demo is not { IsActive: true })
                {
                    await Problems.WriteAsync(http, StatusCodes.Status404NotFound, "No demo business",
                        "The demo business is not seeded or not active: scripts/run.sh seeds it with the database.");
                    return;
                }

                var widgetKey = await db.Tenants.Where(t => t.Id == demo.Id).Select(t => t.WidgetKey).SingleAsync(ct);
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync(DemoPage.Html(demo.Name, WidgetSnippet.For(urls.Value.Api, widgetKey)), ct);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
