using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Identity;
using SmbAgent.TestKit;

namespace SmbAgent.HttpApi.Tests.KnowledgeBase;

/// <summary>Sources over REST, indexed by the host's own job server with the real local embedding model.</summary>
public sealed class KnowledgeSourceApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Sources = "/api/app/knowledge/sources";

    [Fact]
    public async Task An_owner_adds_a_faq_finds_it_by_a_paraphrase_edits_it_and_deletes_it()
    {
        var client = await fixture.ClientForAsync(await fixture.CreateTenantAsync());

        var created = await client.PostAsJsonAsync($"{Sources}/faq", new
        {
            title = "Plumbing FAQ",
            pairs = new[]
            {
                new { question = "Do you offer 24/7 emergency plumbing?", answer = "Yes, a plumber is on call day and night for burst pipes and floods." },
                new { question = "Which payment methods do you accept?", answer = "Cash, cards and bank transfer." },
            },
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var source = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = source.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"{Sources}/{id}");
        source.GetProperty("status").GetString().ShouldBe("Pending");

        var indexed = await WaitUntilIndexedAsync(client, id);
        indexed.GetProperty("source").GetProperty("chunkCount").GetInt32().ShouldBe(2);
        indexed.GetProperty("chunks")[0].GetProperty("title").GetString().ShouldBe("Do you offer 24/7 emergency plumbing?");
        (await client.GetFromJsonAsync<JsonElement>(Sources)).EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ShouldBe([id]);

        var search = await client.GetFromJsonAsync<JsonElement>("/api/app/knowledge/search?q=" + Uri.EscapeDataString("my pipe burst, can you come tonight?"));
        search.GetProperty("found").GetBoolean().ShouldBeTrue();
        search.GetProperty("passages")[0].GetProperty("citation").GetString().ShouldBe("Do you offer 24/7 emergency plumbing?");

        var updated = await client.PutAsJsonAsync($"{Sources}/{id}", new
        {
            title = "Plumbing FAQ",
            text = "Q: Do you install water heaters?\nA: Yes, gas and electric, with a five year warranty.",
        });
        updated.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await WaitUntilIndexedAsync(client, id)).GetProperty("chunks")[0].GetProperty("title").GetString().ShouldBe("Do you install water heaters?");

        (await client.DeleteAsync(new Uri($"{Sources}/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync(new Uri($"{Sources}/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetFromJsonAsync<JsonElement>("/api/app/knowledge/search?q=water%20heater")).GetProperty("passages").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_pdf_is_uploaded_as_a_form_and_indexed()
    {
        var client = await fixture.ClientForAsync(await fixture.CreateTenantAsync());
        using var form = PdfForm(TestPdfs.WithLines("Opening hours", "We are open Monday to Friday from 8 am to 6 pm."), "hours.pdf");

        var response = await client.PostAsync(new Uri($"{Sources}/pdf", UriKind.Relative), form);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var indexed = await WaitUntilIndexedAsync(client, id);
        indexed.GetProperty("source").GetProperty("title").GetString().ShouldBe("hours.pdf");
        indexed.GetProperty("content").GetString()!.ShouldContain("Monday to Friday");
    }

    [Fact]
    public async Task A_damaged_pdf_fails_with_its_reason_and_can_be_retried()
    {
        var client = await fixture.ClientForAsync(await fixture.CreateTenantAsync());
        using var form = PdfForm("%PDF-1.7\nthe rest of the file is missing"u8.ToArray(), "damaged.pdf");

        var id = (await (await client.PostAsync(new Uri($"{Sources}/pdf", UriKind.Relative), form)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var failed = await WaitForStatusAsync(client, id, "Failed");

        failed.GetProperty("source").GetProperty("failureReason").GetString()!.ShouldContain("PDF");
        (await client.PostAsync(new Uri($"{Sources}/{id}/retry", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await WaitForStatusAsync(client, id, "Failed")).GetProperty("source").GetProperty("failureReason").GetString()!.ShouldContain("PDF");
    }

    [Fact]
    public async Task Bad_input_is_a_problem_with_the_field_and_nothing_is_stored()
    {
        var client = await fixture.ClientForAsync(await fixture.CreateTenantAsync());

        var emptyText = await client.PostAsJsonAsync($"{Sources}/text", new { title = "Empty", text = "  " });
        var privateUrl = await client.PostAsJsonAsync($"{Sources}/url", new { url = "http://10.0.0.5/admin" });
        var noFile = await client.PostAsync(new Uri($"{Sources}/pdf", UriKind.Relative), new MultipartFormDataContent { { new StringContent("x"), "title" } });
        using var html = PdfForm("<html>not a pdf</html>"u8.ToArray(), "page.pdf");
        var notAPdf = await client.PostAsync(new Uri($"{Sources}/pdf", UriKind.Relative), html);

        foreach (var response in new[] { emptyText, privateUrl, noFile, notAPdf })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        (await emptyText.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Text", out _).ShouldBeTrue();
        (await client.GetFromJsonAsync<JsonElement>(Sources)).GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("http://[::ffff:0:a9fe:a9fe]/latest/meta-data/")] // IPv4-translated metadata address
    [InlineData("http://[2001:0:a9fe:a9fe::1]/")] // Teredo
    public async Task An_ipv6_form_of_a_special_purpose_address_is_a_problem_and_nothing_is_stored(string url)
    {
        var client = await fixture.ClientForAsync(await fixture.CreateTenantAsync());

        var response = await client.PostAsJsonAsync($"{Sources}/url", new { url });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Url")[0].GetString()!.ShouldContain("not allowed");
        (await client.GetFromJsonAsync<JsonElement>(Sources)).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_pdf_over_the_size_limit_is_refused()
    {
        var client = await fixture.ClientForAsync(await fixture.CreateTenantAsync());
        using var form = PdfForm(new byte[SmbAgent.KnowledgeBase.KnowledgeSourceConsts.MaxPdfBytes + 1], "big.pdf");

        var response = await client.PostAsync(new Uri($"{Sources}/pdf", UriKind.Relative), form);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge);
        (await client.GetFromJsonAsync<JsonElement>(Sources)).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Another_businesss_source_is_not_found_and_staff_may_read_but_not_change()
    {
        var owner = await fixture.CreateTenantAsync();
        var ownerClient = await fixture.ClientForAsync(owner);
        var created = await ownerClient.PostAsJsonAsync($"{Sources}/text", new { title = "Hours", text = "Open every day from 9 to 5." });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var stranger = await fixture.ClientForAsync(await fixture.CreateTenantAsync());
        (await stranger.GetAsync(new Uri($"{Sources}/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.DeleteAsync(new Uri($"{Sources}/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetFromJsonAsync<JsonElement>(Sources)).GetArrayLength().ShouldBe(0);

        var (email, password) = await fixture.AddUserAsync(owner.TenantId, SmbRoles.Staff);
        var staff = await fixture.ClientForAsync(owner.Name, email, password);
        (await staff.GetAsync(new Uri($"{Sources}/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await staff.DeleteAsync(new Uri($"{Sources}/{id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.PostAsJsonAsync($"{Sources}/text", new { title = "Staff", text = "Some text." })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>What the job server was doing, so a timeout on a busy machine says why.</summary>
    private string JobsSummary()
    {
        var monitoring = fixture.Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var failed = monitoring.FailedJobs(0, 5).Select(j => j.Value.ExceptionMessage);
        var scheduled = monitoring.ScheduledJobs(0, 5).Select(j => j.Value.EnqueueAt.ToString("O"));
        return $"enqueued {monitoring.EnqueuedCount("default")}, processing {monitoring.ProcessingCount()}, scheduled {monitoring.ScheduledCount()} "
               + $"[{string.Join("; ", scheduled)}], failed {monitoring.FailedCount()} [{string.Join("; ", failed)}], servers {monitoring.Servers().Count}";
    }

    private static MultipartFormDataContent PdfForm(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private Task<JsonElement> WaitUntilIndexedAsync(HttpClient client, Guid id) => WaitForStatusAsync(client, id, "Indexed");

    /// <summary>Polls until the job server has moved the source to <paramref name="status"/> (after it left it, for a retry).</summary>
    private async Task<JsonElement> WaitForStatusAsync(HttpClient client, Guid id, string status)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        while (true)
        {
            var details = await client.GetFromJsonAsync<JsonElement>($"{Sources}/{id}");
            var current = details.GetProperty("source").GetProperty("status").GetString();
            if (current == status)
            {
                return details;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The source stayed {current} instead of becoming {status}. Jobs: {JobsSummary()}");
            }

            await Task.Delay(200);
        }
    }
}
