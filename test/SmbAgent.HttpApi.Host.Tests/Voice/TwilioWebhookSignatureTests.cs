using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Features;
using SmbAgent.TestKit.Twilio;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>
/// Every webhook of the <c>/api/voice</c> group answers only what Twilio signed for the public URL, with the token of
/// the account the form names: the platform's, or the line of the number called.
/// </summary>
public sealed class TwilioWebhookSignatureTests(VoiceApiFixture fixture) : IClassFixture<VoiceApiFixture>
{
    [Fact]
    public async Task Every_webhook_refuses_a_missing_a_forged_and_an_own_url_signature()
    {
        var webhooks = fixture.PlatformWebhooks();
        var routes = WebhookRoutes();
        routes.ShouldContain("/api/voice/fallback");
        foreach (var route in routes)
        {
            var form = webhooks.CallForm(TwilioSigner.NewSid("CA"), "+15551230001", TestPhoneLines.NewNumber());
            var forged = TwilioSigner.Sign("not-the-auth-token-0123456789abc", webhooks.PublicUrl(route), form);
            var ownUrl = TwilioSigner.Sign(TestKit.Stubs.TwilioStubServer.AuthToken, $"http://localhost{route}", form);

            foreach (var signature in new[] { null, string.Empty, forged, ownUrl })
            {
                using var response = await webhooks.PostSignedAsync(route, form, signature);
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{route} with signature '{signature}'");
                response.Content.Headers.ContentType?.MediaType.ShouldNotBe("application/xml");
            }
        }
    }

    [Fact]
    public async Task A_signature_for_the_public_url_passes_and_a_changed_field_does_not()
    {
        var webhooks = fixture.PlatformWebhooks();
        var form = webhooks.CallForm(TwilioSigner.NewSid("CA"), "+15551230002", TestPhoneLines.NewNumber());
        var signature = TwilioSigner.Sign(TestKit.Stubs.TwilioStubServer.AuthToken, webhooks.PublicUrl("/api/voice/fallback"), form);

        using var passed = await webhooks.PostSignedAsync("/api/voice/fallback", form, signature);
        passed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var twiml = XDocument.Parse(await passed.Content.ReadAsStringAsync());
        twiml.Root!.Name.LocalName.ShouldBe("Response");
        twiml.Root.Elements().Select(e => e.Name.LocalName).ShouldBe(["Say", "Hangup"]);

        form["From"] = "+15551230003";
        using var changed = await webhooks.PostSignedAsync("/api/voice/fallback", form, signature);
        changed.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_called_lines_own_account_signs_its_webhooks_and_no_other_lines()
    {
        var business = await fixture.Api.CreateTenantAsync(EditionMatrix.Pro);
        var other = await fixture.Api.CreateTenantAsync(EditionMatrix.Pro);
        var (sid, token) = (TwilioSigner.NewSid("AC"), "business-token-" + Guid.NewGuid().ToString("N"));
        var number = TestPhoneLines.NewNumber();
        var otherNumber = TestPhoneLines.NewNumber();
        await TestPhoneLines.AddAsync(fixture.Api.Factory.Services, business.TenantId, number, sid, token, forwardTo: "+15551239999");
        await TestPhoneLines.AddAsync(fixture.Api.Factory.Services, other.TenantId, otherNumber, TwilioSigner.NewSid("AC"), "other-token-" + Guid.NewGuid().ToString("N"));
        var webhooks = fixture.WebhooksOf(sid, token);

        using var own = await webhooks.PostAsync("/api/voice/fallback", webhooks.CallForm(TwilioSigner.NewSid("CA"), "+15551230004", number));
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        var dial = XDocument.Parse(await own.Content.ReadAsStringAsync()).Root!.Element("Dial");
        dial.ShouldNotBeNull();
        dial.Value.ShouldBe("+15551239999");

        // Correctly signed by the first business's account, but naming the other business's number.
        using var foreign = await webhooks.PostAsync("/api/voice/fallback", webhooks.CallForm(TwilioSigner.NewSid("CA"), "+15551230005", otherNumber));
        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // An account with no line here signs nothing, whatever number it names.
        var stranger = fixture.WebhooksOf(TwilioSigner.NewSid("AC"), "stranger-token-0123456789abcdef");
        using var unknown = await stranger.PostAsync("/api/voice/fallback", stranger.CallForm(TwilioSigner.NewSid("CA"), "+15551230006", TestPhoneLines.NewNumber()));
        unknown.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_refused_before_the_signature_is_read()
    {
        using var response = await fixture.Api.Factory.CreateClient().PostAsync(
            "/api/voice/fallback", new StringContent("{\"To\":\"+15005550100\"}", System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    /// <summary>Every POST route of the Twilio webhook group, whichever part of the app maps it.</summary>
    private List<string> WebhookRoutes() =>
        [.. fixture.Api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ITagsMetadata>()?.Tags.Contains("Twilio webhooks") == true
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + string.Join('/', e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l ? l.Content : "x")))))
            .Distinct()];
}
