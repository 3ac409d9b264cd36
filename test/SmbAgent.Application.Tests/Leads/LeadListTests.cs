using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Leads;

namespace SmbAgent.Application.Tests.Leads;

/// <summary>The leads list over the real database: filters, search, order, pages, and the wall between businesses.</summary>
public sealed class LeadListTests(LeadsFixture fixture) : IClassFixture<LeadsFixture>
{
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Filters_by_status_priority_and_channel_each_and_together()
    {
        var tenant = await fixture.CreateTenantAsync();
        var newUrgentChat = await fixture.AddLeadAsync(tenant, new() { Priority = LeadPriority.Urgent });
        var wonNormalVoice = await fixture.AddLeadAsync(tenant, new() { Status = LeadStatus.Won, Channel = ConversationChannel.Voice });
        var newNormalVoice = await fixture.AddLeadAsync(tenant, new() { Channel = ConversationChannel.Voice });
        var lostHighChat = await fixture.AddLeadAsync(tenant, new() { Status = LeadStatus.Lost, Priority = LeadPriority.High });

        (await IdsAsync(tenant, new())).ShouldBe([newUrgentChat, wonNormalVoice, newNormalVoice, lostHighChat], ignoreOrder: true);
        (await IdsAsync(tenant, new() { Status = LeadStatus.New })).ShouldBe([newUrgentChat, newNormalVoice], ignoreOrder: true);
        (await IdsAsync(tenant, new() { Priority = LeadPriority.Urgent })).ShouldBe([newUrgentChat]);
        (await IdsAsync(tenant, new() { Channel = ConversationChannel.Voice })).ShouldBe([wonNormalVoice, newNormalVoice], ignoreOrder: true);
        (await IdsAsync(tenant, new() { Status = LeadStatus.New, Channel = ConversationChannel.Voice, Priority = LeadPriority.Normal })).ShouldBe([newNormalVoice]);
        (await IdsAsync(tenant, new() { Status = LeadStatus.Qualified })).ShouldBeEmpty();
    }

    [Fact]
    public async Task Created_from_and_to_are_whole_days_in_the_business_time_zone_and_times_come_back_in_it()
    {
        var tenant = await fixture.CreateTenantAsync();
        await fixture.SetTimeZoneAsync(tenant, "America/New_York");
        var lastOfFebruary = await fixture.AddLeadAsync(tenant, new() { Created = new(2026, 3, 1, 4, 59, 0, TimeSpan.Zero) });
        var firstOfMarch = await fixture.AddLeadAsync(tenant, new() { Created = new(2026, 3, 1, 5, 0, 0, TimeSpan.Zero) });
        var lateFirstOfMarch = await fixture.AddLeadAsync(tenant, new() { Created = new(2026, 3, 2, 4, 59, 0, TimeSpan.Zero) });
        var secondOfMarch = await fixture.AddLeadAsync(tenant, new() { Created = new(2026, 3, 2, 5, 0, 0, TimeSpan.Zero) });

        var firstDay = await fixture.LeadsAsync(tenant, s => s.GetListAsync(new() { CreatedFrom = new(2026, 3, 1), CreatedTo = new(2026, 3, 1) }));
        var fromSecond = await IdsAsync(tenant, new() { CreatedFrom = new(2026, 3, 2) });
        var untilFebruary = await IdsAsync(tenant, new() { CreatedTo = new(2026, 2, 28) });

        firstDay.Leads.Items.Select(l => l.Id).ShouldBe([lateFirstOfMarch, firstOfMarch]);
        firstDay.TimeZone.ShouldBe("America/New_York");
        firstDay.Leads.Items[0].CreationTime.ShouldBe(new DateTimeOffset(2026, 3, 1, 23, 59, 0, TimeSpan.FromHours(-5)));
        firstDay.Leads.Items[0].CreationTime.Offset.ShouldBe(TimeSpan.FromHours(-5));
        fromSecond.ShouldBe([secondOfMarch]);
        untilFebruary.ShouldBe([lastOfFebruary]);
    }

    [Fact]
    public async Task Search_ignores_case_and_looks_in_the_name_email_phone_and_notes()
    {
        var tenant = await fixture.CreateTenantAsync();
        var byName = await fixture.AddLeadAsync(tenant, new() { Name = "Márta Kovács" });
        var byEmail = await fixture.AddLeadAsync(tenant, new() { Email = "HOMEOWNER@Example.com" });
        var byPhone = await fixture.AddLeadAsync(tenant, new() { Phone = "+15550104477" });
        var byNotes = await fixture.AddLeadAsync(tenant, new() { Notes = "The boiler in the basement is leaking." });
        await fixture.AddLeadAsync(tenant, new() { Name = "Someone else", Email = "other@example.org", Notes = "A tap drips." });

        (await IdsAsync(tenant, new() { Search = "márta KOV" })).ShouldBe([byName]);
        (await IdsAsync(tenant, new() { Search = "homeowner@example" })).ShouldBe([byEmail]);
        (await IdsAsync(tenant, new() { Search = "0104477" })).ShouldBe([byPhone]);
        (await IdsAsync(tenant, new() { Search = "(555) 010-4477" })).ShouldBe([byPhone]);
        (await IdsAsync(tenant, new() { Search = "  BASEMENT  " })).ShouldBe([byNotes]);
        (await IdsAsync(tenant, new() { Search = "nobody matches this" })).ShouldBeEmpty();
        (await IdsAsync(tenant, new() { Search = "   " })).Count.ShouldBe(5);
    }

    [Fact]
    public async Task Percent_underscore_and_backslash_in_a_search_match_only_themselves()
    {
        var tenant = await fixture.CreateTenantAsync();
        var percent = await fixture.AddLeadAsync(tenant, new() { Notes = "They want a 100% fixed price." });
        var noPercent = await fixture.AddLeadAsync(tenant, new() { Notes = "They want a 1000 dollar quote." });
        var underscore = await fixture.AddLeadAsync(tenant, new() { Email = "jo_hn@example.com" });
        var noUnderscore = await fixture.AddLeadAsync(tenant, new() { Email = "joXhn@example.com" });
        var backslash = await fixture.AddLeadAsync(tenant, new() { Notes = @"Sent from C:\Users\front desk" });

        (await IdsAsync(tenant, new() { Search = "100%" })).ShouldBe([percent]);
        (await IdsAsync(tenant, new() { Search = "%" })).ShouldBe([percent]);
        (await IdsAsync(tenant, new() { Search = "jo_hn" })).ShouldBe([underscore]);
        (await IdsAsync(tenant, new() { Search = "_" })).ShouldBe([underscore]);
        (await IdsAsync(tenant, new() { Search = @"C:\Users" })).ShouldBe([backslash]);
        (await IdsAsync(tenant, new() { Search = "1000" })).ShouldBe([noPercent]);
        (await IdsAsync(tenant, new() { Search = "joxhn" })).ShouldBe([noUnderscore]);
    }

    [Fact]
    public async Task Sorts_by_date_priority_and_status_both_ways()
    {
        var tenant = await fixture.CreateTenantAsync();
        var oldestUrgentLost = await fixture.AddLeadAsync(tenant, new() { Created = Day.AddDays(-3), Priority = LeadPriority.Urgent, Status = LeadStatus.Lost });
        var lowContacted = await fixture.AddLeadAsync(tenant, new() { Created = Day.AddDays(-2), Priority = LeadPriority.Low, Status = LeadStatus.Contacted });
        var highNew = await fixture.AddLeadAsync(tenant, new() { Created = Day.AddDays(-1), Priority = LeadPriority.High, Status = LeadStatus.New });
        var newestNormalWon = await fixture.AddLeadAsync(tenant, new() { Created = Day, Priority = LeadPriority.Normal, Status = LeadStatus.Won });

        (await IdsAsync(tenant, new())).ShouldBe([newestNormalWon, highNew, lowContacted, oldestUrgentLost]);
        (await IdsAsync(tenant, new() { Descending = false })).ShouldBe([oldestUrgentLost, lowContacted, highNew, newestNormalWon]);
        (await IdsAsync(tenant, new() { Sort = LeadSort.Priority })).ShouldBe([oldestUrgentLost, highNew, newestNormalWon, lowContacted]);
        (await IdsAsync(tenant, new() { Sort = LeadSort.Priority, Descending = false })).ShouldBe([lowContacted, newestNormalWon, highNew, oldestUrgentLost]);
        (await IdsAsync(tenant, new() { Sort = LeadSort.Status, Descending = false })).ShouldBe([highNew, lowContacted, newestNormalWon, oldestUrgentLost]);
        (await IdsAsync(tenant, new() { Sort = LeadSort.Status })).ShouldBe([oldestUrgentLost, newestNormalWon, lowContacted, highNew]);
    }

    [Fact]
    public async Task Ties_in_the_sort_key_put_the_newest_first()
    {
        var tenant = await fixture.CreateTenantAsync();
        var older = await fixture.AddLeadAsync(tenant, new() { Created = Day.AddHours(-1), Priority = LeadPriority.Urgent });
        var newer = await fixture.AddLeadAsync(tenant, new() { Created = Day, Priority = LeadPriority.Urgent });

        (await IdsAsync(tenant, new() { Sort = LeadSort.Priority, Descending = false })).ShouldBe([newer, older]);
    }

    [Fact]
    public async Task Pages_have_the_asked_size_up_to_the_cap_and_count_every_match()
    {
        var tenant = await fixture.CreateTenantAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await fixture.AddLeadAsync(tenant, new() { Created = Day.AddMinutes(-i) }));
        }

        var second = await fixture.LeadsAsync(tenant, s => s.GetListAsync(new() { PageSize = 2, Page = 2 }));
        var last = await fixture.LeadsAsync(tenant, s => s.GetListAsync(new() { PageSize = 2, Page = 3 }));
        var huge = await fixture.LeadsAsync(tenant, s => s.GetListAsync(new() { PageSize = 100_000 }));
        var belowOne = await fixture.LeadsAsync(tenant, s => s.GetListAsync(new() { PageSize = 0, Page = -4 }));

        second.Leads.Items.Select(l => l.Id).ShouldBe(ids[2..4]);
        (second.Leads.TotalCount, second.Leads.TotalPages, second.Leads.Page).ShouldBe((5, 3, 2));
        last.Leads.Items.Select(l => l.Id).ShouldBe([ids[4]]);
        huge.Leads.PageSize.ShouldBe(LeadListInput.MaxPageSize);
        huge.Leads.Items.Count.ShouldBe(5);
        (belowOne.Leads.Page, belowOne.Leads.PageSize).ShouldBe((1, 1));
        belowOne.Leads.Items.Select(l => l.Id).ShouldBe([ids[0]]);
    }

    [Fact]
    public async Task Another_businesss_leads_are_neither_listed_nor_found_nor_changed()
    {
        var other = await fixture.CreateTenantAsync();
        var tenant = await fixture.CreateTenantAsync();
        var theirs = await fixture.AddLeadAsync(other, new() { Name = "Their customer", Priority = LeadPriority.Urgent, OwnerNotes = "theirs" });
        var mine = await fixture.AddLeadAsync(tenant, new() { Name = "My customer" });

        var listed = await IdsAsync(tenant, new() { Search = "customer" });
        await Should.ThrowAsync<EntityNotFoundException>(() => fixture.LeadsAsync(tenant, s => s.GetAsync(theirs)));
        await Should.ThrowAsync<EntityNotFoundException>(() => fixture.LeadsAsync(tenant, s => s.UpdateAsync(theirs, new() { Status = LeadStatus.Lost, OwnerNotes = "hijacked" })));
        var untouched = await fixture.LeadsAsync(other, s => s.GetAsync(theirs));

        listed.ShouldBe([mine]);
        (untouched.Lead.Status, untouched.Lead.OwnerNotes).ShouldBe((LeadStatus.New, "theirs"));
    }

    private Task<List<Guid>> IdsAsync(Guid tenant, LeadListInput input) =>
        fixture.LeadsAsync(tenant, async s => (await s.GetListAsync(input)).Leads.Items.Select(l => l.Id).ToList());
}
