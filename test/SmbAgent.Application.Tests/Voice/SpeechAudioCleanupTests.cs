using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.TestKit;
using SmbAgent.Voice;
using SmbAgent.Voice.Speech;

namespace SmbAgent.Application.Tests.Voice;

/// <summary>The recurring cleanup deletes audio no call used in <see cref="SpeechOptions.KeepUnusedFor"/>, across businesses.</summary>
public sealed class SpeechAudioCleanupTests(SpeechFixture fixture) : IClassFixture<SpeechFixture>
{
    [Fact]
    public async Task Only_audio_unused_for_longer_than_the_keep_period_is_deleted_in_every_business()
    {
        var first = await fixture.CreateBusinessAsync();
        var second = await fixture.CreateBusinessAsync();
        var now = DateTimeOffset.UtcNow;
        await AddAsync(first, "old", now - TimeSpan.FromDays(31));
        await AddAsync(first, "recent", now - TimeSpan.FromDays(29));
        await AddAsync(second, "old", now - TimeSpan.FromDays(45));
        await AddAsync(second, "just used", now);

        await fixture.Services.RunJobAsync<CleanUpSpeechAudioArgs>(null, new CleanUpSpeechAudioArgs());

        (await VoicesAsync(first)).ShouldBe(["recent"]);
        (await VoicesAsync(second)).ShouldBe(["just used"]);
    }

    private Task AddAsync(Guid tenantId, string label, DateTimeOffset lastUsed) =>
        fixture.Services.InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            // The voice column carries the label, so what is left can be named.
            db.SpeechAudio.Add(new SpeechAudio(Guid.CreateVersion7(), tenantId, SpeechHashes.Of(label, label, "m"), label, "m", SpeechSynthesizer.ContentType, [1, 2, 3])
            {
                LastUsedTime = lastUsed,
            });
            await db.SaveChangesAsync();
        });

    private Task<List<string>> VoicesAsync(Guid tenantId) =>
        fixture.Services.InTenantAsync(tenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().SpeechAudio.AsNoTracking()
            .Where(a => a.TenantId == tenantId).Select(a => a.Voice).ToListAsync());
}
