using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.TestKit.Stubs;
using SmbAgent.Voice.Speech;
using Play = Twilio.TwiML.Voice.Play;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>
/// <c>GET /api/voice/audio/{token}</c> as Twilio's <c>&lt;Play&gt;</c> fetches it: the audio a premium sentence was
/// synthesised into, behind an unguessable token that expires, with nothing else readable through it.
/// </summary>
public sealed class VoiceAudioEndpointTests(VoiceAudioFixture host) : IClassFixture<VoiceAudioFixture>
{
    private static readonly TimeSpan UrlLifetime = VoiceAudioFixture.UrlLifetime;

    private readonly ApiFixture _fixture = host.Api;

    [Fact]
    public async Task The_audio_is_served_as_mpeg_to_any_number_of_fetches_while_the_url_is_valid()
    {
        var business = await _fixture.CreateTenantAsync("PRO");
        const string text = "Thanks for calling Demo Plumbing.";
        var url = await AudioUrlAsync(business.TenantId, text);
        var client = _fixture.Factory.CreateClient();

        for (var fetch = 0; fetch < 2; fetch++)
        {
            var response = await client.GetAsync(url);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("audio/mpeg");
            response.Headers.CacheControl!.Private.ShouldBeTrue();
            response.Headers.CacheControl.MaxAge!.Value.ShouldBeLessThanOrEqualTo(UrlLifetime);
            (await response.Content.ReadAsByteArrayAsync()).ShouldBe(OpenAiStubServer.SpeechAudio(SpeechOptions.DefaultModel, "nova", text));
        }
    }

    [Fact]
    public async Task The_url_is_unguessable_names_neither_business_nor_sentence_and_differs_per_business()
    {
        var first = await _fixture.CreateTenantAsync("PRO");
        var second = await _fixture.CreateTenantAsync("PRO");
        const string text = "We are open from eight to six.";

        var tokens = new[]
        {
            Token(await AudioUrlAsync(first.TenantId, text)),
            Token(await AudioUrlAsync(first.TenantId, text)),
            Token(await AudioUrlAsync(second.TenantId, text)),
        };

        tokens.Distinct().Count().ShouldBe(3, "each URL is freshly protected, so even the same sentence's differ");
        var hash = SpeechHashes.Of(text, "nova", SpeechOptions.DefaultModel);
        foreach (var token in tokens)
        {
            token.Length.ShouldBeGreaterThan(80);
            token.ShouldMatch("^[A-Za-z0-9_-]+$");
            token.ShouldNotContain(hash, Case.Insensitive);
            token.ShouldNotContain(first.TenantId.ToString("N"), Case.Insensitive);
            token.ShouldNotContain(second.TenantId.ToString("N"), Case.Insensitive);
        }
    }

    [Fact]
    public async Task An_expired_url_is_not_found()
    {
        var business = await _fixture.CreateTenantAsync("PRO");
        var url = await AudioUrlAsync(business.TenantId, "Please hold while I check.");
        var client = _fixture.Factory.CreateClient();
        (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Task.Delay(UrlLifetime + TimeSpan.FromSeconds(1));

        (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_tampered_token_or_one_whose_audio_is_gone_is_not_found()
    {
        var business = await _fixture.CreateTenantAsync("PRO");
        var url = await AudioUrlAsync(business.TenantId, "The team will call you back.");
        var client = _fixture.Factory.CreateClient();
        var token = Token(url);
        var flipped = token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..];

        (await client.GetAsync($"/api/voice/audio/{flipped}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/voice/audio/{token[..^4]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await _fixture.Factory.Services.InTenantAsync(business.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            db.SpeechAudio.RemoveRange(db.SpeechAudio);
            await db.SaveChangesAsync();
        });
        (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("..%2F..%2Fappsettings.json")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("....%5C....%5Cwindows%5Cwin.ini")]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("not-a-token")]
    public async Task Path_like_and_made_up_tokens_are_not_found(string token)
    {
        var response = await _fixture.Factory.CreateClient().GetAsync($"/api/voice/audio/{token}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldNotBe("audio/mpeg");
    }

    [Fact]
    public async Task The_business_comes_from_the_token_whoever_signs_in()
    {
        var owner = await _fixture.CreateTenantAsync("PRO");
        var other = await _fixture.CreateTenantAsync("PRO");
        const string text = "Your appointment is confirmed.";
        var url = await AudioUrlAsync(owner.TenantId, text);
        var signedInElsewhere = await _fixture.ClientForAsync(other);

        var response = await signedInElsewhere.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(OpenAiStubServer.SpeechAudio(SpeechOptions.DefaultModel, "nova", text));
    }

    private async Task<Uri> AudioUrlAsync(Guid tenantId, string text)
    {
        var said = await _fixture.Factory.Services.InTenantAsync(tenantId, sp => sp.GetRequiredService<ISpeechOutput>()
            .SpeakAsync(new SpeechRequest(tenantId, text, "en", "Polly.Joanna", "nova", MaySpeakSsml: true)));
        var play = said.ShouldBeOfType<Play>();
        return new Uri(XElement.Parse(play.ToString(SaveOptions.DisableFormatting).Replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", string.Empty, StringComparison.Ordinal)).Value);
    }

    private static string Token(Uri url) => url.AbsolutePath["/api/voice/audio/".Length..];
}

/// <summary>The API host with OpenAI pointed at the stub (the app's one key, as in production) and short-lived audio URLs.</summary>
public sealed class VoiceAudioFixture : IAsyncLifetime
{
    public static readonly TimeSpan UrlLifetime = TimeSpan.FromSeconds(3);

    private OpenAiStubServer? _stub;

    public ApiFixture Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _stub = await OpenAiStubServer.StartAsync();
        Api = new ApiFixture
        {
            Overrides =
            {
                ["OpenAI:ApiKey"] = "sk-test-key",
                ["OpenAI:Endpoint"] = _stub.Endpoint.ToString(),
                ["Speech:UrlLifetime"] = UrlLifetime.ToString(),
                // The first synthesis of a fresh host pays for the SDK's warm-up; these tests are about the URL.
                ["Speech:Budget"] = "00:00:05",
            },
        };
        await Api.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        if (_stub is not null)
        {
            await _stub.DisposeAsync();
        }
    }
}
