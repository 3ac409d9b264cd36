using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Twilio;
using SmbAgent.Voice;

namespace SmbAgent.Application.Tests.Privacy;

/// <summary>What a business's traffic leaves in the database, written directly with the times a test needs.</summary>
public static class PrivacyRows
{
    public sealed record Seeded(Guid ConversationId, Guid? LeadId, Guid? CallId);

    /// <summary>A conversation last active at <paramref name="lastActivity"/>, with two messages; a lead from it and a recorded call when asked.</summary>
    public static Task<Seeded> AddAsync(
        IServiceProvider services,
        Guid tenantId,
        DateTimeOffset lastActivity,
        bool withLead = false,
        bool withCall = false,
        string? email = null,
        string? phone = null,
        string? visitorText = null) =>
        services.InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            var channel = withCall ? ConversationChannel.Voice : ConversationChannel.Chat;
            var conversation = new Conversation(Guid.CreateVersion7(), tenantId, channel, Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), "en")
            {
                Visitor = withCall ? phone : "visitor-hash",
                CreationTime = lastActivity.AddMinutes(-5),
                LastActivityTime = lastActivity,
                MessageCount = 2,
                State = ConversationState.Completed,
            };
            db.Conversations.Add(conversation);
            db.ConversationMessages.Add(new ConversationMessage(Guid.CreateVersion7(), tenantId, conversation.Id, 1, MessageRole.Agent, "Hello! How can I help?") { CreationTime = conversation.CreationTime });
            db.ConversationMessages.Add(new ConversationMessage(Guid.CreateVersion7(), tenantId, conversation.Id, 2, MessageRole.Visitor, visitorText ?? "My sink is blocked.") { CreationTime = lastActivity });
            Guid? leadId = null;
            if (withLead)
            {
                var lead = new Lead(Guid.CreateVersion7(), tenantId, conversation.Id, channel, LeadPriority.Normal)
                {
                    ContactName = "Sam Jones",
                    Email = email,
                    Phone = phone,
                    Answers = [new CollectedAnswer(Guid.NewGuid(), "What's your email address?", email)],
                    CreationTime = lastActivity,
                };
                conversation.LeadId = lead.Id;
                db.Leads.Add(lead);
                db.NotificationDeliveries.Add(new NotificationDelivery(Guid.CreateVersion7(), tenantId, lead.Id, NotificationKind.NewLead, NotificationChannel.Email, "owner@example.com") { CreationTime = lastActivity });
                if (email is not null)
                {
                    db.NotificationDeliveries.Add(new NotificationDelivery(Guid.CreateVersion7(), tenantId, lead.Id, NotificationKind.VisitorConfirmation, NotificationChannel.Email, email) { CreationTime = lastActivity });
                }

                leadId = lead.Id;
            }

            Guid? callId = null;
            if (withCall)
            {
                var recording = TwilioSigner.NewSid("RE");
                var call = new CallLog(Guid.CreateVersion7(), tenantId, TwilioSigner.NewSid("CA"), CallDirection.Inbound, phone ?? "+14155550100", "+14155550123", "completed")
                {
                    ConversationId = conversation.Id,
                    LeadId = leadId,
                    RecordingSid = recording,
                    RecordingUrl = $"https://api.twilio.com/2010-04-01/Accounts/{TwilioSigner.NewSid("AC")}/Recordings/{recording}",
                    Transcript = "Please call me back about the boiler.",
                    DurationSeconds = 42,
                    CreationTime = lastActivity,
                };
                db.CallLogs.Add(call);
                db.CallStatusEvents.Add(new CallStatusEvent(Guid.CreateVersion7(), tenantId, call.CallSid, "completed") { CreationTime = lastActivity });
                callId = call.Id;
            }

            await db.SaveChangesAsync();
            return new Seeded(conversation.Id, leadId, callId);
        });
}
