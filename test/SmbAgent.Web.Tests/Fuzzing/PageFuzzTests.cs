using CsCheck;
using SmbAgent.TestKit.Fuzzing;

namespace SmbAgent.Web.Tests.Fuzzing;

/// <summary>
/// Generated bad input to the admin's anonymous forms (sign-up, login, forgot and reset password) and the owner's leads
/// search and export: no 5xx, no stack trace, every 4xx the friendly page (or the problem of text refused at the edge),
/// no hang, nothing stored and no usage counted for a refused request. Budget and seed from <see cref="FuzzBudget"/>.
/// </summary>
public sealed class PageFuzzTests(FuzzWebFixture fixture) : IClassFixture<FuzzWebFixture>
{
    private static readonly Gen<string> Email = Gen.OneOf("owner@example.com", "a@b.c", "not-an-email", "");

    private static readonly Gen<string> Password = Gen.OneOf("Correct-Horse-9", "short", "");

    [Fact]
    public Task Signing_up() =>
        RunAsync("web.signup", fixture.Anonymous, FuzzForms.Post("/Account/SignUp",
        [
            new("Input.BusinessName", Gen.OneOf("Fuzz Plumbing", "")),
            new("Input.BusinessType", Gen.OneOf("Plumbing", "0", "999", "Nope")),
            new("Input.TimeZone", Gen.OneOf("Europe/Berlin", "UTC", "Mars/Olympus")),
            new("Input.OwnerName", Gen.OneOf("Owner", "")),
            new("Input.Email", Email),
            new("Input.Password", Password),
            new("Input.ConfirmPassword", Password),
            new("Input.AcceptTerms", Gen.OneOf("true", "false", "on", "maybe")),
        ], fixture.AntiforgeryToken));

    [Fact]
    public Task Logging_in() =>
        RunAsync("web.login", fixture.Anonymous, FuzzForms.Post(Browser.LoginPath,
        [
            new("Input.Business", Gen.OneOf(fixture.OwnerAccount.Name, "")),
            new("Input.Email", Gen.OneOf(fixture.OwnerAccount.Email, "nobody@example.com")),
            new("Input.Password", Gen.OneOf("wrong", "")),
            new("Input.RememberMe", Gen.OneOf("true", "false", "x")),
            new("returnUrl", Gen.OneOf("/", "//evil.example", "https://evil.example", "/Workspace/Leads", "javascript:alert(1)")),
        ], fixture.AntiforgeryToken));

    [Fact]
    public Task Asking_for_a_password_reset() =>
        RunAsync("web.forgot-password", fixture.Anonymous, FuzzForms.Post("/Account/ForgotPassword",
        [
            new("Input.Business", Gen.OneOf(fixture.OwnerAccount.Name, "")),
            new("Input.Email", Gen.OneOf(fixture.OwnerAccount.Email, "nobody@example.com", "x")),
        ], fixture.AntiforgeryToken));

    [Fact]
    public Task Resetting_a_password() =>
        RunAsync("web.reset-password", fixture.Anonymous, FuzzForms.Post("/Account/ResetPassword",
        [
            new("Input.UserId", Gen.Guid.Select(g => g.ToString())),
            new("Input.TenantId", Gen.OneOf(fixture.OwnerAccount.TenantId.ToString(), "", "not-a-guid")),
            new("Input.Code", Gen.OneOf("Q2ZESjhB", "", "%%%")),
            new("Input.Password", Password),
            new("Input.ConfirmPassword", Password),
        ], fixture.AntiforgeryToken));

    [Fact]
    public Task Searching_and_exporting_leads() =>
        RunAsync("web.leads", fixture.Owner, Gen.Select(
            FuzzQuery.For("q", "status", "priority", "channel", "from", "to", "sort", "dir", "p", "size", "handler"),
            Gen.OneOf(string.Empty, "handler=Export&"),
            FuzzHeaders.Extra,
            (query, export, headers) => new FuzzRequest(HttpMethod.Get,
                "/Workspace/Leads" + (export.Length == 0 ? query : "?" + export + query.TrimStart('?')), null, null, headers)));

    private Task RunAsync(string target, Browser browser, Gen<FuzzRequest> inputs) =>
        new FuzzRun(target, fixture.Database, FuzzRun.FriendlyPage).RunAsync(inputs, (request, ct) => browser.Client.SendAsync(request, ct));
}
