using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Leads;
using SmbAgent.SignUp;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.Web.Pages.Account;
using SmbAgent.Workspace;

namespace SmbAgent.Web.Tests.Account;

/// <summary>Self sign-up: a FREE business with its starter questions, the owner signed in; nothing half-made on bad input.</summary>
public sealed class SignUpTests(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    private const string SignUpPath = "/Account/SignUp";

    [Fact]
    public async Task Signing_up_creates_a_free_business_with_starter_questions_and_signs_the_owner_in()
    {
        var name = Names.Business("Pipes");
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        using var browser = fixture.CreateBrowser();

        using var response = await Forms.PostAsync(browser, SignUpPath, Form(name, email, type: BusinessType.Plumbing, timeZone: "Europe/Paris"));
        var home = await browser.GetPageAsync("/Account/Manage/Index");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe("/");
        Browser.SetsAuthCookie(response).ShouldBeTrue();
        home.Status.ShouldBe(HttpStatusCode.OK);
        home.Html.ShouldContain(Browser.Html(name));
        home.Html.ShouldContain(Browser.Html(email));

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.NormalizedName == Tenant.NormalizeName(name));
        (await db.Editions.SingleAsync(e => e.Id == tenant.EditionId)).Name.ShouldBe(EditionMatrix.Free);
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenant.Id))
        {
            var profile = await db.BusinessProfiles.SingleAsync();
            profile.Type.ShouldBe(BusinessType.Plumbing);
            profile.TimeZone.ShouldBe("Europe/Paris");
            var questions = await db.LeadQuestions.OrderBy(q => q.Position).Select(q => q.Text).ToListAsync();
            questions.ShouldBe([.. StarterLeadQuestions.For(BusinessType.Plumbing).Select(q => q.Text)]);
            questions.ShouldContain("What's happening?");
            (await db.AuditLogEntries.CountAsync(a => a.Action == AuditActions.SignedUp)).ShouldBe(1);
            var owner = await db.Users.SingleAsync();
            owner.Email.ShouldBe(email);
            owner.DisplayName.ShouldBe("Pat Owner");
            owner.EmailConfirmed.ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Sign_up_mails_a_confirmation_link_that_confirms_the_email()
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        using var browser = fixture.CreateBrowser();
        using var response = await Forms.PostAsync(browser, SignUpPath, Form(Names.Business(), email));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetPageAsync("/Account/Manage/Index")).Html.ShouldContain("Not confirmed");

        var mail = await fixture.Mail.SingleAsync(email, "Confirm your email address");
        var link = MailFolder.LinkIn(mail);
        var confirm = await browser.GetPageAsync(link.PathAndQuery);
        var tampered = await browser.GetPageAsync(link.PathAndQuery.Replace("code=", "code=x", StringComparison.Ordinal));
        var account = await browser.GetPageAsync("/Account/Manage/Index");

        link.AbsolutePath.ShouldBe("/Account/ConfirmEmail");
        confirm.Html.ShouldContain(ConfirmEmailModel.ConfirmedMessage);
        tampered.Html.ShouldContain(ConfirmEmailModel.InvalidLinkMessage);
        account.Html.ShouldContain("Confirmed");
        account.Html.ShouldNotContain("Not confirmed");
    }

    [Fact]
    public async Task A_duplicate_business_name_is_refused_next_to_the_field_and_creates_nothing()
    {
        var existing = await fixture.CreateTenantAsync();
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        using var browser = fixture.CreateBrowser();

        using var response = await Forms.PostAsync(browser, SignUpPath, Form(existing.Name.ToUpperInvariant(), email));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Forms.ValidationFor(html, "Input.BusinessName").ShouldBe(SignUpService.DuplicateNameMessage);
        Browser.SetsAuthCookie(response).ShouldBeFalse();
        (await UsersWithEmailAsync(email)).ShouldBe(0);
    }

    [Fact]
    public async Task A_weak_password_shows_identitys_messages_next_to_the_password_and_creates_nothing()
    {
        var name = Names.Business();
        using var browser = fixture.CreateBrowser();

        using var response = await Forms.PostAsync(browser, SignUpPath, Form(name, $"owner-{Guid.NewGuid():N}@example.com", password: "short"));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var message = Forms.ValidationFor(html, "Input.Password");
        message.ShouldContain("at least 10 characters");
        message.ShouldContain("uppercase");
        Browser.SetsAuthCookie(response).ShouldBeFalse();
        (await TenantExistsAsync(name)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Password123", "too common")]
    [InlineData("Sunshine2024!", "too common")]
    [InlineData("          Aa1", "besides spaces")]
    public async Task A_common_or_mostly_blank_password_is_refused_next_to_the_password_and_creates_nothing(string password, string expected)
    {
        var name = Names.Business();
        using var browser = fixture.CreateBrowser();

        using var response = await Forms.PostAsync(browser, SignUpPath, Form(name, $"owner-{Guid.NewGuid():N}@example.com", password: password));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Forms.ValidationFor(html, "Input.Password").ShouldContain(expected);
        (await TenantExistsAsync(name)).ShouldBeFalse();
    }

    [Fact]
    public async Task Missing_terms_an_unknown_time_zone_and_a_mismatched_confirmation_are_each_shown_next_to_their_field()
    {
        var name = Names.Business();
        using var browser = fixture.CreateBrowser();
        var form = Form(name, $"owner-{Guid.NewGuid():N}@example.com", timeZone: "Mars/Olympus_Mons");
        form["Input.AcceptTerms"] = "false";
        form["Input.ConfirmPassword"] = form["Input.Password"] + "x";

        using var response = await Forms.PostAsync(browser, SignUpPath, form);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Forms.ValidationFor(html, "Input.AcceptTerms").ShouldBe("Please accept the terms to continue.");
        Forms.ValidationFor(html, "Input.TimeZone").ShouldBe("Choose a time zone from the list.");
        Forms.ValidationFor(html, "Input.ConfirmPassword").ShouldBe("The passwords do not match.");
        (await TenantExistsAsync(name)).ShouldBeFalse();
    }

    [Fact]
    public async Task Html_in_the_business_name_is_shown_as_text_after_a_refused_sign_up()
    {
        const string payload = "<script>alert(1)</script>";
        using var browser = fixture.CreateBrowser();
        var form = Form(payload, $"owner-{Guid.NewGuid():N}@example.com");
        form["Input.AcceptTerms"] = "false";

        using var response = await Forms.PostAsync(browser, SignUpPath, form);
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldNotContain(payload);
        html.ShouldContain(Browser.Html(payload));
    }

    [Fact]
    public async Task Past_the_limit_sign_up_posts_from_one_address_get_429_with_the_friendly_page_while_the_form_still_opens()
    {
        using var browser = fixture.CreateBrowser(fixture.LowLimitFactory);
        var form = Form(Names.Business(), $"owner-{Guid.NewGuid():N}@example.com");
        form["Input.AcceptTerms"] = "false";
        for (var attempt = 1; attempt <= AccountFixture.LowSignUpLimit; attempt++)
        {
            using var allowed = await Forms.PostAsync(browser, SignUpPath, form);
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt} is within the limit");
        }

        using var refused = await Forms.PostAsync(browser, SignUpPath, Form(Names.Business(), $"owner-{Guid.NewGuid():N}@example.com"));
        var html = await refused.Content.ReadAsStringAsync();
        var formAgain = await browser.GetPageAsync(SignUpPath);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        html.ShouldContain("Too many requests", customMessage: html);
        Browser.SetsAuthCookie(refused).ShouldBeFalse();
        formAgain.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_login_page_links_to_sign_up_and_a_signed_in_owner_is_sent_home()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        var login = await browser.GetPageAsync(Browser.LoginPath);
        await browser.SignInAsync(owner);

        using var signUp = await browser.GetAsync(SignUpPath);

        login.Html.ShouldContain("href=\"/Account/SignUp\"");
        signUp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signUp.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe("/");
    }

    private static Dictionary<string, string> Form(
        string name,
        string email,
        string? password = null,
        BusinessType type = BusinessType.Other,
        string timeZone = "America/Chicago")
    {
        var pw = password ?? Passwords.New();
        return new Dictionary<string, string>
        {
            ["Input.BusinessName"] = name,
            ["Input.BusinessType"] = type.ToString(),
            ["Input.TimeZone"] = timeZone,
            ["Input.OwnerName"] = "Pat Owner",
            ["Input.Email"] = email,
            ["Input.Password"] = pw,
            ["Input.ConfirmPassword"] = pw,
            ["Input.AcceptTerms"] = "true",
        };
    }

    private async Task<bool> TenantExistsAsync(string name)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
        return await db.Tenants.AnyAsync(t => t.NormalizedName == Tenant.NormalizeName(name));
    }

    private async Task<int> UsersWithEmailAsync(string email)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
        using (scope.ServiceProvider.GetRequiredService<IDataFilter>().Disable<IMultiTenant>())
        {
            var normalized = email.ToUpperInvariant();
            return await db.Users.CountAsync(u => u.NormalizedEmail == normalized);
        }
    }
}
