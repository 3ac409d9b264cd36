using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.RealBrowser;

/// <summary>
/// The admin served by Kestrel on a real loopback port, driven by Debian's Chromium through Playwright.
/// Mail goes to a pickup folder of its own; embeddings come from the real local model. Screenshots land in TestResults/screenshots.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private TestDatabase? _database;
    private IPlaywright? _playwright;
    private readonly ConcurrentDictionary<IPage, ConcurrentQueue<string>> _cspViolations = new();

    public WebHostFactory Factory { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string MailDirectory { get; } = Directory.CreateTempSubdirectory("smbagent-mail-").FullName;

    public static string ScreenshotDirectory { get; } = Path.Combine(TestEnvironment.RepositoryRoot, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("browser");
        await _database.MigrateAsync();
        // The port is chosen first: the mailed links and the host filter need the public address before the host starts.
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        Factory = new WebHostFactory(_database, overrides: new Dictionary<string, string?>
        {
            ["PublicUrls:Admin"] = BaseAddress.ToString(),
            ["Email:PickupDirectory"] = MailDirectory,
            ["Embeddings:Endpoint"] = TestEnvironment.EmbeddingsEndpoint.ToString(),
            ["KnowledgeBase:AllowLoopbackUrls"] = "true",
        });
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, BaseAddress.Port));
        Factory.StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies) with the app's base address. Chromium's reports of what the admin's
    /// Content-Security-Policy blocked are kept (<see cref="CspViolations"/>) and fail the test class when it ends.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        // Generous: the suite runs five test projects at once on two cores.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var violations = _cspViolations.GetOrAdd(page, _ => new ConcurrentQueue<string>());
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Enqueue(page.Url + ": " + message.Text);
            }
        };
        return page;
    }

    /// <summary>What the Content-Security-Policy blocked on <paramref name="page"/>, as Chromium logged it.</summary>
    public IReadOnlyCollection<string> CspViolations(IPage page) => _cspViolations.GetOrAdd(page, _ => new ConcurrentQueue<string>());

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    /// <summary>Creates a business and its owner through the real <see cref="TenantManager"/>.</summary>
    public Task<TenantOwner> CreateTenantAsync(string? name = null, string? edition = null) =>
        TestTenants.CreateAsync(Factory.Services, name, edition);

    /// <summary>Signs in through the login form of <paramref name="page"/>.</summary>
    public static async Task SignInAsync(IPage page, string? business, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Business").FillAsync(business ?? string.Empty);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public async Task DisposeAsync()
    {
        var violations = _cspViolations.Values.SelectMany(v => v).ToList();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(MailDirectory, recursive: true);
        violations.ShouldBeEmpty("a page broke the admin's Content-Security-Policy");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
