using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace SmbAgent.BackgroundJobs;

/// <summary>
/// Hangfire's logging through the host's <see cref="ILoggerFactory"/>. Hangfire keeps one provider for the whole
/// process, set by the last host that configured it; with several hosts in one process (the tests), a host that
/// outlives that one would get <see cref="ObjectDisposedException"/> from every Hangfire object it builds — a job
/// client, so a page that queues work answered 500. A logger asked of a disposed host is silent instead.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
