using SmbAgent.Workspace.Widget;

namespace SmbAgent.Application.Tests.Workspace;

/// <summary>An allowed site is stored the way browsers send <c>Origin</c>, so a listed site matches in any spelling the owner typed.</summary>
public sealed class WidgetOriginsTests
{
    [Theory]
    [InlineData("HTTPS://Shop.Example:443/", "https://shop.example")]
    [InlineData(" http://shop.example:80 ", "http://shop.example")]
    [InlineData("https://shop.example:8443", "https://shop.example:8443")]
    [InlineData("https://Bücher.example", "https://xn--bcher-kva.example")]
    [InlineData("http://127.0.0.1:5010", "http://127.0.0.1:5010")]
    [InlineData("http://[::1]:8080/", "http://[::1]:8080")]
    public void A_site_is_normalised_to_its_origin(string typed, string origin)
    {
        WidgetOrigins.Normalize(typed, out var error).ShouldBe(origin);
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData("shop.example")]
    [InlineData("ftp://shop.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://*.shop.example")]
    [InlineData("*")]
    [InlineData("https://shop.example/contact")]
    [InlineData("https://shop.example/?a=1")]
    [InlineData("https://shop.example/#top")]
    [InlineData("https://owner@shop.example")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_a_plain_http_or_https_origin_is_refused_with_a_reason(string? typed)
    {
        WidgetOrigins.Normalize(typed, out var error).ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("https://shop.example", "https://shop.example")]
    [InlineData("null", null)]
    [InlineData("file://", null)]
    [InlineData("https://shop.example/path", null)]
    [InlineData("chrome-extension://abcdef", null)]
    public void A_request_origin_names_a_site_or_nothing(string header, string? origin)
    {
        WidgetOrigins.FromHeader(header).ShouldBe(origin);
    }
}
