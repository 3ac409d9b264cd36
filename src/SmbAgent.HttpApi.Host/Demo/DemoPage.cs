using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace SmbAgent.HttpApi.Demo;

/// <summary>
/// The sample site's HTML: the business's name through the HTML encoder, the widget's snippet as the owner pastes it,
/// and one fixed stylesheet that the page's policy allows by its hash (no other inline style or script runs).
/// </summary>
public static class DemoPage
{
    private const string Style =
        "body{margin:0;font-family:system-ui,sans-serif;color:#1f2933;line-height:1.5}" +
        "header{background:#0b5cad;color:#fff;padding:2rem 1.5rem}header h1{margin:0 0 .25rem}" +
        "main{max-width:46rem;margin:0 auto;padding:1.5rem}section{margin-bottom:2rem}" +
        "ul{padding-left:1.25rem}footer{border-top:1px solid #d9e2ec;padding:1rem 1.5rem;color:#52606d;font-size:.9rem}";

    /// <summary>The page's Content-Security-Policy: scripts and calls only to the API (the widget), styles only the one above.</summary>
    public static string ContentSecurityPolicy(string apiOrigin) =>
        $"default-src 'none'; script-src 'self' {apiOrigin}; connect-src 'self' {apiOrigin}; img-src 'self' data: {apiOrigin}; " +
        $"style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Html(string businessName, string widgetSnippet)
    {
        var name = HtmlEncoder.Default.Encode(businessName);
        return $$"""
                 <!DOCTYPE html>
                 <html lang="en">
                 <head>
                 <meta charset="utf-8">
                 <meta name="viewport" content="width=device-width, initial-scale=1">
                 <title>{{name}} · plumbing and heating</title>
                 <style>{{Style}}</style>
                 </head>
                 <body>
                 <header>
                 <h1>{{name}}</h1>
                 <p>Plumbing, drains and water heaters. Emergencies answered day and night.</p>
                 </header>
                 <main>
                 <section>
                 <h2>What we do</h2>
                 <ul>
                 <li>Leaks, burst pipes and flooded basements</li>
                 <li>Blocked drains and toilets</li>
                 <li>Gas and electric water heaters, installed and repaired</li>
                 <li>Bathroom and kitchen plumbing</li>
                 </ul>
                 </section>
                 <section>
                 <h2>Ask us anything</h2>
                 <p>Our assistant in the corner answers questions about opening hours, prices and services, takes your details for a visit
                 and alerts the plumber on call at once when water is where it shouldn't be.</p>
                 </section>
                 </main>
                 <footer>This is a demo site of SmbAgent: the chat is the demo business's real agent.</footer>
                 {{widgetSnippet}}
                 </body>
                 </html>
                 """;
    }
}
