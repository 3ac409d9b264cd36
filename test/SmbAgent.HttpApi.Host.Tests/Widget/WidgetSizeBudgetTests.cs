using System.Text.Json;
using Xunit.Abstractions;

namespace SmbAgent.HttpApi.Tests.Widget;

/// <summary>
/// The widget's budgets, on the gzip copies the host serves (the build writes them next to each script): the loader
/// every page of the owner's site downloads stays under 5 KB, the loader and the chat together under 25 KB.
/// </summary>
public sealed class WidgetSizeBudgetTests(ITestOutputHelper output)
{
    private const int LoaderBudget = 5 * 1024;
    private const int TotalBudget = 25 * 1024;

    private static readonly string WidgetFolder = Path.Combine(TestEnvironment.RepositoryRoot, "src", "SmbAgent.HttpApi.Host", "wwwroot", "widget");

    [Fact]
    public void The_loader_stays_under_5_KB_gzipped()
    {
        var (loader, _) = Sizes();

        loader.Gzip.ShouldBeLessThanOrEqualTo(LoaderBudget);
    }

    [Fact]
    public void The_loader_and_the_chat_stay_under_25_KB_gzipped()
    {
        var (loader, chat) = Sizes();

        (loader.Gzip + chat.Gzip).ShouldBeLessThanOrEqualTo(TotalBudget);
    }

    private (FileSizes Loader, FileSizes Chat) Sizes()
    {
        var manifest = JsonSerializer.Deserialize<WidgetManifest>(File.ReadAllText(Path.Combine(WidgetFolder, "manifest.json")), JsonSerializerOptions.Web)!;
        var loader = SizesOf(manifest.Loader);
        var chat = SizesOf(manifest.Chat);
        output.WriteLine($"loader: {loader}; chat: {chat}; both: {loader.Gzip + chat.Gzip} B gzip, {loader.Brotli + chat.Brotli} B brotli");
        return (loader, chat);
    }

    private static FileSizes SizesOf(string file) => new(
        new FileInfo(Path.Combine(WidgetFolder, file)).Length,
        new FileInfo(Path.Combine(WidgetFolder, file + ".gz")).Length,
        new FileInfo(Path.Combine(WidgetFolder, file + ".br")).Length);

    private sealed record WidgetManifest(string Loader, string Chat);

    private sealed record FileSizes(long Raw, long Gzip, long Brotli)
    {
        public override string ToString() => $"{Raw} B, {Gzip} B gzip, {Brotli} B brotli";
    }
}
