namespace SmbAgent.Bench.Widget;

/// <summary>A plain small-business page, once as it is and once with the widget's snippet before <c>&lt;/body&gt;</c>.</summary>
public static class HostPage
{
    public static void Map(WebApplication app, Uri api)
    {
        var origin = api.GetLeftPart(UriPartial.Authority);
        app.MapGet("/plain", () => Results.Content(Page(string.Empty), "text/html; charset=utf-8"));
        app.MapGet("/with-widget", () => Results.Content(
            Page($"""<script src="{origin}/widget/loader.js" data-widget-key="{WidgetServer.WidgetKey}" async></script>"""), "text/html; charset=utf-8"));
    }

    private static string Page(string snippet) =>
        $"""
         <!doctype html>
         <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
         <title>Rosa's Plumbing</title>
         <style>body{"{"}margin:0;font:16px/1.5 Georgia,serif{"}"} main{"{"}max-width:40rem;margin:0 auto;padding:1rem{"}"}</style></head>
         <body><main>
         <h1>Rosa's Plumbing</h1>
         <p>Family plumbers since 1987. Leaks, drains, water heaters and bathrooms, Monday to Saturday.</p>
         <h2>Services</h2>
         <ul><li>Blocked drains cleared the same day</li><li>Gas and electric water heaters</li><li>Bathroom refits</li></ul>
         <p>Call us on +1 415 555 0100.</p>
         </main>
         {snippet}
         </body></html>
         """;
}
