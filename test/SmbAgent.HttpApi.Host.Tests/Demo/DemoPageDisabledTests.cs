using System.Net;

namespace SmbAgent.HttpApi.Tests.Demo;

/// <summary>Without <c>Seed:DemoTenant:Enabled</c> (production) the API has no /demo page.</summary>
public sealed class DemoPageDisabledTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Without_the_demo_setting_there_is_no_demo_page()
    {
        using var response = await fixture.Factory.CreateClient().GetAsync(new Uri("/demo", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldNotContain("script-src");
    }
}
