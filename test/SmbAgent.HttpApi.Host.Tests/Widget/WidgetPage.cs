using Microsoft.Playwright;

namespace SmbAgent.HttpApi.Tests.Widget;

/// <summary>
/// The widget on a site's page, by the parts of its DOM contract (<c>data-part</c> inside the open shadow root of
/// <c>smbagent-widget</c>, which Playwright's CSS selectors pierce). Waits are on DOM states only.
/// </summary>
public sealed class WidgetPage(IPage page)
{
    public IPage Page => page;

    public ILocator Part(string part) => page.Locator($"smbagent-widget [data-part='{part}']");

    public ILocator Launcher => Part("launcher");

    public ILocator Dialog => Part("dialog");

    public ILocator Input => Part("input");

    public ILocator Messages => Part("message");

    public ILocator AgentMessages => page.Locator("smbagent-widget [data-part='message'][data-role='agent']");

    /// <summary>Goes to the page and waits for the launcher, which shows once the configuration came.</summary>
    public async Task LoadAsync(Uri address)
    {
        await page.GotoAsync(address.ToString());
        await Launcher.WaitForAsync();
    }

    public async Task OpenAsync()
    {
        await Launcher.ClickAsync();
        await Dialog.WaitForAsync();
    }

    /// <summary>Types <paramref name="text"/>, sends it with Enter, and returns what the agent answered.</summary>
    public async Task<string> SayAsync(string text)
    {
        var seen = await AgentMessages.CountAsync();
        await Input.FillAsync(text);
        await Input.PressAsync("Enter");
        return await RepliesAfterAsync(seen);
    }

    /// <summary>
    /// Waits until an agent message beyond the first <paramref name="seen"/> is drawn (a turn's replies are drawn
    /// together) and returns the new ones' text, one per line.
    /// </summary>
    public async Task<string> RepliesAfterAsync(int seen)
    {
        await AgentMessages.Nth(seen).WaitForAsync();
        var all = await AgentMessages.AllInnerTextsAsync();
        return string.Join("\n", all.Skip(seen));
    }

    /// <summary>The focused element inside the widget's shadow root, by its part (null when focus is elsewhere).</summary>
    public Task<string?> FocusedPartAsync() =>
        page.EvaluateAsync<string?>("() => document.activeElement?.tagName === 'SMBAGENT-WIDGET' ? document.activeElement.shadowRoot.activeElement?.dataset.part ?? '' : null");
}
