using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Privacy;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.Privacy;

/// <summary>The nightly retention deletes exactly what is older than each business's period, and nothing of another business.</summary>
public sealed class RetentionTests(PrivacyFixture fixture) : IClassFixture<PrivacyFixture>
{
    [Fact]
    public async Task Retention_deletes_only_what_is_older_than_the_period_and_only_in_that_business()
    {
        var now = DateTimeOffset.UtcNow;
        var business = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        await SetRetentionAsync(business, conversations: 30, recordings: 7);
        await SetRetentionAsync(other, conversations: null, recordings: null);

        var oldChat = await PrivacyRows.AddAsync(fixture.Services, business, now.AddDays(-31));
        var oldLead = await PrivacyRows.AddAsync(fixture.Services, business, now.AddDays(-40), withLead: true, email: "old@example.com");
        var recentChat = await PrivacyRows.AddAsync(fixture.Services, business, now.AddDays(-29));
        var oldCall = await PrivacyRows.AddAsync(fixture.Services, business, now.AddDays(-8), withCall: true, phone: "+14155550142");
        var recentCall = await PrivacyRows.AddAsync(fixture.Services, business, now.AddDays(-6), withCall: true, phone: "+14155550143");
        var otherOldChat = await PrivacyRows.AddAsync(fixture.Services, other, now.AddDays(-400));
        var otherOldCall = await PrivacyRows.AddAsync(fixture.Services, other, now.AddDays(-400), withCall: true, phone: "+14155550144");

        await fixture.Services.RunJobAsync(null, new ApplyRetentionArgs());

        (await Conversations(oldChat)).ShouldBe(0, "a conversation older than 30 days goes");
        (await Messages(oldChat)).ShouldBe(0);
        (await Conversations(oldLead)).ShouldBe(1, "the lead's conversation row stays for the lead");
        (await Messages(oldLead)).ShouldBe(0, "but its transcript goes");
        (await fixture.CountAsync("SELECT count(*) FROM leads WHERE id = @p0", oldLead.LeadId!.Value)).ShouldBe(1, "leads stay");
        (await Conversations(recentChat)).ShouldBe(1);
        (await Messages(recentChat)).ShouldBe(2);
        (await Recordings(oldCall)).ShouldBe(0, "a recording older than 7 days goes");
        (await fixture.CountAsync("SELECT count(*) FROM call_logs WHERE id = @p0", oldCall.CallId!.Value)).ShouldBe(1, "the call's log stays");
        (await Messages(oldCall)).ShouldBe(2, "the call's conversation is 8 days old: within the 30 days of conversations");
        (await Recordings(recentCall)).ShouldBe(1);
        (await Conversations(otherOldChat)).ShouldBe(1, "another business keeps everything");
        (await Messages(otherOldChat)).ShouldBe(2);
        (await Recordings(otherOldCall)).ShouldBe(1);
    }

    [Fact]
    public async Task Retention_takes_a_large_backlog_in_batches()
    {
        var business = await fixture.CreateTenantAsync();
        await SetRetentionAsync(business, conversations: 1, recordings: null);
        var old = new List<PrivacyRows.Seeded>();
        for (var i = 0; i < 5; i++)
        {
            old.Add(await PrivacyRows.AddAsync(fixture.Services, business, DateTimeOffset.UtcNow.AddDays(-2 - i)));
        }

        await using (var services = CoreFixture.BuildServices(fixture.Database, new Dictionary<string, string?> { ["Privacy:DeleteBatchSize"] = "2" }))
        {
            await services.RunJobAsync(null, new ApplyRetentionArgs());
        }

        (await fixture.CountAsync("SELECT count(*) FROM conversations WHERE tenant_id = @p0", business)).ShouldBe(0);
        (await fixture.CountAsync("SELECT count(*) FROM conversation_messages WHERE tenant_id = @p0", business)).ShouldBe(0);
    }

    private Task SetRetentionAsync(Guid tenantId, int? conversations, int? recordings) =>
        fixture.InTenantAsync(tenantId, async sp =>
        {
            var settings = sp.GetRequiredService<PrivacySettingsAppService>();
            var input = await settings.GetAsync();
            input.ConversationRetentionDays = conversations;
            input.RecordingRetentionDays = recordings;
            await settings.UpdateAsync(input);
        });

    private Task<long> Conversations(PrivacyRows.Seeded row) => fixture.CountAsync("SELECT count(*) FROM conversations WHERE id = @p0", row.ConversationId);

    private Task<long> Messages(PrivacyRows.Seeded row) => fixture.CountAsync("SELECT count(*) FROM conversation_messages WHERE conversation_id = @p0", row.ConversationId);

    private Task<long> Recordings(PrivacyRows.Seeded row) =>
        fixture.CountAsync("SELECT count(*) FROM call_logs WHERE id = @p0 AND (recording_url IS NOT NULL OR recording_sid IS NOT NULL OR transcript IS NOT NULL)", row.CallId!.Value);
}
