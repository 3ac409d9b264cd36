using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmbAgent.TestKit;

namespace SmbAgent.HttpApi.Tests.Account;

public sealed class TokenTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_and_the_locked_account_answers_like_a_wrong_password()
    {
        var owner = await fixture.CreateTenantAsync();
        var client = fixture.Factory.CreateClient();

        var wrongAnswers = new List<(HttpStatusCode, string)>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            wrongAnswers.Add(await AnswerAsync(client, owner.Name, owner.Email, "Wrong-password-1"));
        }

        var right = await AnswerAsync(client, owner.Name, owner.Email, owner.Password);

        wrongAnswers.ShouldAllBe(a => a.Item1 == HttpStatusCode.Unauthorized);
        right.ShouldBe(wrongAnswers[0]);
    }

    [Fact]
    public async Task An_unknown_user_answers_exactly_like_a_real_one_with_a_wrong_password_however_often_it_is_tried()
    {
        var owner = await fixture.CreateTenantAsync();
        var client = fixture.Factory.CreateClient();

        var real = new List<(HttpStatusCode, string)>();
        var unknown = new List<(HttpStatusCode, string)>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            real.Add(await AnswerAsync(client, owner.Name, owner.Email, Passwords.New()));
            unknown.Add(await AnswerAsync(client, owner.Name, $"nobody-{Guid.NewGuid():N}@example.com", Passwords.New()));
        }

        unknown.ShouldBe(real);
        real.ShouldAllBe(a => a.Item1 == HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_same_email_signs_in_to_whichever_business_it_names()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        var (email, password) = await fixture.AddUserAsync(b.TenantId, "staff", a.Email);
        var inA = await fixture.ClientForAsync(a);

        var inB = await fixture.ClientForAsync(b.Name, email, password);
        var wrongBusiness = await fixture.Factory.CreateClient().PostAsJsonAsync("/api/account/token", new { business = a.Name, userName = email, password });

        (await inA.GetFromJsonAsync<CurrentTenantDto>("/api/app/current-tenant"))!.Id.ShouldBe(a.TenantId);
        (await inB.GetFromJsonAsync<CurrentTenantDto>("/api/app/current-tenant"))!.Id.ShouldBe(b.TenantId);
        wrongBusiness.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>The status and the problem body, less its per-request trace id.</summary>
    private static async Task<(HttpStatusCode, string)> AnswerAsync(HttpClient client, string business, string userName, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/account/token", new { business, userName, password });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return (response.StatusCode, body.ToJsonString());
    }

    private sealed record CurrentTenantDto(Guid? Id);
}
