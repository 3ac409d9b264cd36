using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Stubs;
using SmbAgent.Voice;
using SmbAgent.Voice.Speech;

namespace SmbAgent.Application.Tests.Voice;

/// <summary>
/// The core over its own database with OpenAI pointed at the stub (the app's one key, as in production), a short
/// speech budget, and queued jobs recorded instead of sent to the job server.
/// </summary>
public sealed class SpeechFixture : IAsyncLifetime
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    private TestDatabase? _database;

    public OpenAiStubServer OpenAi { get; private set; } = null!;

    public ServiceProvider Services { get; private set; } = null!;

    public RecordingJobManager Jobs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        OpenAi = await OpenAiStubServer.StartAsync();
        _database = await TestDatabase.CreateAsync("speech");
        await _database.MigrateAsync();
        Services = CoreFixture.BuildServices(
            _database,
            new Dictionary<string, string?>
            {
                ["OpenAI:ApiKey"] = "sk-test-key",
                ["OpenAI:Endpoint"] = OpenAi.Endpoint.ToString(),
                ["Speech:Budget"] = Budget.ToString(),
            },
            services => services.AddSingleton<IBackgroundJobManager>(sp => new RecordingJobManager(sp.GetRequiredService<ICurrentTenant>())));
        Jobs = (RecordingJobManager)Services.GetRequiredService<IBackgroundJobManager>();

        // The first request pays for the SDK's code and the connection: tests measure the budget, not that.
        await Services.GetRequiredService<SpeechSynthesizer>().SynthesizeAsync("Warm up.", "alloy", CancellationToken.None);
    }

    /// <summary>A business on <paramref name="edition"/> with a phone line in <paramref name="premiumVoice"/>.</summary>
    public async Task<Guid> CreateBusinessAsync(string edition = EditionMatrix.Pro, string? premiumVoice = "nova")
    {
        var owner = await TestTenants.CreateAsync(Services, edition: edition);
        await Services.InTenantAsync(owner.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            db.PhoneLines.Add(new PhoneLine(Guid.CreateVersion7(), owner.TenantId, $"+1415{Random.Shared.Next(1_000_000, 9_999_999)}", $"AC{Guid.NewGuid():N}", "protected")
            {
                PremiumVoice = premiumVoice,
                SayVoice = "Polly.Joanna",
            });
            await db.SaveChangesAsync();
        });
        return owner.TenantId;
    }

    public void ResetStub()
    {
        OpenAi.SpeechFailureStatus = null;
        OpenAi.SpeechDelay = TimeSpan.Zero;
    }

    public async Task DisposeAsync()
    {
        if (Services is not null)
        {
            await Services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (OpenAi is not null)
        {
            await OpenAi.DisposeAsync();
        }
    }
}

/// <summary>Jobs queued, with the tenant each was queued for, instead of the job server.</summary>
public sealed class RecordingJobManager(ICurrentTenant currentTenant) : IBackgroundJobManager
{
    private readonly ConcurrentQueue<(Guid? TenantId, object Args)> queued = new();

    public IReadOnlyList<(Guid? TenantId, object Args)> Queued => [.. queued];

    public string Enqueue<TArgs>(TArgs args, TimeSpan? delay = null)
    {
        queued.Enqueue((currentTenant.Id, args!));
        return Guid.NewGuid().ToString("N");
    }
}
