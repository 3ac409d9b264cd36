using System.IO.Compression;
using System.Text;

namespace SmbAgent.HttpApi.Tests.Widget;

/// <summary>
/// The API host over a web root of its own holding what the widget's build writes: the loader, a content-hashed chat
/// bundle and the manifest, each script with its <c>.gz</c> and <c>.br</c> copy. Each copy says which one it is, so a
/// test can tell which file was sent.
/// </summary>
public sealed class WidgetFilesFixture : IAsyncLifetime
{
    public const string ChatFile = "chat.0123456789ab.js";

    private readonly string _webRoot = Directory.CreateTempSubdirectory("smbagent-widget-files-").FullName;

    public ApiFixture Api { get; private set; } = null!;

    public static string ScriptOf(string name, string copy) => $"/* {name} ({copy}) */ window.x = 1;";

    public async Task InitializeAsync()
    {
        var widget = Directory.CreateDirectory(Path.Combine(_webRoot, "widget")).FullName;
        foreach (var name in new[] { "loader.js", ChatFile })
        {
            await File.WriteAllTextAsync(Path.Combine(widget, name), ScriptOf(name, "plain"));
            await File.WriteAllBytesAsync(Path.Combine(widget, name + ".gz"), Compress(ScriptOf(name, "gzip"), s => new GZipStream(s, CompressionLevel.Optimal)));
            await File.WriteAllBytesAsync(Path.Combine(widget, name + ".br"), Compress(ScriptOf(name, "br"), s => new BrotliStream(s, CompressionLevel.Optimal)));
        }

        await File.WriteAllTextAsync(Path.Combine(widget, "manifest.json"), $$"""{ "loader": "loader.js", "chat": "{{ChatFile}}" }""");
        Api = new ApiFixture { Overrides = new Dictionary<string, string?> { ["webroot"] = _webRoot } };
        await Api.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Directory.Delete(_webRoot, recursive: true);
    }

    private static byte[] Compress(string text, Func<Stream, Stream> compressor)
    {
        using var buffer = new MemoryStream();
        using (var compressed = compressor(buffer))
        {
            compressed.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
