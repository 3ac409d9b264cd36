using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace SmbAgent.TestKit.Stubs;

/// <summary>A message the SMTP stub accepted: the envelope and the DATA as sent, with dot-stuffing undone.</summary>
public sealed record SmtpStubMessage(string From, IReadOnlyList<string> Recipients, string Data)
{
    public MimeMessage Parse()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Data));
        return MimeMessage.Load(stream);
    }
}

/// <summary>
/// A local SMTP server on a free loopback port that speaks the protocol for real (RFC 5321: greeting, EHLO/HELO,
/// MAIL FROM, RCPT TO, DATA with dot-stuffing, RSET, NOOP, QUIT) and records what it accepted. No TLS, no AUTH:
/// a client configured for this stub sends in plain text. <see cref="FailNext"/> simulates a relay outage with
/// transient replies: 421 at the greeting (the connection is closed) or 451 after the message data (nothing kept).
/// </summary>
public sealed class SmtpStubServer : IAsyncDisposable
{
    private const string Domain = "smtp-stub.test";

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<SmtpStubMessage> _messages = new();
    private readonly ConcurrentQueue<int> _failures = new();
    private readonly ConcurrentBag<Task> _sessions = [];
    private readonly Task _accepting;
    private int _failedAttempts;

    private SmtpStubServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>The accepted messages, in order.</summary>
    public IReadOnlyList<SmtpStubMessage> Messages => [.. _messages];

    /// <summary>How many messages or connections were answered with a queued failure.</summary>
    public int FailedAttempts => Volatile.Read(ref _failedAttempts);

    public static SmtpStubServer Start() => new();

    /// <summary>The <c>Email</c> configuration section for a client of this stub.</summary>
    public Dictionary<string, string?> ClientSettings() => new()
    {
        ["Email:Smtp:Host"] = IPAddress.Loopback.ToString(),
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:UseStartTls"] = "false",
        ["Email:FromAddress"] = "no-reply@smbagent.test",
    };

    /// <summary>
    /// The next <paramref name="count"/> attempts fail with <paramref name="code"/>: 421 refuses the connection at
    /// the greeting; any other code (451, 452, 554…) answers the end of the message data and keeps nothing.
    /// </summary>
    public void FailNext(int count, int code = 451)
    {
        for (var i = 0; i < count; i++)
        {
            _failures.Enqueue(code);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_sessions);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _sessions.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using var stream = client.GetStream();
                await new Session(this, stream).RunAsync(_stopping.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or the stub is stopping: the session simply ends.
            }
        }
    }

    private bool TryTakeFailure(Func<int, bool> applies, out int code)
    {
        if (_failures.TryPeek(out code) && applies(code) && _failures.TryDequeue(out code))
        {
            Interlocked.Increment(ref _failedAttempts);
            return true;
        }

        return false;
    }

    private sealed class Session(SmtpStubServer server, NetworkStream stream)
    {
        private readonly LineReader _reader = new(stream);
        private string? _from;
        private readonly List<string> _recipients = [];
        private bool _greeted;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            if (server.TryTakeFailure(code => code == 421, out _))
            {
                await ReplyAsync("421 4.3.2 " + Domain + " Service not available, closing transmission channel", cancellationToken);
                return;
            }

            await ReplyAsync("220 " + Domain + " ESMTP stub ready", cancellationToken);
            while (await _reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var (verb, argument) = Split(line);
                switch (verb)
                {
                    case "EHLO":
                        Reset();
                        _greeted = true;
                        await ReplyAsync($"250-{Domain} greets {argument}\r\n250-8BITMIME\r\n250-ENHANCEDSTATUSCODES\r\n250 SIZE 10485760", cancellationToken);
                        break;
                    case "HELO":
                        Reset();
                        _greeted = true;
                        await ReplyAsync($"250 {Domain}", cancellationToken);
                        break;
                    case "MAIL" when !_greeted:
                        await ReplyAsync("503 5.5.1 Send EHLO or HELO first", cancellationToken);
                        break;
                    case "MAIL" when _from is not null:
                        await ReplyAsync("503 5.5.1 Sender already given", cancellationToken);
                        break;
                    case "MAIL" when Address(argument, "FROM:") is { } from:
                        _from = from;
                        await ReplyAsync("250 2.1.0 Sender OK", cancellationToken);
                        break;
                    case "RCPT" when _from is null:
                        await ReplyAsync("503 5.5.1 Need MAIL before RCPT", cancellationToken);
                        break;
                    case "RCPT" when Address(argument, "TO:") is { Length: > 0 } to:
                        _recipients.Add(to);
                        await ReplyAsync("250 2.1.5 Recipient OK", cancellationToken);
                        break;
                    case "MAIL" or "RCPT":
                        await ReplyAsync("501 5.5.4 Syntax error in parameters or arguments", cancellationToken);
                        break;
                    case "DATA" when _recipients.Count == 0:
                        await ReplyAsync("503 5.5.1 Need RCPT before DATA", cancellationToken);
                        break;
                    case "DATA":
                        await ReceiveDataAsync(cancellationToken);
                        break;
                    case "RSET":
                        Reset();
                        await ReplyAsync("250 2.0.0 OK", cancellationToken);
                        break;
                    case "NOOP":
                        await ReplyAsync("250 2.0.0 OK", cancellationToken);
                        break;
                    case "QUIT":
                        await ReplyAsync("221 2.0.0 Bye", cancellationToken);
                        return;
                    default:
                        await ReplyAsync("502 5.5.2 Command not implemented", cancellationToken);
                        break;
                }
            }
        }

        private async Task ReceiveDataAsync(CancellationToken cancellationToken)
        {
            await ReplyAsync("354 Start mail input; end with <CRLF>.<CRLF>", cancellationToken);
            var data = new StringBuilder();
            while (await _reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line == ".")
                {
                    if (server.TryTakeFailure(code => code != 421, out var code))
                    {
                        await ReplyAsync($"{code} 4.3.0 Requested action aborted: local error in processing", cancellationToken);
                    }
                    else
                    {
                        server._messages.Enqueue(new SmtpStubMessage(_from!, [.. _recipients], data.ToString()));
                        await ReplyAsync("250 2.0.0 Message accepted", cancellationToken);
                    }

                    Reset();
                    return;
                }

                // Dot-stuffing (RFC 5321 4.5.2): the client doubled a leading dot.
                data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
            }
        }

        private void Reset()
        {
            _from = null;
            _recipients.Clear();
        }

        private async Task ReplyAsync(string reply, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }

        private static (string Verb, string Argument) Split(string line)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            return space < 0 ? (line.ToUpperInvariant(), string.Empty) : (line[..space].ToUpperInvariant(), line[(space + 1)..].Trim());
        }

        /// <summary>The address in <c>FROM:&lt;a@b&gt; BODY=8BITMIME</c>; empty for the null sender; null when malformed.</summary>
        private static string? Address(string argument, string prefix)
        {
            if (!argument.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var path = argument[prefix.Length..].TrimStart();
            var end = path.IndexOf('>', StringComparison.Ordinal);
            return path.StartsWith('<') && end > 0 ? path[1..end] : null;
        }
    }

    /// <summary>Reads CRLF-terminated lines as UTF-8 (8BITMIME is offered), keeping what follows a line for the next read: a pipelining client sends several commands at once.</summary>
    private sealed class LineReader(NetworkStream stream)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new MemoryStream();
            while (true)
            {
                if (_start == _end)
                {
                    _start = 0;
                    _end = await stream.ReadAsync(_buffer, cancellationToken);
                    if (_end == 0)
                    {
                        return null;
                    }
                }

                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline < 0)
                {
                    line.Write(_buffer, _start, _end - _start);
                    _start = _end;
                    continue;
                }

                line.Write(_buffer, _start, newline - _start);
                _start = newline + 1;
                var bytes = line.ToArray();
                var length = bytes.Length > 0 && bytes[^1] == '\r' ? bytes.Length - 1 : bytes.Length;
                return Encoding.UTF8.GetString(bytes, 0, length);
            }
        }
    }
}
