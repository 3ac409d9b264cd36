using System.Net;
using System.Net.Http.Json;

namespace SmbAgent.HttpApi.Tests.Account;

public sealed class TokenTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        var owner = await fixture.CreateTenantAsync();
        var client = fixture.Factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/account/token", new { business = owner.Name, userName = owner.Email, password = "Wrong-password-1" })).StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/account/token", new { business = owner.Name, userName = owner.Email, password = owner.Password });

        statuses.Take(4).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        right.StatusCode.ShouldBe(HttpStatusCode.Locked);
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

    private sealed record CurrentTenantDto(Guid? Id);
}
