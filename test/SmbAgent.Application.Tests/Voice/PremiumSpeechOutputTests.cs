using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Stubs;
using SmbAgent.Voice.Speech;
using Twilio.TwiML;
using Play = Twilio.TwiML.Voice.Play;

namespace SmbAgent.Application.Tests.Voice;

/// <summary>One sentence through <see cref="ISpeechOutput"/>, against the OpenAI stub and the real database.</summary>
public sealed class PremiumSpeechOutputTests(SpeechFixture fixture) : IClassFixture<SpeechFixture>, IDisposable
{
    [Fact]
    public async Task A_premium_voice_plays_synthesised_audio_and_the_same_sentence_again_comes_from_the_cache()
    {
        var tenantId = await fixture.CreateBusinessAsync();
        var text = $"Our plumbers cover the whole city, order {Guid.NewGuid():N}.";

        var first = await SpeakAsync(tenantId, text);
        var second = await SpeakAsync(tenantId, text);

        PlayedUrl(first).ShouldStartWith("http://localhost/api/voice/audio/");
        PlayedUrl(second).ShouldStartWith("http://localhost/api/voice/audio/");
        var calls = SpeechCallsFor(text);
        calls.Count.ShouldBe(1);
        calls[0].Body["voice"]!.GetValue<string>().ShouldBe("nova");
        calls[0].Body["model"]!.GetValue<string>().ShouldBe(SpeechOptions.DefaultModel);
        var stored = await StoredAsync(tenantId);
        stored.ShouldContain(a => a.Content.SequenceEqual(OpenAiStubServer.SpeechAudio(SpeechOptions.DefaultModel, "nova", text)));
    }

    [Fact]
    public async Task When_OpenAI_fails_the_caller_hears_the_lines_Say_voice_in_the_business_language()
    {
        var tenantId = await fixture.CreateBusinessAsync();
        fixture.OpenAi.SpeechFailureStatus = 500;
        var text = $"We are open until six, ticket {Guid.NewGuid():N}.";

        var twiml = await SpeakAsync(tenantId, text, language: "es");

        var xml = Xml(twiml);
        xml.ShouldStartWith("<Say");
        xml.ShouldContain("voice=\"Polly.Joanna\"");
        xml.ShouldContain("language=\"es-ES\"");
        xml.ShouldContain(text);
        SpeechCallsFor(text).Count.ShouldBe(1);
    }

    [Fact]
    public async Task When_OpenAI_is_slower_than_the_budget_the_caller_hears_Say_at_once_and_the_audio_still_fills_the_cache()
    {
        var tenantId = await fixture.CreateBusinessAsync();
        fixture.OpenAi.SpeechDelay = SpeechFixture.Budget * 2.5;
        var text = $"A technician can come tomorrow morning, visit {Guid.NewGuid():N}.";

        var watch = Stopwatch.StartNew();
        var twiml = await SpeakAsync(tenantId, text);
        watch.Stop();

        Xml(twiml).ShouldStartWith("<Say");
        watch.Elapsed.ShouldBeLessThan(SpeechFixture.Budget + TimeSpan.FromMilliseconds(700));

        // The synthesis the caller stopped waiting for completes on its own and is kept for the next caller.
        var deadline = Stopwatch.StartNew();
        while ((await StoredAsync(tenantId)).Count == 0 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        fixture.OpenAi.SpeechDelay = TimeSpan.Zero;
        PlayedUrl(await SpeakAsync(tenantId, text)).ShouldStartWith("http://localhost/api/voice/audio/");
        SpeechCallsFor(text).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_business_without_premium_voices_hears_Say_and_OpenAI_is_not_asked()
    {
        var tenantId = await fixture.CreateBusinessAsync(EditionMatrix.Basic);
        var text = $"Thanks for calling, reference {Guid.NewGuid():N}.";

        Xml(await SpeakAsync(tenantId, text)).ShouldStartWith("<Say");

        SpeechCallsFor(text).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_line_without_a_premium_voice_hears_Say()
    {
        var tenantId = await fixture.CreateBusinessAsync();
        var text = $"Thanks for calling, reference {Guid.NewGuid():N}.";

        Xml(await SpeakAsync(tenantId, text, premiumVoice: null)).ShouldStartWith("<Say");
        Xml(await SpeakAsync(tenantId, text, premiumVoice: "not-a-voice")).ShouldStartWith("<Say");

        SpeechCallsFor(text).ShouldBeEmpty();
    }

    [Fact]
    public async Task Concurrent_misses_for_one_sentence_synthesise_it_once_and_all_play_it()
    {
        var tenantId = await fixture.CreateBusinessAsync();
        var text = $"Every caller hears this at once, batch {Guid.NewGuid():N}.";

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SpeakAsync(tenantId, text)));

        replies.ShouldAllBe(r => r is Play);
        SpeechCallsFor(text).Count.ShouldBe(1);
        (await StoredAsync(tenantId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Storing_a_sentence_another_instance_stored_first_keeps_one_row_without_failing()
    {
        var tenantId = await fixture.CreateBusinessAsync();
        var hash = SpeechHashes.Of("Same sentence", "nova", SpeechOptions.DefaultModel);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => fixture.Services.InTenantAsync(tenantId, sp =>
            sp.GetRequiredService<SpeechAudioStore>().AddAsync(tenantId, hash, "nova", SpeechOptions.DefaultModel, [(byte)i], CancellationToken.None))));

        (await StoredAsync(tenantId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_text_in_another_voice_is_another_sentence()
    {
        var tenantId = await fixture.CreateBusinessAsync();
        var text = $"Two voices, one text {Guid.NewGuid():N}.";

        await SpeakAsync(tenantId, text, premiumVoice: "nova");
        await SpeakAsync(tenantId, text, premiumVoice: "onyx");

        SpeechCallsFor(text).Select(c => c.Body["voice"]!.GetValue<string>()).Order().ShouldBe(["nova", "onyx"]);
        (await StoredAsync(tenantId)).Count.ShouldBe(2);
    }

    public void Dispose() => fixture.ResetStub();

    private Task<TwiML> SpeakAsync(Guid tenantId, string text, string language = "en", string? premiumVoice = "nova") =>
        fixture.Services.InTenantAsync(tenantId, sp => sp.GetRequiredService<ISpeechOutput>()
            .SpeakAsync(new SpeechRequest(tenantId, text, language, "Polly.Joanna", premiumVoice, MaySpeakSsml: false)));

    private List<RecordedRequest> SpeechCallsFor(string text) =>
        [.. fixture.OpenAi.SpeechCalls.Where(c => c.Body["input"]?.GetValue<string>() == text)];

    private Task<List<SmbAgent.Voice.SpeechAudio>> StoredAsync(Guid tenantId) =>
        fixture.Services.InTenantAsync(tenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().SpeechAudio.AsNoTracking().ToListAsync());

    private static string Xml(TwiML twiml) => twiml.ToString(System.Xml.Linq.SaveOptions.DisableFormatting).Replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", string.Empty, StringComparison.Ordinal);

    private static string PlayedUrl(TwiML twiml)
    {
        var play = twiml.ShouldBeOfType<Play>();
        return System.Xml.Linq.XElement.Parse(Xml(play)).Value;
    }
}
