using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using SmbAgent.Auditing;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Emailing;
using SmbAgent.Identity;

namespace SmbAgent.Web.Tests.Workspace;

/// <summary>The team page: invitations by email, roles, removal, and the rules that keep a business owned.</summary>
public sealed class TeamPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string Path = "/Workspace/Team";

    [Fact]
    public async Task Inviting_creates_an_unconfirmed_user_in_the_business_and_mails_a_working_set_password_link()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var email = $"new-{Guid.NewGuid():N}@example.com";

        using var response = await InviteAsync(browser, email, SmbRoles.Staff);
        var html = await browser.OpenAsync(Path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        new HtmlParser().ParseDocument(html).QuerySelector($"tr[data-email='{email}']")!.TextContent.ShouldContain("Invited");
        var link = new Uri(await MailedLinkAsync(email));
        link.AbsolutePath.ShouldBe("/Account/ResetPassword");
        var query = QueryHelpers.ParseQuery(link.Query);
        query["tenantId"].ToString().ShouldBe(owner.TenantId.ToString());
        var (user, roles) = await fixture.Factory.InTenantAsync(owner.TenantId, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var invited = (await users.FindByEmailAsync(email)).ShouldNotBeNull();
            return (invited, await users.GetRolesAsync(invited));
        });
        query["userId"].ToString().ShouldBe(user.Id.ToString());
        user.TenantId.ShouldBe(owner.TenantId);
        user.EmailConfirmed.ShouldBeFalse();
        user.PasswordHash.ShouldBeNull();
        roles.ShouldBe([SmbRoles.Staff]);
        await ChoosePasswordAndSignInAsync(link, owner.Name, email);
        (await AuditAsync(owner.TenantId, AuditActions.UserInvited)).ShouldContain(d => d!.Contains(email));
    }

    [Fact]
    public async Task Inviting_a_member_twice_or_a_bad_email_or_role_is_refused_with_a_message()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var twice = await InviteAsync(browser, owner.Email, SmbRoles.Staff);
        using var bad = await InviteAsync(browser, "not an email", "admin");

        ProfilePageTests.MessageFor(await twice.Content.ReadAsStringAsync(), "Invite.Email").ShouldBe("This person is already in the team.");
        var badHtml = await bad.Content.ReadAsStringAsync();
        ProfilePageTests.MessageFor(badHtml, "Invite.Email").ShouldBe("Enter a valid email address.");
        ProfilePageTests.MessageFor(badHtml, "Invite.Role").ShouldBe("Choose owner or staff.");
    }

    [Fact]
    public async Task Roles_change_and_the_last_owner_can_neither_be_demoted_nor_remove_themselves()
    {
        var owner = await fixture.CreateTenantAsync();
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var ownerId = await UserIdAsync(owner.TenantId, owner.Email);
        var staffId = await UserIdAsync(owner.TenantId, staff.Email);

        using var demoteSelf = await PostAsync(browser, $"?handler=Role&userId={ownerId}", ("role", SmbRoles.Staff));
        using var removeSelf = await PostAsync(browser, $"?handler=Remove&userId={ownerId}");
        using var promote = await PostAsync(browser, $"?handler=Role&userId={staffId}", ("role", SmbRoles.Owner));
        using var demoteNowAllowed = await PostAsync(browser, $"?handler=Role&userId={staffId}", ("role", SmbRoles.Staff));

        (await demoteSelf.Content.ReadAsStringAsync()).ShouldContain("A business needs at least one owner.");
        (await removeSelf.Content.ReadAsStringAsync()).ShouldContain("You cannot remove yourself.");
        promote.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        demoteNowAllowed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RolesAsync(owner.TenantId, owner.Email)).ShouldBe([SmbRoles.Owner]);
        (await RolesAsync(owner.TenantId, staff.Email)).ShouldBe([SmbRoles.Staff]);
        (await AuditAsync(owner.TenantId, AuditActions.RoleChanged)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Removing_a_user_deletes_them_and_is_audited()
    {
        var owner = await fixture.CreateTenantAsync();
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var staffId = await UserIdAsync(owner.TenantId, staff.Email);

        using var response = await PostAsync(browser, $"?handler=Remove&userId={staffId}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await UserIdOrNullAsync(owner.TenantId, staff.Email)).ShouldBeNull();
        (await AuditAsync(owner.TenantId, AuditActions.UserRemoved)).ShouldBe([staff.Email]);
    }

    [Fact]
    public async Task Another_businesss_user_id_gives_404_and_stays()
    {
        var other = await fixture.CreateTenantAsync();
        var otherOwnerId = await UserIdAsync(other.TenantId, other.Email);
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var role = await PostAsync(browser, $"?handler=Role&userId={otherOwnerId}", ("role", SmbRoles.Staff));
        using var remove = await PostAsync(browser, $"?handler=Remove&userId={otherOwnerId}");

        role.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        remove.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await RolesAsync(other.TenantId, other.Email)).ShouldBe([SmbRoles.Owner]);
    }

    [Fact]
    public async Task The_page_lists_the_members_and_what_each_role_may_do()
    {
        var owner = await fixture.CreateTenantAsync();
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var document = new HtmlParser().ParseDocument(await browser.OpenAsync(Path));

        document.QuerySelectorAll("#members tbody tr").Select(r => r.GetAttribute("data-email")).Order().ShouldBe(new[] { owner.Email, staff.Email }.Order());
        var manageTeam = document.QuerySelectorAll("#role-permissions tbody tr").Single(r => r.Children[0].TextContent == "Manage the team");
        manageTeam.Children[1].QuerySelector("[aria-label]")!.GetAttribute("aria-label").ShouldBe("Yes");
        manageTeam.Children[2].QuerySelector("[aria-label]")!.GetAttribute("aria-label").ShouldBe("No");
    }

    /// <summary>Follows the mailed link in a fresh browser, sets a password, and signs in with it.</summary>
    private async Task ChoosePasswordAndSignInAsync(Uri link, string business, string email)
    {
        using var invitee = fixture.CreateBrowser();
        var password = SmbAgent.TestKit.Passwords.New();
        var html = await invitee.OpenAsync(link.PathAndQuery);
        using var reset = await HtmlForm.Parse(html, "form[method=post]:has(input[name='Input.Code'])", link.PathAndQuery)
            .Set("Input.Password", password).Set("Input.ConfirmPassword", password).PostAsync(invitee);
        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect, await reset.Content.ReadAsStringAsync());
        await invitee.SignInAsync(business, email, password);
    }

    private static async Task<HttpResponseMessage> InviteAsync(Browser browser, string email, string role) =>
        await HtmlForm.Parse(await browser.OpenAsync(Path), "form[action*='handler=Invite']", Path)
            .Set("Invite.Email", email).Set("Invite.Role", role).PostAsync(browser);

    private static async Task<HttpResponseMessage> PostAsync(Browser browser, string query, params (string Name, string Value)[] fields)
    {
        var form = HtmlForm.Parse(await browser.OpenAsync(Path), "form[action*='handler=Invite']", Path).Remove("Invite.Email").Remove("Invite.Role");
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return await form.PostAsync(browser, Path + query);
    }

    private async Task<string> MailedLinkAsync(string email)
    {
        var directory = fixture.Factory.Services.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory;
        foreach (var file in Directory.GetFiles(directory, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == email))
            {
                var body = message.TextBody ?? string.Empty;
                var start = body.IndexOf("http", StringComparison.Ordinal);
                return body[start..].Split('\n')[0].Trim();
            }
        }

        throw new ShouldAssertException($"No mail to {email} in {directory}.");
    }

    private async Task<Guid> UserIdAsync(Guid tenantId, string email) =>
        (await UserIdOrNullAsync(tenantId, email)).ShouldNotBeNull();

    private Task<Guid?> UserIdOrNullAsync(Guid tenantId, string email) =>
        fixture.Factory.InTenantAsync(tenantId, async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))?.Id);

    private Task<IList<string>> RolesAsync(Guid tenantId, string email) =>
        fixture.Factory.InTenantAsync(tenantId, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
        });

    private Task<List<string?>> AuditAsync(Guid tenantId, string action) =>
        fixture.Factory.InTenantAsync(tenantId, sp => sp.GetRequiredService<SmbAgentDbContext>().AuditLogEntries
            .Where(e => e.Action == action).Select(e => e.Details).ToListAsync());
}
