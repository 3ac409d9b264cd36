using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace SmbAgent.HttpApi.Widget;

/// <summary>
/// The widget's scripts under <c>/widget</c>, as the widget's npm build wrote them into the web root: content-hashed
/// files cached for good, the loader and the manifest (stable names a site keeps referring to) for five minutes, each
/// script sent in the <c>.br</c> or <c>.gz</c> copy the build made when the browser accepts it. Static files rather than
/// MapStaticAssets: the latter serves what the SDK's build manifest lists, fingerprinted and compressed by the SDK, while
/// these files are hashed and compressed by esbuild's build, which may run after the SDK's and in tests writes elsewhere.
/// Other sites load them, so they may be embedded cross-origin.
/// </summary>
public static partial class WidgetFiles
{
    public const string RequestPath = "/widget";
    public const string HashedCacheControl = "public, max-age=31536000, immutable";
    public const string StableCacheControl = "public, max-age=300";

    private static readonly (string Encoding, string Extension)[] Precompressed = [("br", ".br"), ("gzip", ".gz")];

    public static WebApplication UseWidgetFiles(this WebApplication app)
    {
        var files = app.Environment.WebRootFileProvider;
        app.UseWhen(context => context.Request.Path.StartsWithSegments(RequestPath), branch =>
        {
            branch.Use((context, next) => ServePrecompressed(context, next, files));
            branch.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                ContentTypeProvider = new WidgetContentTypes(),
                OnPrepareResponse = PrepareResponse,
            });
        });
        return app;
    }

    /// <summary>Points the request at the compressed copy the browser takes, if the build made one; the copies themselves aren't addressable.</summary>
    private static Task ServePrecompressed(HttpContext context, RequestDelegate next, IFileProvider files)
    {
        var path = context.Request.Path.Value!;
        if (Precompressed.Any(p => path.EndsWith(p.Extension, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (!path.EndsWith(".js", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        var accepted = context.Request.GetTypedHeaders().AcceptEncoding;
        foreach (var (encoding, extension) in Precompressed)
        {
            if (accepted.Any(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0)
                && files.GetFileInfo(path + extension).Exists)
            {
                context.Request.Path = path + extension;
                context.Response.Headers.ContentEncoding = encoding;
                break;
            }
        }

        return next(context);
    }

    private static void PrepareResponse(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        headers.CacheControl = HashedName().IsMatch(context.File.Name) ? HashedCacheControl : StableCacheControl;
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
    }

    /// <summary>A name carrying its content's hash, as esbuild's build names the chat bundle (<c>chat.3f2a9c01b7de.js</c>).</summary>
    [GeneratedRegex(@"\.[0-9a-f]{8,}\.js(\.br|\.gz)?$")]
    private static partial Regex HashedName();
}
