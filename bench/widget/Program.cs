using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using SmbAgent.Bench.Widget;

var widgetFiles = args[0];
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).DefaultIfEmpty(7).First();

Console.WriteLine("Sizes (bytes)");
var sizes = new WidgetSizes(widgetFiles);
Console.WriteLine($"  loader      gzip {sizes.Loader.Gzip,7:N0}   brotli {sizes.Loader.Brotli,7:N0}");
Console.WriteLine($"  everything  gzip {sizes.Everything.Gzip,7:N0}   brotli {sizes.Everything.Brotli,7:N0}");

await using var api = await StartAsync(app => WidgetServer.Map(app, widgetFiles));
var apiAddress = AddressOf(api);
await using var site = await StartAsync(app => HostPage.Map(app, apiAddress));
var siteAddress = AddressOf(site);

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
});

var without = new List<PageCost>();
var with = new List<PageCost>();
// One warm-up of each, then alternating, so the machine's drift weighs on both alike.
await PageCost.MeasureAsync(browser, new Uri(siteAddress, "/plain"));
await PageCost.MeasureAsync(browser, new Uri(siteAddress, "/with-widget"));
for (var i = 0; i < runs; i++)
{
    without.Add(await PageCost.MeasureAsync(browser, new Uri(siteAddress, "/plain")));
    with.Add(await PageCost.MeasureAsync(browser, new Uri(siteAddress, "/with-widget")));
}

Console.WriteLine();
Console.WriteLine($"Host page in Chromium, medians of {runs} fresh loads each      without     with   ratio");
Row("load event (ms)", c => c.LoadEventMs);
Row("main-thread task time (ms)", c => c.TaskMs);
Row("script time (ms)", c => c.ScriptMs);
Row("long tasks > 50 ms (count)", c => c.LongTasks);
Row("layout shift (CLS)", c => c.LayoutShift, "0.000");
Row("requests before interaction", c => c.Requests);
Row("bytes before interaction", c => c.Bytes, "N0");
Console.WriteLine();
Console.WriteLine("Chat loaded before any interaction (idle): " + (with.All(c => c.ChatLoaded) ? "yes, every run" : "not in every run"));
return;

void Row(string name, Func<PageCost, double> measure, string format = "0.0")
{
    var a = Median(without.Select(measure));
    var b = Median(with.Select(measure));
    var ratio = a == 0 ? (b == 0 ? "1.00" : "—") : (b / a).ToString("0.00", CultureInfo.InvariantCulture);
    Console.WriteLine($"  {name,-58}{a.ToString(format, CultureInfo.InvariantCulture),9}{b.ToString(format, CultureInfo.InvariantCulture),9}{ratio,8}");
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static async Task<WebApplication> StartAsync(Action<WebApplication> map)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders();
    var app = builder.Build();
    map(app);
    await app.StartAsync();
    return app;
}

static Uri AddressOf(WebApplication app) =>
    new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

internal sealed record CompressedSize(long Gzip, long Brotli);

internal sealed class WidgetSizes
{
    public WidgetSizes(string directory)
    {
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "manifest.json"))).RootElement;
        var loader = Path.Combine(directory, manifest.GetProperty("loader").GetString()!);
        var chat = Path.Combine(directory, manifest.GetProperty("chat").GetString()!);
        Loader = new CompressedSize(new FileInfo(loader + ".gz").Length, new FileInfo(loader + ".br").Length);
        Everything = new CompressedSize(
            Loader.Gzip + new FileInfo(chat + ".gz").Length,
            Loader.Brotli + new FileInfo(chat + ".br").Length);
    }

    public CompressedSize Loader { get; }

    public CompressedSize Everything { get; }
}
