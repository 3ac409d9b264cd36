using System.Text.Json;
using Microsoft.Playwright;

namespace SmbAgent.Bench.Widget;

/// <summary>What one fresh load of a page cost, measured until the network is idle (the loader fetches the chat bundle when the browser is idle).</summary>
public sealed record PageCost(double LoadEventMs, double TaskMs, double ScriptMs, double LongTasks, double LayoutShift, double Requests, double Bytes, bool ChatLoaded)
{
    // Collected from the document's start: layout shifts without recent input, and main-thread tasks over 50 ms.
    private const string Observers = """
        window.__cost = { cls: 0, longTasks: 0 };
        new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cost.cls += e.value; })
          .observe({ type: 'layout-shift', buffered: true });
        new PerformanceObserver(l => { window.__cost.longTasks += l.getEntries().length; }).observe({ type: 'longtask', buffered: true });
        """;

    public static async Task<PageCost> MeasureAsync(IBrowser browser, Uri page)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await context.AddInitScriptAsync(Observers);
        var tab = await context.NewPageAsync();
        var finished = new List<IRequest>();
        tab.RequestFinished += (_, request) => finished.Add(request);
        var cdp = await context.NewCDPSessionAsync(tab);
        await cdp.SendAsync("Performance.enable");

        await tab.GotoAsync(page.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        var metrics = (await cdp.SendAsync("Performance.getMetrics"))!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
        var observed = await tab.EvaluateAsync<JsonElement>(
            "() => ({ load: performance.getEntriesByType('navigation')[0].loadEventEnd, cls: window.__cost.cls, longTasks: window.__cost.longTasks })");
        long bytes = 0;
        foreach (var request in finished)
        {
            var sizes = await request.SizesAsync();
            bytes += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }

        return new PageCost(
            observed.GetProperty("load").GetDouble(),
            metrics["TaskDuration"] * 1000,
            metrics["ScriptDuration"] * 1000,
            observed.GetProperty("longTasks").GetDouble(),
            observed.GetProperty("cls").GetDouble(),
            finished.Count,
            bytes,
            finished.Any(r => r.Url.Contains("/widget/chat.", StringComparison.Ordinal)));
    }
}
