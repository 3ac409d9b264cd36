using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.Web.Tests.Workspace;

namespace SmbAgent.Web.Tests.Leads;

/// <summary>A lead as the engine leaves it: its conversation and messages, the lead, and the notifications about it.</summary>
public sealed record LeadSeed
{
    public DateTimeOffset Created { get; init; } = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public LeadPriority Priority { get; init; } = LeadPriority.Normal;

    public LeadStatus Status { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Address { get; init; }

    public string? Notes { get; init; }

    public IReadOnlyList<CollectedAnswer> Answers { get; init; } = [];

    public IReadOnlyList<(MessageRole Role, string Text)> Messages { get; init; } = [(MessageRole.Agent, "Hello! How can I help?"), (MessageRole.Visitor, "I need a plumber.")];

    /// <summary>Each delivery with its failed attempts, and whether it was sent in the end.</summary>
    public IReadOnlyList<(NotificationChannel Channel, string Recipient, string[] Failures, bool Sent)> Deliveries { get; init; } = [];
}

/// <summary>Arranges leads in a tenant and reads the follow-up pages as a browser would.</summary>
public static class LeadPages
{
    public const string ListPath = "/Workspace/Leads";
    public const string ConversationsPath = "/Workspace/Conversations";

    public static string DetailsPath(Guid id) => $"/Workspace/Leads/Details/{id}";

    public static string ConversationPath(Guid id) => $"/Workspace/Conversations/Details/{id}";

    /// <summary>Stores the lead and returns its id and its conversation's.</summary>
    public static Task<(Guid Lead, Guid Conversation)> AddLeadAsync(this WebHostFactory factory, Guid tenantId, LeadSeed seed) =>
        factory.InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<SmbAgentDbContext>();
            var conversation = new Conversation(Guid.CreateVersion7(), tenantId, ConversationChannel.Chat, Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), "en")
            {
                CreationTime = seed.Created.AddMinutes(-5),
                LastActivityTime = seed.Created,
                MessageCount = seed.Messages.Count,
                Priority = seed.Priority,
                State = ConversationState.Completed,
            };
            var lead = new Lead(Guid.CreateVersion7(), tenantId, conversation.Id, ConversationChannel.Chat, seed.Priority)
            {
                Status = seed.Status,
                ContactName = seed.Name,
                Email = seed.Email,
                Phone = seed.Phone,
                Address = seed.Address,
                Notes = seed.Notes,
                Answers = [.. seed.Answers],
                CreationTime = seed.Created,
            };
            conversation.LeadId = lead.Id;
            db.Conversations.Add(conversation);
            db.Leads.Add(lead);
            for (var i = 0; i < seed.Messages.Count; i++)
            {
                db.ConversationMessages.Add(new ConversationMessage(Guid.CreateVersion7(), tenantId, conversation.Id, i + 1, seed.Messages[i].Role, seed.Messages[i].Text)
                {
                    CreationTime = conversation.CreationTime.AddSeconds(i),
                });
            }

            foreach (var (channel, recipient, failures, sent) in seed.Deliveries)
            {
                var delivery = new NotificationDelivery(Guid.CreateVersion7(), tenantId, lead.Id, NotificationKind.NewLead, channel, recipient) { CreationTime = seed.Created };
                foreach (var failure in failures)
                {
                    delivery.MarkAttemptFailed(seed.Created, failure, permanent: false);
                }

                if (sent)
                {
                    delivery.MarkSent(seed.Created.AddMinutes(1), null);
                }

                db.NotificationDeliveries.Add(delivery);
            }

            await db.SaveChangesAsync();
            return (lead.Id, conversation.Id);
        });

    /// <summary>
    /// Stores a delivery about <paramref name="leadId"/> (or, without one, a visitor's request for a person in
    /// <paramref name="conversationId"/>) after its failed attempts; <paramref name="gaveUp"/> makes the last one final.
    /// </summary>
    public static Task<Guid> AddDeliveryAsync(
        this WebHostFactory factory, Guid tenantId, Guid? leadId, Guid conversationId, NotificationChannel channel, string recipient, string[] failures, bool gaveUp) =>
        factory.InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<SmbAgentDbContext>();
            var delivery = leadId is { } lead
                ? new NotificationDelivery(Guid.CreateVersion7(), tenantId, lead, NotificationKind.NewLead, channel, recipient)
                : NotificationDelivery.ForConversation(Guid.CreateVersion7(), tenantId, conversationId, NotificationKind.HumanRequested, channel, recipient);
            delivery.CreationTime = new DateTimeOffset(2026, 3, 10, 12, 30, 0, TimeSpan.Zero);
            for (var i = 0; i < failures.Length; i++)
            {
                delivery.MarkAttemptFailed(delivery.CreationTime, failures[i], permanent: gaveUp && i == failures.Length - 1);
            }

            db.NotificationDeliveries.Add(delivery);
            await db.SaveChangesAsync();
            return delivery.Id;
        });

    public static Task<Lead> LeadAsync(this WebHostFactory factory, Guid tenantId, Guid id) =>
        factory.InTenantAsync(tenantId, sp => sp.GetRequiredService<SmbAgentDbContext>().Leads.AsNoTracking().SingleAsync(l => l.Id == id));

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The names on the list's rows, top to bottom.</summary>
    public static IReadOnlyList<string> Names(string listHtml) =>
        [.. Parse(listHtml).QuerySelectorAll("#leads tr.lead-row .lead-name").Select(c => c.TextContent.Trim())];

    /// <summary>Opens a lead, fills the follow-up form and posts it.</summary>
    public static async Task<HttpResponseMessage> PostFollowUpAsync(Browser browser, Guid id, string status, string notes)
    {
        var form = HtmlForm.Parse(await browser.OpenAsync(DetailsPath(id)), "#lead-form", DetailsPath(id));
        form.Set("Input.Status", status).Set("Input.OwnerNotes", notes);
        return await form.PostAsync(browser);
    }

    /// <summary>Posts a follow-up to <paramref name="id"/> with a token from the business's own lead list.</summary>
    public static async Task<HttpResponseMessage> PostFollowUpBlindAsync(Browser browser, Guid id, string status, string notes)
    {
        var token = Browser.AntiforgeryToken(await browser.OpenAsync(ListPath));
        using var content = new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Input.Status", status),
            new("Input.OwnerNotes", notes),
        ]);
        return await browser.Client.PostAsync(new Uri(DetailsPath(id), UriKind.Relative), content);
    }
}
