using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Chat;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.Voice.Calls;
using SmbAgent.Webhooks;

namespace SmbAgent.Application.Tests.Webhooks;

/// <summary>
/// The events the product raises by itself, from the hook points down to the receiver: a chat through the real chat
/// service and turn service, and a voicemail through the recording callback's manager. Each subscriber gets its own
/// event once, signed; a subscriber of another event gets nothing.
/// </summary>
public sealed class WebhookEventTests(WebhookHarness harness) : IClassFixture<WebhookHarness>
{
    [Fact]
    public async Task A_chat_that_leaves_a_lead_sends_lead_created_with_its_details_and_conversation_completed_once_each()
    {
        var owner = await harness.NewBusinessAsync();
        var leads = await SubscribeAsync(owner.TenantId, WebhookEventTypes.LeadCreated);
        var completions = await SubscribeAsync(owner.TenantId, WebhookEventTypes.ConversationCompleted);
        var emergencies = await SubscribeAsync(owner.TenantId, WebhookEventTypes.EmergencyDetected);
        var others = await SubscribeAsync(owner.TenantId, WebhookEventTypes.LeadUpdated, WebhookEventTypes.CallCompleted);

        var states = await SayAsync(owner.TenantId, await StartChatAsync(owner.TenantId), "I'd like a quote please", "Sam Carter", "415 555 0111", "sam@example.com", "A new boiler", "Thanks!");
        var runs = await harness.DrainAsync(owner.TenantId);

        states[^2].ShouldBe(ConversationState.Completed, "the last answer finishes the lead");
        var (conversation, lead) = await StoredAsync(owner.TenantId);
        runs.ShouldBe(2, "one delivery each for lead.created and conversation.completed, none for the message after the end");
        harness.Receiver.ReceivedBy(emergencies.Key).ShouldBeEmpty();
        harness.Receiver.ReceivedBy(others.Key).ShouldBeEmpty();

        using var created = Verified(leads, WebhookEventTypes.LeadCreated);
        var data = created.RootElement.GetProperty("data");
        data.GetProperty("id").GetGuid().ShouldBe(lead.Id);
        data.GetProperty("conversationId").GetGuid().ShouldBe(conversation.Id);
        data.GetProperty("channel").GetString().ShouldBe("chat");
        data.GetProperty("status").GetString().ShouldBe("new");
        data.GetProperty("priority").GetString().ShouldBe("normal");
        data.GetProperty("contactName").GetString().ShouldBe("Sam Carter");
        data.GetProperty("email").GetString().ShouldBe("sam@example.com");
        data.GetProperty("phone").GetString().ShouldNotBeNull().ShouldBe(lead.Phone);
        data.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("answer").GetString()).ShouldContain("A new boiler");

        using var completed = Verified(completions, WebhookEventTypes.ConversationCompleted);
        var finished = completed.RootElement.GetProperty("data");
        finished.GetProperty("id").GetGuid().ShouldBe(conversation.Id);
        finished.GetProperty("leadId").GetGuid().ShouldBe(lead.Id);
        finished.GetProperty("isEmergency").GetBoolean().ShouldBeFalse();
        created.RootElement.GetProperty("id").GetGuid().ShouldNotBe(completed.RootElement.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_flooded_basement_sends_emergency_detected_on_its_first_message_and_the_urgent_lead_after_the_essential_answers()
    {
        var owner = await harness.NewBusinessAsync();
        var leads = await SubscribeAsync(owner.TenantId, WebhookEventTypes.LeadCreated);
        var completions = await SubscribeAsync(owner.TenantId, WebhookEventTypes.ConversationCompleted);
        var emergencies = await SubscribeAsync(owner.TenantId, WebhookEventTypes.EmergencyDetected);
        var others = await SubscribeAsync(owner.TenantId, WebhookEventTypes.LeadUpdated, WebhookEventTypes.CallCompleted);

        var token = await StartChatAsync(owner.TenantId);
        await SayAsync(owner.TenantId, token, "My basement is flooding");
        var afterAlarm = await harness.DrainAsync(owner.TenantId);
        var alarm = harness.Receiver.ReceivedBy(emergencies.Key).ShouldHaveSingleItem("the emergency is sent as soon as it is detected");
        harness.Receiver.ReceivedBy(leads.Key).ShouldBeEmpty("no lead before its answers");
        await SayAsync(owner.TenantId, token, "+1 415 555 0188", "Water is pouring through the ceiling", "Please hurry");
        var afterLead = await harness.DrainAsync(owner.TenantId);

        (afterAlarm, afterLead).ShouldBe((1, 2));
        var (conversation, lead) = await StoredAsync(owner.TenantId);
        harness.Receiver.ReceivedBy(others.Key).ShouldBeEmpty();
        harness.Receiver.ReceivedBy(emergencies.Key).ShouldHaveSingleItem().ShouldBe(alarm);

        using var emergency = Verified(emergencies, WebhookEventTypes.EmergencyDetected);
        var detected = emergency.RootElement.GetProperty("data");
        detected.GetProperty("id").GetGuid().ShouldBe(conversation.Id);
        detected.GetProperty("isEmergency").GetBoolean().ShouldBeTrue();
        detected.GetProperty("priority").GetString().ShouldBe("urgent");

        using var created = Verified(leads, WebhookEventTypes.LeadCreated);
        var data = created.RootElement.GetProperty("data");
        data.GetProperty("id").GetGuid().ShouldBe(lead.Id);
        data.GetProperty("priority").GetString().ShouldBe("urgent");
        data.GetProperty("phone").GetString().ShouldNotBeNull().ShouldBe(lead.Phone);
        data.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("answer").GetString()).ShouldContain("Water is pouring through the ceiling");

        using var completed = Verified(completions, WebhookEventTypes.ConversationCompleted);
        completed.RootElement.GetProperty("data").GetProperty("leadId").GetGuid().ShouldBe(lead.Id);
        completed.RootElement.GetProperty("data").GetProperty("isEmergency").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_voicemail_lead_sends_lead_created_with_the_callers_number_and_the_transcript_once()
    {
        var owner = await harness.NewBusinessAsync();
        var leads = await SubscribeAsync(owner.TenantId, WebhookEventTypes.LeadCreated);
        var others = await SubscribeAsync(owner.TenantId, WebhookEventTypes.LeadUpdated, WebhookEventTypes.ConversationCompleted);
        var sid = "CA" + Guid.NewGuid().ToString("N");
        var recording = new CallRecording(
            sid, "+14155550123", "+14155550199", "RE" + Guid.NewGuid().ToString("N"), new Uri("https://api.twilio.com/recordings/RE1"), 12, "Please call me back about the leaking tap");

        var leadIds = await harness.InTenantAsync(owner.TenantId, async sp =>
        {
            var voicemails = sp.GetRequiredService<VoicemailManager>();
            // Twilio posts the recording again with its transcription: the lead, and its event, stay one.
            return new[] { await voicemails.ApplyAsync(recording), await voicemails.ApplyAsync(recording) };
        });
        var runs = await harness.DrainAsync(owner.TenantId);

        var leadId = leadIds.Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
        runs.ShouldBe(1);
        harness.Receiver.ReceivedBy(others.Key).ShouldBeEmpty();
        using var created = Verified(leads, WebhookEventTypes.LeadCreated);
        var data = created.RootElement.GetProperty("data");
        data.GetProperty("id").GetGuid().ShouldBe(leadId);
        data.GetProperty("channel").GetString().ShouldBe("voice");
        data.GetProperty("phone").GetString().ShouldBe("+14155550123");
        data.GetProperty("notes").GetString().ShouldBe("Please call me back about the leaking tap");
    }

    private sealed record Subscriber(string Key, string Secret);

    private async Task<Subscriber> SubscribeAsync(Guid tenantId, params string[] events)
    {
        var (key, url) = harness.Receiver.NewEndpoint();
        var created = await harness.SubscribeAsync(tenantId, url, events);
        return new Subscriber(key, created.Secret);
    }

    /// <summary>The subscriber's one delivery, its signature checked as a receiver following the README would, parsed.</summary>
    private JsonDocument Verified(Subscriber subscriber, string type)
    {
        var received = harness.Receiver.ReceivedBy(subscriber.Key).ShouldHaveSingleItem($"{type} is delivered once");
        var id = received.Headers["SmbAgent-Webhook-Id"];
        var signed = $"{id}.{received.Headers["SmbAgent-Webhook-Timestamp"]}.{received.Body}";
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(subscriber.Secret), Encoding.UTF8.GetBytes(signed)));
        received.Headers["SmbAgent-Signature"].ShouldBe(expected);
        received.AnsweredWith.ShouldBe(200);
        var json = JsonDocument.Parse(received.Body);
        json.RootElement.GetProperty("type").GetString().ShouldBe(type);
        json.RootElement.GetProperty("id").GetString().ShouldBe(id);
        return json;
    }

    /// <summary>A new visitor's chat through the chat service; its token.</summary>
    private Task<string> StartChatAsync(Guid tenantId) => harness.InTenantAsync(tenantId, async sp =>
        (await sp.GetRequiredService<ChatAppService>().StartAsync(new StartConversationDto(), visitor: null)).Token);

    /// <summary>The visitor's messages, each in a request scope of its own as the API host sends them; the conversation's state after each.</summary>
    private async Task<IReadOnlyList<ConversationState>> SayAsync(Guid tenantId, string token, params string[] messages)
    {
        var states = new List<ConversationState>();
        foreach (var text in messages)
        {
            var turn = await harness.InTenantAsync(tenantId, sp => sp.GetRequiredService<ChatAppService>().SendAsync(
                token, new SendMessageDto { Text = text, IdempotencyKey = Guid.NewGuid().ToString("N") }));
            states.Add(turn.State);
        }

        return states;
    }

    private Task<(Conversation Conversation, Lead Lead)> StoredAsync(Guid tenantId) => harness.InTenantAsync(tenantId, async sp =>
    {
        var db = sp.GetRequiredService<ISmbAgentDbContext>();
        var conversation = await db.Conversations.AsNoTracking().SingleAsync();
        var lead = await db.Leads.AsNoTracking().SingleAsync();
        return (conversation, lead);
    });
}
