using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmbAgent.Features;
using SmbAgent.Identity;
using SmbAgent.Leads;

namespace SmbAgent.HttpApi.Tests.Leads;

public sealed class LeadQuestionApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task A_free_tenant_fills_up_to_five_questions_and_the_sixth_is_refused_naming_the_feature()
    {
        var owner = await fixture.CreateTenantAsync(EditionMatrix.Free);
        var client = await fixture.ClientForAsync(owner);
        var starters = (await client.GetFromJsonAsync<List<LeadQuestionDto>>("/api/app/lead-questions", Json))!.Count;
        starters.ShouldBeLessThan(5, "a new business starts with its starter questions, below FREE's limit");

        for (var i = starters + 1; i <= 5; i++)
        {
            (await client.PostAsJsonAsync("/api/app/lead-questions", Question($"Question {i}"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var sixth = await client.PostAsJsonAsync("/api/app/lead-questions", Question("Question 6"));
        var problem = await sixth.Content.ReadFromJsonAsync<JsonElement>();
        var list = await client.GetFromJsonAsync<List<LeadQuestionDto>>("/api/app/lead-questions", Json);

        sixth.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        sixth.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("feature").GetString().ShouldBe(SmbFeatures.Leads.MaxQuestions);
        problem.GetProperty("limit").GetInt64().ShouldBe(5);
        problem.GetProperty("editions").EnumerateArray().Select(e => e.GetString()).ShouldBe([EditionMatrix.Basic, EditionMatrix.Pro]);
        list!.Count.ShouldBe(5);
    }

    [Fact]
    public async Task A_basic_tenant_has_no_question_limit()
    {
        var owner = await fixture.CreateTenantAsync(EditionMatrix.Basic);
        var client = await fixture.ClientForAsync(owner);

        for (var i = 1; i <= 7; i++)
        {
            (await client.PostAsJsonAsync("/api/app/lead-questions", Question($"Question {i}"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task Another_tenants_question_is_not_found_for_read_update_and_delete()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        var clientA = await fixture.ClientForAsync(a);
        var clientB = await fixture.ClientForAsync(b);
        var created = await (await clientB.PostAsJsonAsync("/api/app/lead-questions", Question("B's question"))).Content.ReadFromJsonAsync<LeadQuestionDto>(Json);

        var read = await clientA.GetAsync(new Uri($"/api/app/lead-questions/{created!.Id}", UriKind.Relative));
        var update = await clientA.PutAsJsonAsync($"/api/app/lead-questions/{created.Id}", Question("hijacked"));
        var delete = await clientA.DeleteAsync(new Uri($"/api/app/lead-questions/{created.Id}", UriKind.Relative));
        var stillThere = await clientB.GetFromJsonAsync<LeadQuestionDto>($"/api/app/lead-questions/{created.Id}", Json);

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        update.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        delete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        stillThere!.Text.ShouldBe("B's question");
    }

    [Fact]
    public async Task Staff_can_read_questions_but_not_change_them()
    {
        var owner = await fixture.CreateTenantAsync();
        var (email, password) = await fixture.AddUserAsync(owner.TenantId, SmbRoles.Staff);
        var staff = await fixture.ClientForAsync(owner.Name, email, password);

        var read = await staff.GetAsync(new Uri("/api/app/lead-questions", UriKind.Relative));
        var create = await staff.PostAsJsonAsync("/api/app/lead-questions", Question("Staff question"));

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_host_admin_has_no_tenant_permissions()
    {
        var client = await fixture.HostAdminClientAsync();

        var response = await client.GetAsync(new Uri("/api/app/lead-questions", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Invalid_input_gets_a_validation_problem_and_nothing_is_stored()
    {
        var owner = await fixture.CreateTenantAsync();
        var client = await fixture.ClientForAsync(owner);
        var before = await client.GetFromJsonAsync<List<LeadQuestionDto>>("/api/app/lead-questions", Json);

        var empty = await client.PostAsJsonAsync("/api/app/lead-questions", Question(""));
        var choiceWithoutOptions = await client.PostAsJsonAsync("/api/app/lead-questions", Question("Pick one") with { Format = LeadQuestionFormat.Choice });
        var problem = await empty.Content.ReadFromJsonAsync<JsonElement>();
        var list = await client.GetFromJsonAsync<List<LeadQuestionDto>>("/api/app/lead-questions", Json);

        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        empty.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("errors").TryGetProperty("Text", out _).ShouldBeTrue();
        choiceWithoutOptions.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        list!.Count.ShouldBe(before!.Count);
    }

    [Fact]
    public async Task Anonymous_callers_are_unauthorized()
    {
        var response = await fixture.Factory.CreateClient().GetAsync(new Uri("/api/app/lead-questions", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static CreateUpdateLeadQuestionDto Question(string text) => new() { Text = text, MapsTo = LeadField.Notes };
}
