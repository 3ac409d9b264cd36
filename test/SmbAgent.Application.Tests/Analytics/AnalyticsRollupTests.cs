using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Analytics;
using SmbAgent.BackgroundJobs;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Replies;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.Voice;

namespace SmbAgent.Application.Tests.Analytics;

/// <summary>
/// The analytics report over the real database: a hand-counted data set in a business west of UTC (so local days and
/// UTC days differ), rolled up by the service and by the recurring job, and read back from the roll-ups only.
/// </summary>
public sealed class AnalyticsRollupTests(CoreFixture fixture) : IClassFixture<CoreFixture>
{
    private const string Zone = "America/New_York";

    [Fact]
    public async Task The_report_equals_the_hand_counted_data_set_and_follows_new_activity_through_the_job()
    {
        var owner = await TestTenants.CreateAsync(fixture.Services, edition: EditionMatrix.Pro);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        DateTimeOffset At(DateOnly day, int hour, int minute = 0)
        {
            var local = day.ToDateTime(new TimeOnly(hour, minute));
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }

        var yesterday = today.AddDays(-1);
        var tenDaysAgo = today.AddDays(-10);
        var fortyDaysAgo = today.AddDays(-40);
        var dropOffQuestion = Guid.Empty;
        await fixture.InTenantAsync(owner.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            (await db.BusinessProfiles.SingleAsync()).TimeZone = Zone;
            var id = owner.TenantId;
            dropOffQuestion = (await db.LeadQuestions.OrderBy(q => q.Position).FirstAsync()).Id;

            // Yesterday, 10:00: a chat answered once, not found once, and a lead.
            AnalyticsSeed.AddConversation(db, id, ConversationChannel.Chat, At(yesterday, 10),
                [("What are your hours?", AnalyticsSeed.Answer), ("Do you fix boilers?", AnalyticsSeed.NotFound)], lead: LeadPriority.Normal);

            // Yesterday, 23:30 local (already today in UTC): left at the first lead question.
            var left = AnalyticsSeed.AddConversation(db, id, ConversationChannel.Chat, At(yesterday, 23, 30), [("Hello", AnalyticsSeed.Answer)]);
            left.State = ConversationState.LeadCapture;
            left.CurrentQuestionId = dropOffQuestion;

            // Yesterday, 00:30 local (still the day before in no zone east of here): an urgent call.
            AnalyticsSeed.AddConversation(db, id, ConversationChannel.Voice, At(yesterday, 0, 30), [("My pipe burst", new EmergencyReply(LeadPriority.Urgent, null, null))], lead: LeadPriority.Urgent);
            AnalyticsSeed.AddCall(db, id, At(yesterday, 0, 30), "completed", 90);
            AnalyticsSeed.AddCall(db, id, At(yesterday, 12), "no-answer", 0);
            AnalyticsSeed.AddCall(db, id, At(yesterday, 0, 31), "completed", 60, CallDirection.OwnerAlert);

            // Ten days ago: a widget opened without a word (not a conversation), and a chat with a high-priority lead.
            AnalyticsSeed.AddConversation(db, id, ConversationChannel.Chat, At(tenDaysAgo, 14), [], counted: false);
            AnalyticsSeed.AddConversation(db, id, ConversationChannel.Chat, At(tenDaysAgo, 14, 5), [("Water everywhere", AnalyticsSeed.Answer)], lead: LeadPriority.High);

            // Forty days ago: outside 30 days, inside 90.
            AnalyticsSeed.AddConversation(db, id, ConversationChannel.Chat, At(fortyDaysAgo, 9), [("A quote please", AnalyticsSeed.NotFound)], lead: LeadPriority.Normal);
            await db.SaveChangesAsync();
        });

        await InTenantAsync<AnalyticsRollupService, bool>(owner.TenantId, async s =>
        {
            await s.RecomputeAsync(today.AddDays(-45), today);
            return true;
        });
        var month = await ReportAsync(owner.TenantId, 30);

        month.Level.ShouldBe(SmbFeatures.Analytics.Full);
        month.From.ShouldBe(today.AddDays(-29));
        month.Totals.ShouldBe(new AnalyticsCountsDto(Conversations: 4, Leads: 3, Emergencies: 2, AnsweredTurns: 3, NotFoundTurns: 1));
        month.Totals.ConversionRate.ShouldBe(0.75);
        month.Totals.AnswerRate.ShouldBe(0.75);
        month.ByChannel.Single(c => c.Channel == ConversationChannel.Chat).Counts.ShouldBe(new AnalyticsCountsDto(3, 2, 1, 3, 1));
        month.ByChannel.Single(c => c.Channel == ConversationChannel.Voice).Counts.ShouldBe(new AnalyticsCountsDto(1, 1, 1, 0, 0));
        month.ByDay.Count.ShouldBe(30);
        month.ByDay.Single(d => d.Day == yesterday).ShouldBe(new AnalyticsDayDto(yesterday, ChatConversations: 2, VoiceConversations: 1, Leads: 2, Emergencies: 1));
        month.ByDay.Single(d => d.Day == tenDaysAgo).ShouldBe(new AnalyticsDayDto(tenDaysAgo, 1, 0, 1, 1));
        month.ByDay.Where(d => d.Day != yesterday && d.Day != tenDaysAgo).ShouldAllBe(d => d.ChatConversations + d.VoiceConversations + d.Leads == 0);

        var full = month.Full.ShouldNotBeNull();
        var dropOff = full.DropOff.ShouldHaveSingleItem();
        (dropOff.QuestionId, dropOff.Count).ShouldBe((dropOffQuestion, 1));
        dropOff.Question.ShouldNotBeNullOrWhiteSpace();
        full.Calls.ShouldBe(2, "owner alert calls are not the business's calls");
        full.VoiceMinutes.ShouldBe(1.5);
        full.CallsByOutcome.ShouldBe([new CallOutcomeDto("completed", 1), new CallOutcomeDto("no-answer", 1)], ignoreOrder: true);
        var hours = new int[168];
        hours[(int)yesterday.DayOfWeek * 24 + 10]++;
        hours[(int)yesterday.DayOfWeek * 24 + 23]++;
        hours[(int)yesterday.DayOfWeek * 24 + 0]++;
        hours[(int)tenDaysAgo.DayOfWeek * 24 + 14]++;
        full.HourOfWeek.ShouldBe(hours);

        var quarter = await ReportAsync(owner.TenantId, 90);
        quarter.Totals.ShouldBe(new AnalyticsCountsDto(5, 4, 2, 3, 2));

        // New activity, then the recurring job's run for this business (today and yesterday): counted once more,
        // and yesterday, recomputed, is unchanged.
        await fixture.InTenantAsync(owner.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            AnalyticsSeed.AddConversation(db, owner.TenantId, ConversationChannel.Chat, DateTimeOffset.UtcNow.AddSeconds(-5), [("Are you open?", AnalyticsSeed.Answer)], lead: LeadPriority.Normal);
            await db.SaveChangesAsync();
        });
        (await ReportAsync(owner.TenantId, 30)).Totals.Conversations.ShouldBe(4, "pages read the roll-ups, not the conversations");

        await fixture.Services.RunJobAsync(owner.TenantId, new RollUpAnalyticsArgs());

        var after = await ReportAsync(owner.TenantId, 30);
        after.Totals.ShouldBe(new AnalyticsCountsDto(5, 4, 2, 4, 1));
        after.ByDay.Single(d => d.Day == yesterday).ShouldBe(new AnalyticsDayDto(yesterday, 2, 1, 2, 1));
    }

    [Fact]
    public async Task The_host_job_rolls_up_each_business_in_its_own_scope()
    {
        var first = await TestTenants.CreateAsync(fixture.Services, edition: EditionMatrix.Basic);
        var second = await TestTenants.CreateAsync(fixture.Services, edition: EditionMatrix.Basic);
        foreach (var (tenant, count) in new[] { (first.TenantId, 1), (second.TenantId, 2) })
        {
            await fixture.InTenantAsync(tenant, async sp =>
            {
                var db = sp.GetRequiredService<ISmbAgentDbContext>();
                for (var i = 0; i < count; i++)
                {
                    AnalyticsSeed.AddConversation(db, tenant, ConversationChannel.Chat, DateTimeOffset.UtcNow.AddMinutes(-1), [("Hi", AnalyticsSeed.Answer)]);
                }

                await db.SaveChangesAsync();
            });
        }

        // The host job queues one job per business; run those the way a worker would.
        var queued = new List<(Guid? Tenant, RollUpAnalyticsArgs Args)>();
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var recorder = new RecordingJobManager(scope.ServiceProvider.GetRequiredService<ICurrentTenant>(), queued);
            var job = ActivatorUtilities.CreateInstance<ScheduleAnalyticsRollupsJob>(scope.ServiceProvider, (IBackgroundJobManager)recorder);
            await job.ExecuteAsync(new ScheduleAnalyticsRollupsArgs(), CancellationToken.None);
        }

        queued.Select(q => q.Tenant).ShouldContain(first.TenantId);
        queued.Select(q => q.Tenant).ShouldContain(second.TenantId);
        foreach (var (tenant, args) in queued.Where(q => q.Tenant == first.TenantId || q.Tenant == second.TenantId))
        {
            await fixture.Services.RunJobAsync(tenant, args);
        }

        (await ReportAsync(first.TenantId, 7)).Totals.Conversations.ShouldBe(1);
        (await ReportAsync(second.TenantId, 7)).Totals.Conversations.ShouldBe(2);
    }

    [Fact]
    public async Task A_basic_plan_gets_the_basic_report_and_neither_the_full_sections_nor_unanswered_questions()
    {
        var owner = await TestTenants.CreateAsync(fixture.Services, edition: EditionMatrix.Basic);

        var report = await ReportAsync(owner.TenantId, 7);

        report.Level.ShouldBe(SmbFeatures.Analytics.Basic);
        report.Full.ShouldBeNull();
        report.ByDay.Count.ShouldBe(7);
        await Should.ThrowAsync<FeatureNotEnabledException>(() =>
            InTenantAsync<AnalyticsAppService, IReadOnlyList<UnansweredGroupDto>>(owner.TenantId, s => s.GetUnansweredGroupsAsync(7)));
        await Should.ThrowAsync<FeatureNotEnabledException>(() =>
            InTenantAsync<AnalyticsAppService, Guid>(owner.TenantId, s => s.TurnIntoFaqAsync(new TurnIntoFaqDto { QuestionIds = [Guid.NewGuid()], Question = "Q?", Answer = "A." })));
    }

    [Fact]
    public async Task A_period_that_is_not_offered_is_refused()
    {
        var owner = await TestTenants.CreateAsync(fixture.Services, edition: EditionMatrix.Pro);

        var refused = await Should.ThrowAsync<BusinessException>(() => ReportAsync(owner.TenantId, 8));

        refused.Code.ShouldBe("Analytics:InvalidPeriod");
    }

    private Task<AnalyticsReportDto> ReportAsync(Guid tenantId, int days) =>
        InTenantAsync<AnalyticsAppService, AnalyticsReportDto>(tenantId, s => s.GetReportAsync(days));

    private Task<T> InTenantAsync<TService, T>(Guid tenantId, Func<TService, Task<T>> action)
        where TService : notnull =>
        fixture.InTenantAsync(tenantId, sp => action(sp.GetRequiredService<TService>()));

    private sealed class RecordingJobManager(ICurrentTenant currentTenant, List<(Guid? Tenant, RollUpAnalyticsArgs Args)> queued) : IBackgroundJobManager
    {
        public string Enqueue<TArgs>(TArgs args, TimeSpan? delay = null)
        {
            queued.Add((currentTenant.Id, (RollUpAnalyticsArgs)(object)args!));
            return Guid.NewGuid().ToString("N");
        }
    }
}
