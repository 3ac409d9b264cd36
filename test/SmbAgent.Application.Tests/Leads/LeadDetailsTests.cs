using FluentValidation;
using SmbAgent.Conversations;
using SmbAgent.Leads;
using SmbAgent.Notifications;

namespace SmbAgent.Application.Tests.Leads;

/// <summary>A lead's details (answers, transcript, deliveries) and the business's follow-up edits.</summary>
public sealed class LeadDetailsTests(LeadsFixture fixture) : IClassFixture<LeadsFixture>
{
    [Fact]
    public async Task Details_have_every_answer_the_transcript_in_order_and_only_this_leads_deliveries()
    {
        var tenant = await fixture.CreateTenantAsync();
        var question = Guid.NewGuid();
        var id = await fixture.AddLeadAsync(tenant, new()
        {
            Name = "Ana Lima",
            Email = "ana@example.com",
            Phone = "+15550100",
            Address = "1 Main St",
            Notes = "Water under the sink",
            Priority = LeadPriority.Urgent,
            Answers = [new(question, "What is your name?", "Ana Lima"), new(Guid.NewGuid(), "Anything else?", null)],
            Messages = [(MessageRole.Agent, "Hello!"), (MessageRole.Visitor, "Water everywhere"), (MessageRole.Agent, "What is your name?"), (MessageRole.Visitor, "Ana Lima")],
            Deliveries =
            [
                (NotificationChannel.Email, "owner@example.com", ["SMTP 421 try later"], true),
                (NotificationChannel.Sms, "+15550199", ["Twilio 503", "Twilio 503 again"], false),
            ],
        });
        await fixture.AddLeadAsync(tenant, new() { Deliveries = [(NotificationChannel.Email, "someone@example.com", [], true)] });

        var details = await fixture.LeadsAsync(tenant, s => s.GetAsync(id));

        details.Lead.ShouldSatisfyAllConditions(
            l => (l.ContactName, l.Email, l.Phone, l.Address, l.Notes).ShouldBe(("Ana Lima", "ana@example.com", "+15550100", "1 Main St", "Water under the sink")),
            l => l.Priority.ShouldBe(LeadPriority.Urgent),
            l => l.Answers.ShouldBe([new CollectedAnswer(question, "What is your name?", "Ana Lima"), l.Answers[1]]),
            l => l.Answers[1].Value.ShouldBeNull());
        details.Transcript.Select(m => (m.Sequence, m.Role, m.Text)).ShouldBe(
            [(1, MessageRole.Agent, "Hello!"), (2, MessageRole.Visitor, "Water everywhere"), (3, MessageRole.Agent, "What is your name?"), (4, MessageRole.Visitor, "Ana Lima")]);
        details.Deliveries.Select(d => (d.Channel, d.Recipient, d.Status, d.Attempts, d.LastError)).ShouldBe(
            [(NotificationChannel.Email, "owner@example.com", DeliveryStatus.Sent, 2, null), (NotificationChannel.Sms, "+15550199", DeliveryStatus.Pending, 2, "Twilio 503 again")],
            ignoreOrder: true);
        details.Deliveries.Single(d => d.Status == DeliveryStatus.Sent).SentTime.ShouldNotBeNull();
    }

    [Fact]
    public async Task An_update_saves_the_status_and_trimmed_notes_and_when_it_changed()
    {
        var tenant = await fixture.CreateTenantAsync();
        var id = await fixture.AddLeadAsync(tenant, new() { Name = "Kept as given" });
        var before = DateTimeOffset.UtcNow;

        var updated = await fixture.LeadsAsync(tenant, s => s.UpdateAsync(id, new() { Status = LeadStatus.Contacted, OwnerNotes = "  Called back, visiting Tuesday.  " }));
        var cleared = await fixture.LeadsAsync(tenant, s => s.UpdateAsync(id, new() { Status = LeadStatus.Won, OwnerNotes = "   " }));
        var stored = await fixture.LeadsAsync(tenant, s => s.GetAsync(id));

        (updated.Status, updated.OwnerNotes).ShouldBe((LeadStatus.Contacted, "Called back, visiting Tuesday."));
        updated.LastModificationTime.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(before);
        (cleared.Status, cleared.OwnerNotes).ShouldBe((LeadStatus.Won, null));
        (stored.Lead.Status, stored.Lead.OwnerNotes, stored.Lead.ContactName).ShouldBe((LeadStatus.Won, null, "Kept as given"));
    }

    [Fact]
    public async Task Notes_over_the_maximum_and_an_unknown_status_are_refused_and_nothing_changes()
    {
        var tenant = await fixture.CreateTenantAsync();
        var id = await fixture.AddLeadAsync(tenant, new() { OwnerNotes = "original" });

        var tooLong = await Should.ThrowAsync<ValidationException>(() => fixture.LeadsAsync(tenant, s =>
            s.UpdateAsync(id, new() { Status = LeadStatus.Contacted, OwnerNotes = new string('n', LeadConsts.MaxNotesLength + 1) })));
        var unknown = await Should.ThrowAsync<ValidationException>(() => fixture.LeadsAsync(tenant, s =>
            s.UpdateAsync(id, new() { Status = (LeadStatus)42, OwnerNotes = "fine" })));
        var unchanged = await fixture.LeadsAsync(tenant, s => s.GetAsync(id));
        var atMaximum = await fixture.LeadsAsync(tenant, s => s.UpdateAsync(id, new() { Status = LeadStatus.Qualified, OwnerNotes = new string('n', LeadConsts.MaxNotesLength) }));

        tooLong.Errors.Select(e => e.PropertyName).ShouldBe(["OwnerNotes"]);
        unknown.Errors.Select(e => e.PropertyName).ShouldBe(["Status"]);
        (unchanged.Lead.Status, unchanged.Lead.OwnerNotes, unchanged.Lead.LastModificationTime).ShouldBe((LeadStatus.New, "original", null));
        atMaximum.OwnerNotes!.Length.ShouldBe(LeadConsts.MaxNotesLength);
    }
}
