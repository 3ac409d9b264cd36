using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SmbAgent.Notifications.Sms;

namespace SmbAgent.Application.Tests.Notifications.Sms;

/// <summary>
/// Refusals and outages against the Twilio stub: which are permanent, which the job retries, which are retried inside
/// the call, and that a retried POST never creates a second message.
/// </summary>
public sealed class TwilioSmsSenderFailureTests : IAsyncLifetime
{
    private const string Owner = "+14155550123";

    private SmsHarness harness = null!;

    public async Task InitializeAsync() => harness = await SmsHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task An_invalid_number_is_a_permanent_failure_with_twilios_code_and_without_the_number()
    {
        var error = await Should.ThrowAsync<SmsPermanentFailureException>(() => harness.CreateSender().SendAsync("+1555", "New lead"));

        error.ErrorCode.ShouldBe(21211);
        error.HttpStatusCode.ShouldBe(400);
        error.MoreInfo.ShouldBe(new Uri("https://www.twilio.com/docs/errors/21211"));
        error.Message.ShouldContain("21211");
        error.Message.ShouldContain("is not a valid phone number");
        error.Message.ShouldNotContain("1555");
        harness.Stub.Requests.Count.ShouldBe(1, "a refusal is not retried");
        harness.Stub.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_from_number_the_account_does_not_own_is_refused_with_21606()
    {
        var sender = harness.CreateSender(settings => settings["Twilio:FromNumber"] = "+15550001111");

        var error = await Should.ThrowAsync<SmsPermanentFailureException>(() => sender.SendAsync(Owner, "New lead"));

        error.ErrorCode.ShouldBe(21606);
        error.Message.ShouldNotContain("5550001111");
        harness.Stub.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_auth_token_is_a_permanent_failure()
    {
        var sender = harness.CreateSender(settings => settings["Twilio:AuthToken"] = "not-the-token");

        var error = await Should.ThrowAsync<SmsPermanentFailureException>(() => sender.SendAsync(Owner, "New lead"));

        error.HttpStatusCode.ShouldBe(401);
        error.ErrorCode.ShouldBe(20003);
        harness.Stub.Requests.Count.ShouldBe(1);
        harness.Stub.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_503s_then_success_deliver_the_message_exactly_once()
    {
        harness.Stub.FailNext(2, 503);

        var result = await harness.CreateSender().SendAsync(Owner, "New lead");

        harness.Stub.Requests.Count.ShouldBe(3);
        harness.Stub.Messages.ShouldHaveSingleItem().Sid.ShouldBe(result.MessageSid);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_wait_twilio_asks_for()
    {
        harness.Stub.FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();

        var result = await harness.CreateSender().SendAsync(Owner, "New lead");

        watch.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(900), "Retry-After wins over the 10 ms backoff");
        harness.Stub.Requests.Count.ShouldBe(2);
        harness.Stub.Messages.ShouldHaveSingleItem().Sid.ShouldBe(result.MessageSid);
    }

    [Fact]
    public async Task A_429_asking_for_a_long_wait_hands_the_wait_to_the_job()
    {
        harness.Stub.FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(60));

        var error = await Should.ThrowAsync<SmsTransientFailureException>(() => harness.CreateSender().SendAsync(Owner, "New lead"));

        error.HttpStatusCode.ShouldBe(429);
        error.ErrorCode.ShouldBe(20429);
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(60));
        error.MayHaveBeenSent.ShouldBeFalse();
        harness.Stub.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_outage_longer_than_the_retries_fails_transiently_and_the_jobs_next_attempt_delivers_once()
    {
        var sender = harness.CreateSender(settings => settings["Twilio:MaxRetryAttempts"] = "2");
        harness.Stub.FailNext(3, 503);

        var error = await Should.ThrowAsync<SmsTransientFailureException>(() => sender.SendAsync(Owner, "New lead"));

        error.HttpStatusCode.ShouldBe(503);
        error.MayHaveBeenSent.ShouldBeFalse();
        harness.Stub.Requests.Count.ShouldBe(3);
        harness.Stub.Messages.ShouldBeEmpty();

        var result = await sender.SendAsync(Owner, "New lead");

        harness.Stub.Requests.Count.ShouldBe(4);
        harness.Stub.Messages.ShouldHaveSingleItem().Sid.ShouldBe(result.MessageSid);
    }

    [Fact]
    public async Task A_500_is_not_retried_in_the_call_since_twilio_may_have_taken_the_message()
    {
        harness.Stub.FailNext(1, 500);

        var error = await Should.ThrowAsync<SmsTransientFailureException>(() => harness.CreateSender().SendAsync(Owner, "New lead"));

        error.HttpStatusCode.ShouldBe(500);
        error.MayHaveBeenSent.ShouldBeTrue();
        harness.Stub.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task No_answer_in_time_is_not_retried_because_twilio_already_took_the_message()
    {
        var sender = harness.CreateSender(settings => settings["Twilio:AttemptTimeout"] = "00:00:01");
        harness.Stub.DelayNext(1, TimeSpan.FromSeconds(10));
        var watch = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<SmsTransientFailureException>(() => sender.SendAsync(Owner, "New lead"));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        error.MayHaveBeenSent.ShouldBeTrue();
        error.HttpStatusCode.ShouldBeNull();
        harness.Stub.Requests.Count.ShouldBe(1, "a second POST would have sent the SMS twice");
        harness.Stub.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_connection_lost_after_sending_is_not_retried()
    {
        harness.Stub.DropNext(1);

        var error = await Should.ThrowAsync<SmsTransientFailureException>(() => harness.CreateSender().SendAsync(Owner, "New lead"));

        error.MayHaveBeenSent.ShouldBeTrue();
        harness.Stub.Requests.Count.ShouldBe(1, "a second POST would have sent the SMS twice");
        harness.Stub.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_unreachable_twilio_is_retried_then_fails_transiently_as_not_sent()
    {
        var closedPort = ClosedLoopbackPort();
        var sender = harness.CreateSender(settings =>
        {
            settings["Twilio:BaseUrl"] = $"http://127.0.0.1:{closedPort}";
            settings["Twilio:MaxRetryAttempts"] = "2";
        });

        var error = await Should.ThrowAsync<SmsTransientFailureException>(() => sender.SendAsync(Owner, "New lead"));

        error.MayHaveBeenSent.ShouldBeFalse();
        error.HttpStatusCode.ShouldBeNull();
        harness.Logs.Entries
            .Count(entry => entry.Category.EndsWith(".ClientHandler", StringComparison.Ordinal) && entry.EventId.Name == "RequestStart")
            .ShouldBe(3, "one attempt and two retries, each logged by the factory's per-attempt handler");
    }

    [Fact]
    public async Task A_connection_that_never_opens_is_retried_after_the_connect_timeout_and_reported_as_not_sent()
    {
        using var silent = await SilentPort.OpenAsync();
        var sender = harness.CreateSender(settings =>
        {
            settings["Twilio:BaseUrl"] = $"http://127.0.0.1:{silent.Port}";
            // The connect timeout is half the attempt's: 1.5 s of room, as a loaded machine (load average 30) let a
            // 1 s attempt's own timeout fire before its half-second connect timeout did.
            settings["Twilio:AttemptTimeout"] = "00:00:03";
            settings["Twilio:MaxRetryAttempts"] = "2";
        });
        var watch = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<SmsTransientFailureException>(() => sender.SendAsync(Owner, "New lead"));

        error.MayHaveBeenSent.ShouldBeFalse();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "three 1.5 s connect timeouts, far below the total timeout");
        harness.Logs.Entries
            .Count(entry => entry.Category.EndsWith(".ClientHandler", StringComparison.Ordinal) && entry.EventId.Name == "RequestStart")
            .ShouldBe(3);
    }

    [Fact]
    public async Task An_answer_that_stalls_after_201_counts_as_accepted_and_is_not_sent_again()
    {
        // Room for the 201's headers to arrive on a loaded machine; the stall is far longer than the attempt.
        var sender = harness.CreateSender(settings => settings["Twilio:AttemptTimeout"] = "00:00:04");
        harness.Stub.StallAnswerNext(1, TimeSpan.FromSeconds(15));
        var watch = Stopwatch.StartNew();

        var result = await sender.SendAsync(Owner, "New lead");

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(12), "the answer is read within the attempt's time, not the stall's");
        result.MessageSid.ShouldBeNull();
        result.Status.ShouldBe("accepted");
        harness.Stub.Requests.Count.ShouldBe(1);
        harness.Stub.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_reported_as_a_delivery_failure()
    {
        var sender = harness.CreateSender();
        harness.Stub.DelayNext(1, TimeSpan.FromSeconds(5));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(() => sender.SendAsync(Owner, "New lead", cancellation.Token));
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
