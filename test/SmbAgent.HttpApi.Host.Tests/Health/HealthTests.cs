using System.Net;
using System.Text.Json;

namespace SmbAgent.HttpApi.Tests.Health;

public sealed class HealthTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Health_reports_database_redis_and_the_job_server()
    {
        var client = fixture.Factory.CreateClient();
        JsonElement body = default;
        HttpStatusCode status = default;

        // The job server's first heartbeat lands shortly after start.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            status = response.StatusCode;
            body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (body.GetProperty("status").GetString() == "Healthy")
            {
                break;
            }

            await Task.Delay(200);
        }

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        var entries = body.GetProperty("entries");
        entries.GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        entries.GetProperty("redis").GetProperty("status").GetString().ShouldBe("Healthy");
        entries.GetProperty("jobs").GetProperty("status").GetString().ShouldBe("Healthy");
    }
}
