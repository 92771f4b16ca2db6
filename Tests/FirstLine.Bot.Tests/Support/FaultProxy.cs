using System.Net;
using System.Net.Sockets;

namespace FirstLine.Bot.Tests.Support;

/// <summary>
/// A loopback TCP proxy in front of a real server (Dovecot, Postfix …) that a test breaks on purpose, without touching
/// the server itself, which other tests share: it can be <see cref="GoDown">down</see> (nothing listens, connections
/// are refused), <see cref="RefuseConnections">refuse</see> (accepts, then resets at once), or cut a connection
/// after the server sent some bytes or just before a marker (<see cref="CutOnce"/>).
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly IPEndPoint server;
    private readonly List<Link> links = [];
    private readonly CancellationTokenSource stopping = new();
    private TcpListener? listener;
    private bool refusing;
    private (CutRule Rule, TaskCompletionSource Done)? armed;

    private FaultProxy(IPEndPoint server, int port)
    {
        this.server = server;
        Port = port;
    }

    /// <summary>The loopback port to point the client at.</summary>
    public int Port { get; }

    /// <summary>Connections accepted and forwarded so far.</summary>
    public int Forwarded { get; private set; }

    /// <summary>Starts forwarding 127.0.0.1:<see cref="Port"/> (a free port) to <paramref name="host"/>:<paramref name="port"/>.</summary>
    public static FaultProxy Start(string host, int port)
    {
        var target = new IPEndPoint(IPAddress.Parse(host), port);
        var proxy = new FaultProxy(target, FirstLineServer.FindFreePort());
        proxy.ComeBack();
        return proxy;
    }

    /// <summary>Stops listening and cuts every open connection: the server is gone, as if stopped.</summary>
    public void GoDown()
    {
        lock (gate)
        {
            listener?.Stop();
            listener = null;
            foreach (var link in links)
            {
                link.Abort();
            }

            links.Clear();
        }
    }

    /// <summary>Listens again on the same port and forwards as before.</summary>
    public void ComeBack()
    {
        lock (gate)
        {
            if (listener is not null)
            {
                return;
            }

            var started = new TcpListener(IPAddress.Loopback, Port);
            started.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            started.Start();
            listener = started;
            _ = AcceptAsync(started);
        }
    }

    /// <summary>While true, every new connection is accepted and reset at once, before the server could greet.</summary>
    public void RefuseConnections(bool refuse)
    {
        lock (gate)
        {
            refusing = refuse;
        }
    }

    /// <summary>
    /// The first connection (opened from now on) on which <paramref name="rule"/> fires is cut, reset both ways; the
    /// bytes before that point still reach the client. Later connections are forwarded untouched. The task completes
    /// when the cut happened.
    /// </summary>
    public Task CutOnce(CutRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            armed = (rule, done);
        }

        return done.Task;
    }

    public ValueTask DisposeAsync()
    {
        stopping.Cancel();
        GoDown();
        stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listening)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listening.AcceptSocketAsync(stopping.Token);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return; // GoDown or DisposeAsync stopped this listener.
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        (CutRule Rule, TaskCompletionSource Done)? cut;
        lock (gate)
        {
            if (refusing || listener is null)
            {
                Link.Reset(client);
                return;
            }

            cut = armed;
        }

        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await upstream.ConnectAsync(server, stopping.Token);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            Link.Reset(client);
            upstream.Dispose();
            return;
        }

        var link = new Link(client, upstream);
        lock (gate)
        {
            links.Add(link);
            Forwarded++;
        }

        await link.RunAsync(cut is { } rule ? new Cut(rule.Rule.NewWatch(), () => Fired(rule.Done)) : null);
        lock (gate)
        {
            links.Remove(link);
        }
    }

    /// <summary>Disarms the rule that just fired (unless another was armed meanwhile); false when another link fired it first.</summary>
    private bool Fired(TaskCompletionSource done)
    {
        lock (gate)
        {
            if (done.Task.IsCompleted)
            {
                return false;
            }

            if (armed?.Done == done)
            {
                armed = null;
            }

            done.SetResult();
            return true;
        }
    }

    /// <summary>A rule watching one link, and what to do when it fires (false: another link was cut instead).</summary>
    private sealed record Cut(CutRule.Watch Watch, Func<bool> Fire);

    /// <summary>One client connection and its connection to the server.</summary>
    private sealed class Link(Socket client, Socket upstream)
    {
        public static void Reset(Socket socket)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
            catch (ObjectDisposedException)
            {
                // Closed already.
            }
        }

        public void Abort()
        {
            Reset(client);
            Reset(upstream);
        }

        public async Task RunAsync(Cut? cut)
        {
            var up = PumpAsync(client, upstream, null);
            var down = PumpAsync(upstream, client, cut);
            await Task.WhenAny(up, down);
            Abort();
            await Task.WhenAll(up, down);
        }

        private async Task PumpAsync(Socket from, Socket to, Cut? cut)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                    if (read == 0)
                    {
                        return;
                    }

                    if (cut?.Watch.CutAt(buffer.AsSpan(0, read)) is { } forward && cut.Fire())
                    {
                        await SendAllAsync(to, buffer.AsMemory(0, forward));
                        Abort();
                        return;
                    }

                    await SendAllAsync(to, buffer.AsMemory(0, read));
                }
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // The other side went away or the proxy cut the link: this direction is over too.
            }
        }

        private static async Task SendAllAsync(Socket to, ReadOnlyMemory<byte> data)
        {
            while (!data.IsEmpty)
            {
                data = data[await to.SendAsync(data, SocketFlags.None)..];
            }
        }
    }
}
