namespace SmbAgent.TestKit;

/// <summary>Configuration every test host and service provider gets: its own database, a private cache prefix, fast jobs.</summary>
public static class TestSettings
{
    public const string HostAdminEmail = "admin@smbagent.test";

    public static readonly string HostAdminPassword = $"Host-{Guid.NewGuid():N}A1";

    public static Dictionary<string, string?> For(TestDatabase database, string? redisConnectionString = null) => new()
    {
        ["ConnectionStrings:SmbAgent"] = database.AppConnectionString,
        ["ConnectionStrings:SmbAgentOwner"] = database.OwnerConnectionString,
        ["ConnectionStrings:Redis"] = redisConnectionString ?? TestEnvironment.RedisConnectionString,
        ["Cache:InstanceName"] = $"test-{database.Name}:",
        ["Jobs:PollIntervalSeconds"] = "0.5",
        ["Jobs:WorkerCount"] = "2",
        ["Seed:HostAdmin:Email"] = HostAdminEmail,
        ["Seed:HostAdmin:Password"] = HostAdminPassword,
        ["Email:PickupDirectory"] = database.MailDirectory,
        ["Logging:LogLevel:Default"] = "Warning",
        // Every test client shares one address; the sign-in rate-limit tests set their own low limit.
        ["RateLimits:SignInPerMinute"] = "1000",
        // The example vectors are embedded on a process's first turn, by the one local embedding service every test
        // process shares: under a full run that outlasts the 2 s product budget, and the check would quietly find
        // nothing. The budget itself is tested with short timeouts set by its own tests.
        ["Conversations:Emergencies:SimilarityTimeout"] = "00:00:30",
        // The test server's requests are for localhost; outside Development a host answers only to its public name.
        ["PublicUrls:Admin"] = "http://localhost",
        ["PublicUrls:Api"] = "http://localhost",
    };
}
