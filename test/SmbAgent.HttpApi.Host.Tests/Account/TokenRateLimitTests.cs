using System.Net;
using System.Net.Http.Json;
using SmbAgent.TestKit;

namespace SmbAgent.HttpApi.Tests.Account;

public sealed class TokenRateLimitTests
{
    private const int Limit = 3;

    [Fact]
    public async Task Past_the_limit_token_requests_from_one_address_get_a_429_problem_even_with_the_right_password()
    {
        var fixture = new ApiFixture { Overrides = { ["RateLimits:SignInPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        await fixture.InitializeAsync();
        try
        {
            var owner = await fixture.CreateTenantAsync();
            var client = fixture.Factory.CreateClient();
            for (var attempt = 1; attempt <= Limit; attempt++)
            {
                using var allowed = await client.PostAsJsonAsync("/api/account/token", new { business = owner.Name, userName = $"nobody-{attempt}@example.com", password = Passwords.New() });
                allowed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"attempt {attempt} is within the limit");
            }

            using var refused = await client.PostAsJsonAsync("/api/account/token", new { business = owner.Name, userName = owner.Email, password = owner.Password });

            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await refused.Content.ReadAsStringAsync()).ShouldContain("Too many sign-in attempts");
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}
