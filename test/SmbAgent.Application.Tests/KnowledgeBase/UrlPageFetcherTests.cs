using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Extraction;
using SmbAgent.PublicUrls;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.KnowledgeBase;

/// <summary>The fetcher with its real handler, against a local server; loopback allowed only where a test says so.</summary>
public sealed class UrlPageFetcherTests : IAsyncLifetime
{
    private TestWebServer _web = null!;

    public async Task InitializeAsync() => _web = await TestWebServer.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task A_local_page_is_fetched_when_loopback_is_allowed_and_redirects_are_followed()
    {
        var page = await Fetcher(allowLoopback: true).FetchAsync(_web.Url("/to-about").AbsoluteUri, CancellationToken.None);

        page.Url.AbsolutePath.ShouldBe("/about");
        page.MediaType.ShouldBe("text/html");
        page.Body.ShouldContain("Rosa's Bakery");
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/about")]
    [InlineData("http://localhost:{port}/about")]
    [InlineData("http://[::1]:{port}/about")]
    public async Task Loopback_is_refused_unless_the_development_setting_allows_it(string url)
    {
        var error = await Should.ThrowAsync<KnowledgeContentException>(() =>
            Fetcher(allowLoopback: false).FetchAsync(url.Replace("{port}", _web.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None));

        error.Message.ShouldContain("not allowed");
    }

    [Theory]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://172.16.5.4/")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://[fd00::1]/")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://[::ffff:10.0.0.1]/")]
    [InlineData("http://[::ffff:0:a9fe:a9fe]/latest/meta-data/")]
    [InlineData("http://[2001:0:a9fe:a9fe::1]/")]
    public async Task Private_and_link_local_addresses_are_refused_before_connecting(string url)
    {
        var watch = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<KnowledgeContentException>(() => Fetcher(allowLoopback: true).FetchAsync(url, CancellationToken.None));

        error.Message.ShouldContain("not allowed");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1), "nothing may connect to a refused address (a connect attempt would wait for the timeout)");
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_page_to_the_metadata_address_is_refused()
    {
        var error = await Should.ThrowAsync<KnowledgeContentException>(() =>
            Fetcher(allowLoopback: true).FetchAsync(_web.Url("/to-metadata").AbsoluteUri, CancellationToken.None));

        error.Message.ShouldBe("The address 169.254.169.254 is not allowed: only public web addresses can be fetched.");
    }

    [Fact]
    public async Task The_handler_itself_refuses_a_private_address_when_called_without_the_pre_check()
    {
        using var client = new HttpClient(UrlPageFetcher.CreateHandler(new KnowledgeBaseOptions { AllowLoopbackUrls = false }));

        var error = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync(_web.Url("/about")));

        error.InnerException.ShouldBeOfType<KnowledgeContentException>();
    }

    [Fact]
    public async Task More_than_five_redirects_are_refused()
    {
        var error = await Should.ThrowAsync<KnowledgeContentException>(() =>
            Fetcher(allowLoopback: true).FetchAsync(_web.Url("/loop/0").AbsoluteUri, CancellationToken.None));

        error.Message.ShouldContain("redirected more than 5 times");
    }

    [Fact]
    public async Task An_oversized_page_stops_at_the_limit()
    {
        var error = await Should.ThrowAsync<KnowledgeContentException>(() =>
            Fetcher(allowLoopback: true).FetchAsync(_web.Url("/huge").AbsoluteUri, CancellationToken.None));

        error.Message.ShouldContain("larger than 2048 KB");
    }

    [Fact]
    public async Task A_page_that_does_not_answer_in_time_is_refused()
    {
        var error = await Should.ThrowAsync<KnowledgeContentException>(() =>
            Fetcher(allowLoopback: true, timeoutSeconds: 1).FetchAsync(_web.Url("/slow").AbsoluteUri, CancellationToken.None));

        error.Message.ShouldContain("did not answer within 1 seconds");
    }

    [Theory]
    [InlineData("ftp://example.com/file")]
    [InlineData("file:///etc/passwd")]
    public void Only_http_and_https_are_accepted(string url) =>
        Should.Throw<KnowledgeContentException>(() => UrlPageFetcher.ParseUrl(url));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:82b::200e")]
    [InlineData("::ffff:8.8.8.8")] // IPv4-mapped: judged by the IPv4 address inside
    [InlineData("64:ff9b::808:808")] // NAT64: likewise
    public void A_public_address_is_allowed(string address) =>
        UrlAddressPolicy.IsAllowed(IPAddress.Parse(address), allowLoopback: false).ShouldBeTrue();

    /// <summary>One row per block of IANA's IPv4 and IPv6 Special-Purpose Address Registries.</summary>
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("10.20.30.40")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.0.0.8")]
    [InlineData("192.0.2.1")]
    [InlineData("192.88.99.1")]
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.254")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")]
    [InlineData("224.0.0.251")]
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("::ffff:169.254.169.254")] // IPv4-mapped, metadata inside
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:0:a9fe:a9fe")] // IPv4-translated
    [InlineData("::ffff:0:808:808")]
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 well-known prefix, metadata inside
    [InlineData("64:ff9b:1::808:808")] // NAT64 local use
    [InlineData("100::1")] // discard only
    [InlineData("100:0:0:1::1")] // dummy prefix
    [InlineData("2001:1::1")] // IETF protocol assignments
    [InlineData("2001:0:a9fe:a9fe::1")] // Teredo
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")]
    [InlineData("2001:2::1")] // benchmarking
    [InlineData("2001:db8::1")] // documentation
    [InlineData("2001:10::1")] // ORCHID
    [InlineData("2001:20::1")] // ORCHIDv2
    [InlineData("2002:0808:0808::1")] // 6to4, even around a public IPv4 address
    [InlineData("2002:0a00:0001::1")]
    [InlineData("3fff::1")] // documentation
    [InlineData("5f00::1")] // SRv6
    [InlineData("fc00::1")] // unique-local
    [InlineData("fd12:3456:789a::1")]
    [InlineData("fe80::1")] // link-local
    [InlineData("fe80::1%2")]
    [InlineData("febf:ffff::1")]
    [InlineData("fec0::1")] // site-local
    [InlineData("ff02::1")] // multicast
    [InlineData("::a9fe:a9fe")] // deprecated IPv4-compatible
    [InlineData("4000::1")] // outside global unicast
    public void A_special_purpose_address_is_refused(string address) =>
        UrlAddressPolicy.IsAllowed(IPAddress.Parse(address), allowLoopback: false).ShouldBeFalse();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Loopback_is_allowed_only_with_the_development_setting(string address) =>
        UrlAddressPolicy.IsAllowed(IPAddress.Parse(address), allowLoopback: true).ShouldBeTrue();

    private static UrlPageFetcher Fetcher(bool allowLoopback, int timeoutSeconds = 5)
    {
        var options = new KnowledgeBaseOptions { AllowLoopbackUrls = allowLoopback, FetchTimeoutSeconds = timeoutSeconds };
        var ownHosts = new OwnHostPolicy(Options.Create(new PublicUrlOptions()));
        return new UrlPageFetcher(new SingleClientFactory(new HttpClient(UrlPageFetcher.CreateHandler(options))), Options.Create(options), ownHosts);
    }

    private sealed class SingleClientFactory(HttpClient client) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => client;
    }
}
