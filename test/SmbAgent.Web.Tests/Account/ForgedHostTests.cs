using System.Net;
using SmbAgent.Identity;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.Account;

/// <summary>
/// Password-reset poisoning: a request with a forged Host header never decides where a mailed link points.
/// Every mail-sending page is posted under an attacker's host; each link starts with the configured public address.
/// </summary>
public sealed class ForgedHostTests(ForgedHostFixture fixture) : IClassFixture<ForgedHostFixture>
{
    private const string ForgedHost = "attacker.example";

    [Fact]
    public async Task A_reset_link_requested_under_a_forged_host_points_at_the_public_address()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = ForgedHostFixture.CreateBrowser(fixture.AnyHostFactory, ForgedHost);

        using var forgot = await Forms.PostAsync(browser, "/Account/ForgotPassword", new Dictionary<string, string>
        {
            ["Input.Business"] = owner.Name,
            ["Input.Email"] = owner.Email,
        });

        forgot.StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldLinkToPublicAddressAsync(owner.Email, "Reset your password", "/Account/ResetPassword");
    }

    [Fact]
    public async Task A_sign_up_confirmation_link_under_a_forged_host_points_at_the_public_address()
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var password = Passwords.New();
        using var browser = ForgedHostFixture.CreateBrowser(fixture.AnyHostFactory, ForgedHost);

        using var signUp = await Forms.PostAsync(browser, "/Account/SignUp", new Dictionary<string, string>
        {
            ["Input.BusinessName"] = Names.Business(),
            ["Input.BusinessType"] = "Other",
            ["Input.TimeZone"] = "America/Chicago",
            ["Input.OwnerName"] = "Pat Owner",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.AcceptTerms"] = "true",
        });

        signUp.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signUp.Content.ReadAsStringAsync());
        await ShouldLinkToPublicAddressAsync(email, "Confirm your email address", "/Account/ConfirmEmail");
    }

    [Fact]
    public async Task An_email_confirmation_link_resent_from_the_account_page_under_a_forged_host_points_at_the_public_address()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = ForgedHostFixture.CreateBrowser(fixture.AnyHostFactory, ForgedHost);
        await browser.SignInAsync(owner);

        using var resend = await Forms.PostAsync(browser, "/Account/Manage/Index", new Dictionary<string, string>(), handler: "ResendConfirmation");

        resend.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await ShouldLinkToPublicAddressAsync(owner.Email, "Confirm your email address", "/Account/ConfirmEmail");
    }

    [Fact]
    public async Task A_team_invitation_sent_under_a_forged_host_points_at_the_public_address()
    {
        var owner = await fixture.CreateTenantAsync();
        var invitee = $"new-{Guid.NewGuid():N}@example.com";
        using var browser = ForgedHostFixture.CreateBrowser(fixture.AnyHostFactory, ForgedHost);
        await browser.SignInAsync(owner);

        using var invite = await Forms.PostAsync(browser, "/Workspace/Team", new Dictionary<string, string>
        {
            ["Invite.Email"] = invitee,
            ["Invite.Role"] = SmbRoles.Staff,
        }, handler: "Invite");

        invite.StatusCode.ShouldBe(HttpStatusCode.Redirect, await invite.Content.ReadAsStringAsync());
        await ShouldLinkToPublicAddressAsync(invitee, $"You are invited to {owner.Name} on SmbAgent", "/Account/ResetPassword");
    }

    [Fact]
    public async Task Outside_development_the_admin_refuses_a_host_other_than_its_public_address()
    {
        using var forged = ForgedHostFixture.CreateBrowser(fixture.Factory, ForgedHost);
        using var genuine = ForgedHostFixture.CreateBrowser(fixture.Factory, new Uri(ForgedHostFixture.PublicAdminUrl).Host);

        var refused = await forged.GetPageAsync("/Account/ForgotPassword");
        var served = await genuine.GetPageAsync("/Account/ForgotPassword");

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        served.Status.ShouldBe(HttpStatusCode.OK);
    }

    private async Task ShouldLinkToPublicAddressAsync(string to, string subject, string path)
    {
        var link = MailFolder.LinkIn(await fixture.Mail.SingleAsync(to, subject));
        link.GetLeftPart(UriPartial.Authority).ShouldBe(ForgedHostFixture.PublicAdminUrl);
        link.AbsolutePath.ShouldBe(path);
    }
}
