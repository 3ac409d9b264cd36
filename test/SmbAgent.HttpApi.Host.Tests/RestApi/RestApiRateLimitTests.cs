using System.Net;
using SmbAgent.ApiKeys;

namespace SmbAgent.HttpApi.Tests.RestApi;

public sealed class LowApiLimitFixture : IAsyncLifetime
{
    public const int PermitsPerMinute = 3;

    public ApiFixture Api { get; } = new() { Overrides = { ["RateLimits:ApiRequestsPerMinutePerKey"] = PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) } };

    public Task InitializeAsync() => Api.InitializeAsync();

    public Task DisposeAsync() => Api.DisposeAsync();
}

/// <summary>Each key has its own allowance per minute: one key's burst is answered 429 while another key goes on.</summary>
public sealed class RestApiRateLimitTests(LowApiLimitFixture fixture) : IClassFixture<LowApiLimitFixture>
{
    [Fact]
    public async Task A_key_over_its_limit_gets_429_problem_json_while_another_key_of_the_business_goes_on()
    {
        var owner = await fixture.Api.CreateProTenantAsync();
        using var busy = fixture.Api.ClientWithKey((await fixture.Api.CreateKeyAsync(owner.TenantId)).Key);
        using var calm = fixture.Api.ClientWithKey((await fixture.Api.CreateKeyAsync(owner.TenantId, ApiKeyScope.ReadWrite)).Key);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= LowApiLimitFixture.PermitsPerMinute; i++)
        {
            using var response = await busy.GetAsync("/api/v1/leads");
            statuses.Add(response.StatusCode);
        }

        using var refused = await busy.GetAsync("/api/v1/leads");
        using var other = await calm.GetAsync("/api/v1/leads");

        statuses.ShouldBe([.. Enumerable.Repeat(HttpStatusCode.OK, LowApiLimitFixture.PermitsPerMinute), HttpStatusCode.TooManyRequests]);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
