using Microsoft.AspNetCore.StaticFiles;

namespace SmbAgent.HttpApi.Widget;

/// <summary>The widget's scripts and manifest by their own extension, a compressed copy's too; nothing else is served.</summary>
public sealed class WidgetContentTypes : IContentTypeProvider
{
    public bool TryGetContentType(string subpath, out string contentType)
    {
        var name = subpath.EndsWith(".br", StringComparison.OrdinalIgnoreCase) || subpath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? subpath[..^3]
            : subpath;
        contentType = Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".json" => "application/json; charset=utf-8",
            _ => string.Empty,
        };
        return contentType.Length > 0;
    }
}
