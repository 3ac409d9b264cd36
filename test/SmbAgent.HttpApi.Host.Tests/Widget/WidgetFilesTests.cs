using System.IO.Compression;
using System.Net;
using System.Text;

namespace SmbAgent.HttpApi.Tests.Widget;

/// <summary>
/// The widget's files as other sites load them: the hashed bundle cached for good, the loader and manifest briefly, the
/// compressed copy the browser accepts, typed as scripts that no browser sniffs and any site may embed.
/// </summary>
public sealed class WidgetFilesTests(WidgetFilesFixture fixture) : IClassFixture<WidgetFilesFixture>
{
    [Theory]
    [InlineData("br, gzip", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("gzip;q=0, br;q=0", "plain")]
    [InlineData("", "plain")]
    public async Task A_script_is_sent_in_the_compressed_copy_the_browser_accepts(string acceptEncoding, string copy)
    {
        foreach (var name in new[] { "loader.js", WidgetFilesFixture.ChatFile })
        {
            using var response = await GetAsync($"/widget/{name}", acceptEncoding);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentEncoding.ShouldBe(copy == "plain" ? [] : [copy]);
            response.Headers.Vary.ShouldContain("Accept-Encoding");
            response.Content.Headers.ContentType!.ToString().ShouldBe("text/javascript; charset=utf-8");
            (await TextOfAsync(response)).ShouldBe(WidgetFilesFixture.ScriptOf(name, copy));
        }
    }

    [Theory]
    [InlineData("/widget/loader.js", "public, max-age=300")]
    [InlineData("/widget/manifest.json", "public, max-age=300")]
    [InlineData("/widget/" + WidgetFilesFixture.ChatFile, "public, max-age=31536000, immutable")]
    public async Task The_hashed_bundle_is_cached_for_good_and_the_stable_names_for_five_minutes(string path, string cacheControl)
    {
        using var response = await GetAsync(path, "br, gzip");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.ToString().ShouldBe(cacheControl);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Cross-Origin-Resource-Policy").ShouldBe(["cross-origin"]);
    }

    [Fact]
    public async Task The_manifest_names_the_bundle_as_json()
    {
        using var response = await GetAsync("/widget/manifest.json", "br, gzip");

        response.Content.Headers.ContentType!.ToString().ShouldBe("application/json; charset=utf-8");
        (await response.Content.ReadAsStringAsync()).ShouldContain(WidgetFilesFixture.ChatFile);
    }

    [Theory]
    [InlineData("/widget/loader.js.br")]
    [InlineData("/widget/loader.js.gz")]
    [InlineData("/widget/missing.js")]
    public async Task A_compressed_copy_or_a_missing_file_is_not_found(string path)
    {
        using var response = await GetAsync(path, "br, gzip");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentEncoding.ShouldBeEmpty();
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await fixture.Api.Factory.CreateClient().SendAsync(request);
    }

    private static async Task<string> TextOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        await using var decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
