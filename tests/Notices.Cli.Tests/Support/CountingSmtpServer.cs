using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Notices.Cli.Tests.Support;

/// <summary>
/// A real SMTP server (SmtpServer 11.1.0) on 127.0.0.1 and a free port that accepts every
/// message and records its Message-ID, duplicates included: what the cluster test counts.
/// </summary>
internal sealed class CountingSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer server;
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    private CountingSmtpServer(int port, Func<CountingSmtpServer> self)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new RecordingStore(self));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; }

    /// <summary>The Message-ID of every message accepted, in arrival order, without angle brackets.</summary>
    public ConcurrentQueue<string> MessageIds { get; } = new();

    public static async Task<CountingSmtpServer> StartAsync()
    {
        CountingSmtpServer? created = null;
        created = new CountingSmtpServer(FreePort(), () => created!);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, created.Port);
                return created;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"the loopback SMTP server did not listen on {created.Port}");
    }

    public async ValueTask DisposeAsync()
    {
        server.Shutdown();
        await stop.CancelAsync();
        try
        {
            await running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // Stopping is all that is asked here.
        }
        stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class RecordingStore(Func<CountingSmtpServer> owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context,
            IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner().MessageIds.Enqueue(message.MessageId ?? "");
            return SmtpResponse.Ok;
        }
    }
}
