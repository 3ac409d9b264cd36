using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.TestKit;
using SmbAgent.Voice.Calls;
using SmbAgent.Webhooks;

namespace SmbAgent.Application.Tests.Webhooks;

/// <summary>
/// Outbound webhooks end to end over a real receiver: signed as the README documents, retried with growing waits
/// until a 2xx, replayed on request, refused for private targets, and kept inside their business and plan.
/// </summary>
public sealed class WebhookDeliveryTests(WebhookHarness harness) : IClassFixture<WebhookHarness>
{
    [Fact]
    public async Task A_lead_update_is_posted_once_with_a_signature_the_receiver_recomputes_from_the_documented_algorithm()
    {
        var owner = await harness.NewBusinessAsync();
        var (key, url) = harness.Receiver.NewEndpoint();
        var created = await harness.SubscribeAsync(owner.TenantId, url, WebhookEventTypes.LeadUpdated);
        var leadId = await harness.AddLeadAsync(owner.TenantId);

        await harness.UpdateLeadAsync(owner.TenantId, leadId);
        var runs = await harness.DrainAsync(owner.TenantId);

        runs.ShouldBe(1);
        var received = harness.Receiver.ReceivedBy(key).ShouldHaveSingleItem();
        var id = received.Headers["SmbAgent-Webhook-Id"];
        var timestamp = received.Headers["SmbAgent-Webhook-Timestamp"];
        // The receiver's side, written from the README rather than with the product's own helper.
        var expected = "v1=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(created.Secret), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{received.Body}")));
        received.Headers["SmbAgent-Signature"].ShouldBe(expected);
        long.Parse(timestamp, CultureInfo.InvariantCulture).ShouldBeInRange(
            DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        received.Headers["Content-Type"].ShouldStartWith("application/json");

        using var json = JsonDocument.Parse(received.Body);
        json.RootElement.GetProperty("id").GetString().ShouldBe(id);
        json.RootElement.GetProperty("type").GetString().ShouldBe(WebhookEventTypes.LeadUpdated);
        json.RootElement.GetProperty("created").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
        var data = json.RootElement.GetProperty("data");
        data.GetProperty("id").GetGuid().ShouldBe(leadId);
        data.GetProperty("status").GetString().ShouldBe("contacted");
        data.GetProperty("email").GetString().ShouldBe("ana@example.com");
        received.Body.ShouldNotContain(owner.TenantId.ToString());
        received.Body.ShouldNotContain("tenant", Case.Insensitive);

        var delivery = (await harness.DeliveriesAsync(owner.TenantId, created.Subscription.Id)).ShouldHaveSingleItem();
        (delivery.Status, delivery.Attempts, delivery.LastStatusCode, delivery.EventId.ToString()).ShouldBe((WebhookDeliveryStatus.Succeeded, 1, 200, id));
        WebhookSignature.Compute(created.Secret, id, long.Parse(timestamp, CultureInfo.InvariantCulture), received.Body).ShouldBe(expected);
    }

    [Fact]
    public async Task A_receiver_failing_twice_gets_retries_after_doubling_waits_and_the_event_succeeds_exactly_once()
    {
        var owner = await harness.NewBusinessAsync();
        var (key, url) = harness.Receiver.NewEndpoint();
        harness.Receiver.AnswerNext(key, 500, 500);
        var created = await harness.SubscribeAsync(owner.TenantId, url, WebhookEventTypes.LeadUpdated);
        await harness.UpdateLeadAsync(owner.TenantId, await harness.AddLeadAsync(owner.TenantId));

        var waits = new List<TimeSpan>();
        for (var round = 0; round < 2; round++)
        {
            var args = harness.TakeQueued(owner.TenantId).ShouldHaveSingleItem();
            await harness.Services.RunJobAsync(owner.TenantId, args);
            var pending = (await harness.DeliveriesAsync(owner.TenantId, created.Subscription.Id)).ShouldHaveSingleItem();
            pending.Status.ShouldBe(WebhookDeliveryStatus.Pending);
            pending.LastStatusCode.ShouldBe(500);
            waits.Add(pending.NextAttemptTime!.Value - pending.LastAttemptTime!.Value);
        }

        var lastRuns = await harness.DrainAsync(owner.TenantId);

        waits.ShouldBe([WebhookHarness.BaseDelay, WebhookHarness.BaseDelay * 2]);
        lastRuns.ShouldBe(1);
        var received = harness.Receiver.ReceivedBy(key);
        received.Select(r => r.AnsweredWith).ShouldBe([500, 500, 200]);
        received.Select(r => r.Body).Distinct().ShouldHaveSingleItem();
        received.Select(r => r.Headers["SmbAgent-Webhook-Id"]).Distinct().ShouldHaveSingleItem();
        var delivery = (await harness.DeliveriesAsync(owner.TenantId, created.Subscription.Id)).ShouldHaveSingleItem();
        (delivery.Status, delivery.Attempts, delivery.LastStatusCode, delivery.LastError).ShouldBe((WebhookDeliveryStatus.Succeeded, 3, 200, (string?)null));
        harness.TakeQueued(owner.TenantId).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_receiver_that_never_answers_2xx_is_given_up_after_the_last_attempt_and_a_replay_redelivers_the_same_event()
    {
        var owner = await harness.NewBusinessAsync();
        var (key, url) = harness.Receiver.NewEndpoint();
        harness.Receiver.AnswerNext(key, 503, 503, 503, 302);
        var created = await harness.SubscribeAsync(owner.TenantId, url, WebhookEventTypes.LeadUpdated);
        await harness.UpdateLeadAsync(owner.TenantId, await harness.AddLeadAsync(owner.TenantId));

        var runs = await harness.DrainAsync(owner.TenantId);
        var failed = (await harness.DeliveriesAsync(owner.TenantId, created.Subscription.Id)).ShouldHaveSingleItem();
        var first = await ReplayAsync(owner.TenantId, failed.Id);
        var second = await ReplayAsync(owner.TenantId, failed.Id);
        var replayRuns = await harness.DrainAsync(owner.TenantId);

        runs.ShouldBe(4, "MaxAttempts in the harness");
        (failed.Status, failed.Attempts, failed.LastStatusCode).ShouldBe((WebhookDeliveryStatus.Failed, 4, 302));
        failed.LastError.ShouldNotBeNull().ShouldContain("redirect");
        (first, second, replayRuns).ShouldBe((true, false, 1));
        var received = harness.Receiver.ReceivedBy(key);
        received.Select(r => r.AnsweredWith).ShouldBe([503, 503, 503, 302, 200]);
        received.Select(r => r.Headers["SmbAgent-Webhook-Id"]).Distinct().ShouldHaveSingleItem().ShouldBe(failed.EventId.ToString());
        var replayed = (await harness.DeliveriesAsync(owner.TenantId, created.Subscription.Id)).ShouldHaveSingleItem();
        (replayed.Status, replayed.Attempts).ShouldBe((WebhookDeliveryStatus.Succeeded, 5));

        // A delivery that succeeded can be replayed too: the receiver asked for it again.
        (await ReplayAsync(owner.TenantId, replayed.Id)).ShouldBeTrue();
        (await harness.DrainAsync(owner.TenantId)).ShouldBe(1);
        harness.Receiver.ReceivedBy(key).Count.ShouldBe(6);
    }

    [Fact]
    public async Task A_completed_call_is_sent_to_subscribers_of_call_completed_only()
    {
        var owner = await harness.NewBusinessAsync();
        var (callKey, callUrl) = harness.Receiver.NewEndpoint();
        var (leadKey, leadUrl) = harness.Receiver.NewEndpoint();
        await harness.SubscribeAsync(owner.TenantId, callUrl, WebhookEventTypes.CallCompleted);
        await harness.SubscribeAsync(owner.TenantId, leadUrl, WebhookEventTypes.LeadCreated, WebhookEventTypes.LeadUpdated);
        var sid = "CA" + Guid.NewGuid().ToString("N");

        await harness.InTenantAsync(owner.TenantId, async sp =>
        {
            var calls = sp.GetRequiredService<CallLogManager>();
            await calls.ApplyStatusAsync(new CallStatusUpdate(sid, "+14155550100", "+14155550199", "in-progress", null, null));
            await calls.ApplyStatusAsync(new CallStatusUpdate(sid, "+14155550100", "+14155550199", "completed", 42, null));
            return await calls.ApplyStatusAsync(new CallStatusUpdate(sid, "+14155550100", "+14155550199", "completed", 42, null));
        });
        await harness.DrainAsync(owner.TenantId);

        harness.Receiver.ReceivedBy(leadKey).ShouldBeEmpty();
        var received = harness.Receiver.ReceivedBy(callKey).ShouldHaveSingleItem("a repeated status callback sends nothing more");
        using var json = JsonDocument.Parse(received.Body);
        json.RootElement.GetProperty("type").GetString().ShouldBe(WebhookEventTypes.CallCompleted);
        json.RootElement.GetProperty("data").GetProperty("callSid").GetString().ShouldBe(sid);
        json.RootElement.GetProperty("data").GetProperty("durationSeconds").GetInt32().ShouldBe(42);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/hooks/x")]
    [InlineData("http://localhost:{port}/hooks/x")]
    [InlineData("https://10.0.0.5/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[::1]/hooks")]
    public async Task A_private_or_loopback_target_is_refused_when_loopback_is_not_allowed(string template)
    {
        var owner = await harness.NewBusinessAsync();
        var url = template.Replace("{port}", harness.Receiver.BaseAddress.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var refused = await Should.ThrowAsync<ValidationException>(harness.StrictServices.InTenantAsync(owner.TenantId, sp =>
            sp.GetRequiredService<WebhookAppService>().CreateAsync(new CreateWebhookSubscriptionDto { Url = url, EventTypes = [WebhookEventTypes.LeadUpdated] })));

        refused.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(CreateWebhookSubscriptionDto.Url));
        (await harness.StrictServices.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<WebhookAppService>().GetListAsync())).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false, "http://example.com/hooks", "Use an https:// address: webhooks carry your customers' details and go out encrypted only.")]
    [InlineData(true, "http://example.com/hooks", null)]
    [InlineData(false, "https://example.com/hooks", null)]
    [InlineData(false, "https://user:pass@example.com/hooks", "Leave user names and passwords out of the address; check the signature instead.")]
    [InlineData(false, "ftp://example.com/hooks", "Enter a full address starting with https://.")]
    [InlineData(false, "https://admin.localhost/hooks", "The address admin.localhost is not allowed: webhooks go to public web addresses only.")]
    public void Https_is_required_unless_the_development_option_allows_http(bool allowHttp, string url, string? problem)
    {
        var policy = new WebhookTargetPolicy(
            Microsoft.Extensions.Options.Options.Create(new WebhookOptions { AllowHttpTargets = allowHttp }),
            harness.Services.GetRequiredService<SmbAgent.KnowledgeBase.Extraction.OwnHostPolicy>());

        policy.Problem(url).ShouldBe(problem);
    }

    [Fact]
    public async Task A_loopback_target_saved_under_development_rules_is_not_contacted_by_a_host_with_production_rules()
    {
        var owner = await harness.NewBusinessAsync();
        var (key, url) = harness.Receiver.NewEndpoint();
        var created = await harness.SubscribeAsync(owner.TenantId, url, WebhookEventTypes.LeadUpdated);
        await harness.UpdateLeadAsync(owner.TenantId, await harness.AddLeadAsync(owner.TenantId));

        var runs = await harness.DrainAsync(owner.TenantId, harness.StrictServices);

        runs.ShouldBe(1, "a refused target is not retried");
        harness.Receiver.ReceivedBy(key).ShouldBeEmpty();
        var delivery = (await harness.DeliveriesAsync(owner.TenantId, created.Subscription.Id)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe(WebhookDeliveryStatus.Failed);
        delivery.LastError.ShouldNotBeNull().ShouldContain("not allowed");
    }

    [Fact]
    public async Task The_delivery_handler_refuses_to_connect_to_a_name_that_resolves_to_loopback()
    {
        var options = new WebhookOptions { AllowLoopbackTargets = false, AttemptTimeout = TimeSpan.FromSeconds(5) };
        using var client = new HttpClient(WebhookSender.CreateHandler(options));
        var (key, url) = harness.Receiver.NewEndpoint();

        // "localhost" is a name: it passes the parse-time check only under the development option, and resolves here to loopback.
        var refused = await Should.ThrowAsync<HttpRequestException>(client.PostAsync(new UriBuilder(url) { Host = "localhost" }.Uri, new StringContent("{}")));

        refused.InnerException.ShouldBeOfType<SmbAgent.KnowledgeBase.Extraction.KnowledgeContentException>().Message.ShouldContain("not allowed");
        harness.Receiver.ReceivedBy(key).ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_API_access_the_app_service_refuses_and_events_write_no_delivery()
    {
        var basic = await harness.NewBusinessAsync(EditionMatrix.Basic);
        var leadId = await harness.AddLeadAsync(basic.TenantId);

        var refused = await Should.ThrowAsync<FeatureNotEnabledException>(harness.InTenantAsync(basic.TenantId, sp => sp.GetRequiredService<WebhookAppService>().GetListAsync()));
        await Should.ThrowAsync<FeatureNotEnabledException>(harness.SubscribeAsync(basic.TenantId, harness.Receiver.NewEndpoint().Url, WebhookEventTypes.LeadUpdated));
        await harness.UpdateLeadAsync(basic.TenantId, leadId);

        refused.FeatureName.ShouldBe(SmbFeatures.Platform.ApiAccess);
        (await harness.InTenantAsync(basic.TenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().WebhookDeliveries.CountAsync())).ShouldBe(0);
        harness.TakeQueued(basic.TenantId).ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_business_sees_none_of_the_subscriptions_deliveries_or_secrets_and_cannot_replay_or_delete_them()
    {
        var owner = await harness.NewBusinessAsync();
        var other = await harness.NewBusinessAsync();
        var created = await harness.SubscribeAsync(owner.TenantId, harness.Receiver.NewEndpoint().Url, WebhookEventTypes.LeadUpdated);
        await harness.UpdateLeadAsync(owner.TenantId, await harness.AddLeadAsync(owner.TenantId));
        await harness.DrainAsync(owner.TenantId);
        var deliveryId = (await harness.DeliveriesAsync(owner.TenantId, created.Subscription.Id)).ShouldHaveSingleItem().Id;
        var subscriptionId = created.Subscription.Id;

        await harness.InTenantAsync(other.TenantId, async sp =>
        {
            var webhooks = sp.GetRequiredService<WebhookAppService>();
            (await webhooks.GetListAsync()).ShouldBeEmpty();
            await Should.ThrowAsync<EntityNotFoundException>(webhooks.GetDeliveriesAsync(subscriptionId));
            await Should.ThrowAsync<EntityNotFoundException>(webhooks.GetSecretAsync(subscriptionId));
            await Should.ThrowAsync<EntityNotFoundException>(webhooks.ReplayAsync(deliveryId));
            await Should.ThrowAsync<EntityNotFoundException>(webhooks.DeleteAsync(subscriptionId));
            (await sp.GetRequiredService<ISmbAgentDbContext>().WebhookDeliveries.CountAsync()).ShouldBe(0);
            return true;
        });

        (await harness.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<WebhookAppService>().GetSecretAsync(subscriptionId))).ShouldBe(created.Secret);
        (await harness.DeliveriesAsync(owner.TenantId, subscriptionId)).ShouldHaveSingleItem().Status.ShouldBe(WebhookDeliveryStatus.Succeeded);
    }

    private Task<bool> ReplayAsync(Guid tenantId, Guid deliveryId) =>
        harness.InTenantAsync(tenantId, sp => sp.GetRequiredService<WebhookAppService>().ReplayAsync(deliveryId));
}
