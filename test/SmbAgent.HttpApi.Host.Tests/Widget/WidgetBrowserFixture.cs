using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmbAgent.BackgroundJobs;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Emergencies;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.HttpApi.Tests.Conversations;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.Leads;
using SmbAgent.TestKit;
using SmbAgent.Workspace;

namespace SmbAgent.HttpApi.Tests.Widget;

public sealed record WidgetBusiness(Guid TenantId, string WidgetKey, Guid OwnerId);

/// <summary>
/// The API on a real Kestrel loopback port, serving the widget's build from its web root; the businesses' own site on
/// another loopback origin (<see cref="HostPageServer"/>); Debian's Chromium driven by Playwright. Two businesses
/// allow the site's origin: a FREE plumber with an FAQ, a website page, lead questions ending in a choice and an
/// emergency phrase (all indexed by the real local model), and a PRO one that hides the branding. What the site's
/// Content-Security-Policy blocked is kept per page and fails the test that caused it.
/// </summary>
public sealed class WidgetBrowserFixture : IAsyncLifetime
{
    public const string XssPayload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
    public const string BusinessPhone = "+1 415 555 0100";
    public const string ChoiceQuestion = "Which service do you need?";
    public const string DemoName = "Demo Plumbing";

    private const string ChromiumPath = "/usr/bin/chromium";
    private readonly ConcurrentDictionary<IPage, ConcurrentQueue<string>> _cspViolations = new();
    private IPlaywright? _playwright;

    public ApiFixture Api { get; private set; } = null!;

    public Uri ApiAddress { get; private set; } = null!;

    public HostPageServer Site { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public WidgetBusiness Plumber { get; private set; } = null!;

    public WidgetBusiness ProBusiness { get; private set; } = null!;

    public Guid DemoBusinessId { get; private set; }

    public static string ScreenshotDirectory { get; } = Path.Combine(TestEnvironment.RepositoryRoot, "TestResults", "widget-screenshots");

    public async Task InitializeAsync()
    {
        // The port is chosen first: the host filter and the site's CSP need the API's public address before it starts.
        ApiAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        Site = await HostPageServer.StartAsync(ApiAddress);
        Api = new ApiFixture
        {
            Overrides = new Dictionary<string, string?>
            {
                ["PublicUrls:Api"] = ApiAddress.ToString(),
                ["PublicUrls:Admin"] = $"http://127.0.0.1:{FreePort()}",
                ["KnowledgeBase:AllowLoopbackUrls"] = "true",
                ["Seed:DemoTenant:Enabled"] = "true",
                ["Seed:DemoTenant:Name"] = DemoName,
            },
        };
        await Api.InitializeAsync();
        Api.Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, ApiAddress.Port));
        Api.Factory.StartServer();

        Plumber = await CreateBusinessAsync(EditionMatrix.Free);
        ProBusiness = await CreateBusinessAsync(EditionMatrix.Pro);
        // As the run command's seed makes it: a new business by the demo's name, nothing set up but what sign-up gives.
        DemoBusinessId = (await Api.CreateTenantAsync(name: DemoName)).TenantId;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh visitor (own storage) on a desktop or phone-sized viewport.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool isMobile = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = isMobile,
            HasTouch = isMobile,
            Locale = "en-US",
        });
        // Generous: several test projects share two cores.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var violations = _cspViolations.GetOrAdd(page, _ => new ConcurrentQueue<string>());
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Enqueue(message.Text);
            }
        };
        return page;
    }

    /// <summary>What the site's Content-Security-Policy blocked on <paramref name="page"/>, as Chromium logged it.</summary>
    public IReadOnlyCollection<string> CspViolations(IPage page) => _cspViolations.GetOrAdd(page, _ => new ConcurrentQueue<string>());

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png") });
    }

    public Task<T> InTenantAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> action) => Api.Factory.Services.InTenantAsync(tenantId, action);

    public Task InTenantAsync(Guid tenantId, Func<IServiceProvider, Task> action) => Api.Factory.Services.InTenantAsync(tenantId, action);

    /// <summary>The conversation the visitor's stored token names (the widget keeps it under its key).</summary>
    public async Task<Conversation> ConversationOfAsync(IPage page, WidgetBusiness business)
    {
        var token = await page.EvaluateAsync<string>($"() => localStorage.getItem('smbagent:{business.WidgetKey}:token')");
        return await InTenantAsync(business.TenantId, services => services.GetRequiredService<ISmbAgentDbContext>().Conversations.AsNoTracking()
            .SingleAsync(c => c.TokenHash == ConversationTokens.Hash(token)));
    }

    public async Task<List<ConversationMessage>> MessagesOfAsync(IPage page, WidgetBusiness business)
    {
        var conversation = await ConversationOfAsync(page, business);
        return await InTenantAsync(business.TenantId, services => services.GetRequiredService<ISmbAgentDbContext>().ConversationMessages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id).OrderBy(m => m.Sequence).ToListAsync());
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (Site is not null)
        {
            await Site.DisposeAsync();
        }
    }

    private async Task<WidgetBusiness> CreateBusinessAsync(string edition)
    {
        var owner = await Api.CreateTenantAsync(edition);
        var sources = await InTenantAsync(owner.TenantId, async services =>
        {
            var db = services.GetRequiredService<ISmbAgentDbContext>();
            var profile = await db.BusinessProfiles.FirstAsync();
            profile.Phone = BusinessPhone;
            profile.Contacts = [new NotificationContact(ContactKind.Email, owner.Email, "Owner")];
            await db.SaveChangesAsync();
            await services.GetRequiredService<ILeadQuestionAppService>().CreateAsync(new CreateUpdateLeadQuestionDto
            {
                Text = ChoiceQuestion,
                Format = LeadQuestionFormat.Choice,
                Options = ["Repair", "Installation"],
                IsRequired = true,
                MapsTo = LeadField.Custom,
                CustomFieldName = "Service",
            });
            await services.GetRequiredService<EmergencyWordAppService>().CreateAsync(new CreateEmergencyWordDto { Phrase = "sewage coming up", Level = LeadPriority.Urgent });
            var knowledge = services.GetRequiredService<KnowledgeSourceAppService>();
            var faq = await knowledge.CreateFaqAsync(new CreateFaqSourceDto
            {
                Title = "Plumbing FAQ",
                Text = $"""
                        Q: What are your opening hours?
                        A: We are open Monday to Friday from 8 am to 6 pm, and Saturdays from 9 am to 1 pm.
                        Q: Do you install water heaters?
                        A: Yes, gas and electric water heaters, with a five year warranty.
                        Q: Do you offer discounts for seniors?
                        A: Yes, seniors get 10% off. {XssPayload} <a href="javascript:window.__xss=3">Ask us</a>.
                        """,
            });
            var page = await knowledge.CreateUrlAsync(new CreateUrlSourceDto { Url = new Uri(Site.BaseAddress, HostPageServer.ServicesPath).ToString() });
            return new[] { faq.Id, page.Id };
        });
        await using (var scope = Api.Factory.Services.CreateAsyncScope())
        {
            foreach (var source in sources)
            {
                await scope.ServiceProvider.GetRequiredService<TenantJobRunner>().RunAsync(owner.TenantId, new IngestKnowledgeSourceArgs(source), CancellationToken.None);
            }
        }

        await AllowedOriginsChanges.AllowAsync(Api, owner.TenantId, HostPageServer.OriginOf(Site.BaseAddress));
        var (widgetKey, ownerId) = await InTenantAsync(owner.TenantId, async services =>
        {
            var db = services.GetRequiredService<ISmbAgentDbContext>();
            return (await db.Tenants.Where(t => t.Id == owner.TenantId).Select(t => t.WidgetKey).SingleAsync(),
                await db.Users.Where(u => u.Email == owner.Email).Select(u => u.Id).SingleAsync());
        });
        return new WidgetBusiness(owner.TenantId, widgetKey, ownerId);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
