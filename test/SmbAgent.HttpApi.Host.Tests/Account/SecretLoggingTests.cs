using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmbAgent.TestKit;

namespace SmbAgent.HttpApi.Tests.Account;

/// <summary>The product we replace logged passwords. With every category at Trace, neither passwords nor tokens reach a log.</summary>
public sealed class SecretLoggingTests : IAsyncLifetime, IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private ApiFixture _fixture = null!;

    public async Task InitializeAsync()
    {
        _fixture = new ApiFixture
        {
            Overrides = { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft"] = "Trace" },
            TestServices = services => services.AddSingleton<ILoggerProvider>(_logs),
        };
        await _fixture.InitializeAsync();
    }

    public Task DisposeAsync() => _fixture.DisposeAsync();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task Passwords_and_tokens_never_reach_the_logs()
    {
        var owner = await _fixture.CreateTenantAsync();
        var client = _fixture.Factory.CreateClient();

        await client.PostAsJsonAsync("/api/account/token", new { business = owner.Name, userName = owner.Email, password = "Wrong-but-secret-1" });
        var response = await client.PostAsJsonAsync("/api/account/token", new { business = owner.Name, userName = owner.Email, password = owner.Password });
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await client.GetAsync(new Uri("/api/app/lead-questions", UriKind.Relative));

        _logs.Messages.ShouldNotBeEmpty();
        _logs.Messages.ShouldNotContain(m => m.Contains(owner.Password, StringComparison.Ordinal));
        _logs.Messages.ShouldNotContain(m => m.Contains("Wrong-but-secret-1", StringComparison.Ordinal));
        _logs.Messages.ShouldNotContain(m => m.Contains(token, StringComparison.Ordinal));
        _logs.Messages.ShouldNotContain(m => m.Contains(TestSettings.HostAdminPassword, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(Messages);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}
