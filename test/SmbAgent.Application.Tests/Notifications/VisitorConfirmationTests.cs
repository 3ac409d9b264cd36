using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Notifications;
using SmbAgent.Workspace;

namespace SmbAgent.Application.Tests.Notifications;

/// <summary>The visitor's confirmation email: only when the business turned it on, limited per address, in the conversation's language.</summary>
public sealed class VisitorConfirmationTests(NotificationHarness harness) : IClassFixture<NotificationHarness>
{
    private const string Payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    [Fact]
    public async Task Nothing_goes_to_the_visitor_until_the_business_turns_it_on()
    {
        var owner = await harness.NewBusinessAsync(visitorConfirmation: false, OwnerContact());

        var (_, deliveries) = await harness.AddLeadAsync(owner.TenantId, email: Address());

        deliveries.ShouldHaveSingleItem().Kind.ShouldBe(NotificationKind.NewLead);
    }

    [Fact]
    public async Task Without_an_address_or_with_one_that_is_not_a_single_address_nothing_goes_to_the_visitor()
    {
        var owner = await harness.NewBusinessAsync(visitorConfirmation: true, OwnerContact());

        var (_, none) = await harness.AddLeadAsync(owner.TenantId, email: null);
        var (_, several) = await harness.AddLeadAsync(owner.TenantId, email: "a@example.com, b@example.com");

        none.ShouldAllBe(d => d.Kind == NotificationKind.NewLead);
        several.ShouldAllBe(d => d.Kind == NotificationKind.NewLead);
    }

    [Theory]
    [InlineData("en", "we have received your request", "call us at +1 415 555 0100")]
    [InlineData("es", "hemos recibido su solicitud", "llámenos al +1 415 555 0100")]
    [InlineData("fr", "nous avons bien reçu votre demande", "appelez-nous au +1 415 555 0100")]
    [InlineData("de", "Wir haben Ihre Anfrage erhalten", "rufen Sie uns unter +1 415 555 0100 an")]
    [InlineData("it", "abbiamo ricevuto la sua richiesta", "ci chiami al +1 415 555 0100")]
    [InlineData("pt", "recebemos o seu pedido", "ligue-nos para o +1 415 555 0100")]
    public async Task The_confirmation_is_written_in_the_conversations_language_with_the_business_phone(string language, string subject, string callUs)
    {
        var owner = await harness.NewBusinessAsync(visitorConfirmation: true, OwnerContact());
        var visitor = Address();

        var (_, deliveries) = await harness.AddLeadAsync(owner.TenantId, language, name: "Lucía", email: visitor, notes: "Secret details the visitor typed");
        var confirmation = deliveries.Single(d => d.Kind == NotificationKind.VisitorConfirmation);
        await harness.RunAsync(owner.TenantId, confirmation.Id);

        confirmation.Recipient.ShouldBe(visitor);
        var mail = harness.Smtp.Messages.Single(m => m.Recipients.Contains(visitor)).Parse();
        mail.Subject.ShouldStartWith(owner.Name);
        mail.Subject.ShouldEndWith(subject);
        var text = mail.TextBody.ShouldNotBeNull();
        text.ShouldContain("Lucía");
        text.ShouldContain(owner.Name);
        text.ShouldContain(callUs);
        text.ShouldNotContain("Secret details", Case.Insensitive, "only the visitor's own name is repeated");
        mail.HtmlBody.ShouldNotBeNull().ShouldContain(callUs);
    }

    [Fact]
    public async Task An_address_gets_at_most_three_confirmations_a_day_however_it_is_typed()
    {
        var owner = await harness.NewBusinessAsync(visitorConfirmation: true, OwnerContact());
        var visitor = Address();
        var (oldLead, _) = await harness.AddLeadAsync(owner.TenantId);
        await harness.InTenantAsync(owner.TenantId, async sp =>
        {
            // A confirmation sent yesterday, outside the 24 hours.
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            db.NotificationDeliveries.Add(new NotificationDelivery(Guid.CreateVersion7(), owner.TenantId, oldLead, NotificationKind.VisitorConfirmation, NotificationChannel.Email, visitor)
            {
                CreationTime = DateTimeOffset.UtcNow.AddHours(-25),
            });
            await db.SaveChangesAsync();
        });

        var confirmations = new List<int>();
        foreach (var typed in new[] { visitor, visitor.ToUpperInvariant(), $" {visitor} ", visitor, visitor })
        {
            var (_, deliveries) = await harness.AddLeadAsync(owner.TenantId, email: typed);
            confirmations.Add(deliveries.Count(d => d.Kind == NotificationKind.VisitorConfirmation));
        }

        confirmations.ShouldBe([1, 1, 1, 0, 0]);
        var stored = await harness.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().NotificationDeliveries
            .Where(d => d.Kind == NotificationKind.VisitorConfirmation).Select(d => d.Recipient).ToListAsync());
        stored.ShouldAllBe(r => r == visitor);
    }

    [Fact]
    public async Task Markup_a_visitor_typed_is_encoded_in_the_html_of_both_the_owners_and_the_visitors_email()
    {
        var ownerEmail = Address();
        var owner = await harness.NewBusinessAsync(visitorConfirmation: true, new NotificationContact(ContactKind.Email, ownerEmail, "Owner"));
        var visitor = Address();

        var (_, deliveries) = await harness.AddLeadAsync(owner.TenantId, name: Payload, email: visitor, notes: Payload, priority: LeadPriority.Urgent);
        foreach (var delivery in deliveries)
        {
            await harness.RunAsync(owner.TenantId, delivery.Id);
        }

        var toOwner = harness.Smtp.Messages.Single(m => m.Recipients.Contains(ownerEmail)).Parse();
        var toVisitor = harness.Smtp.Messages.Single(m => m.Recipients.Contains(visitor)).Parse();
        foreach (var mail in new[] { toOwner, toVisitor })
        {
            var html = mail.HtmlBody.ShouldNotBeNull();
            html.ShouldNotContain("<script", Case.Insensitive);
            html.ShouldNotContain("<img", Case.Insensitive);
            html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
            mail.Subject.ShouldNotBeNull().ShouldNotContain("<");
        }

        toOwner.Subject.ShouldStartWith("[URGENT]");
        toVisitor.TextBody.ShouldNotBeNull().ShouldContain("has been alerted");
    }

    private static string Address() => $"visitor-{Guid.NewGuid():N}@example.com";

    private static NotificationContact OwnerContact() => new(ContactKind.Email, Address(), "Owner");
}
