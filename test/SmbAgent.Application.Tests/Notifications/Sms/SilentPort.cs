using System.Net;
using System.Net.Sockets;

namespace SmbAgent.Application.Tests.Notifications.Sms;

/// <summary>
/// A loopback port where a TCP connect neither succeeds nor fails, like a host behind a silent firewall: a listener
/// that never accepts, its accept queue filled until the kernel drops further SYNs.
/// </summary>
public sealed class SilentPort : IDisposable
{
    private readonly Socket listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> fillers = [];

    private SilentPort()
    {
    }

    public int Port => ((IPEndPoint)listener.LocalEndPoint!).Port;

    public static async Task<SilentPort> OpenAsync()
    {
        var silent = new SilentPort();
        silent.listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        silent.listener.Listen(0);
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            silent.fillers.Add(filler);
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            try
            {
                await filler.ConnectAsync(new IPEndPoint(IPAddress.Loopback, silent.Port), wait.Token);
            }
            catch (OperationCanceledException)
            {
                return silent;
            }
        }

        silent.Dispose();
        throw new InvalidOperationException("The accept queue never filled: this kernel answers connects beyond the backlog.");
    }

    public void Dispose()
    {
        foreach (var filler in fillers)
        {
            filler.Dispose();
        }

        listener.Dispose();
    }
}
