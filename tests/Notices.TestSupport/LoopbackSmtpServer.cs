using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Notices.TestSupport;

/// <summary>
/// A real SMTP server (SmtpServer 11.1.0) on 127.0.0.1 and a free port. Its own message store
/// records every message it is handed, by Message-ID, and can answer DATA with any reply
/// after any delay: the evidence the delivery, cluster and year tests count.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer server;
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    private LoopbackSmtpServer(int port, SmtpServer.SmtpServer server)
    {
        Port = port;
        this.server = server;
        running = server.StartAsync(stop.Token);
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Every message handed over at DATA, in arrival order, accepted or not.</summary>
    public ConcurrentQueue<ReceivedMessage> Received { get; } = new();

    /// <summary>Decides the reply to the n-th message (0-based); null accepts it with 250.</summary>
    public Func<int, SmtpResponse?> Answer { get; set; } = _ => null;

    /// <summary>How long the server holds its reply to DATA after it has the message.</summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>Messages accepted (250), duplicates included.</summary>
    public int RawAccepted => Received.Count(m => m.Accepted);

    /// <summary>
    /// The Message-ID (without angle brackets) of every message accepted, in arrival order,
    /// duplicates included.
    /// </summary>
    public IReadOnlyList<string> MessageIds =>
        Received.Where(m => m.Accepted).Select(m => m.MessageId).ToList();

    /// <summary>Distinct Message-IDs accepted.</summary>
    public int DistinctAccepted => MessageIds.Distinct().Count();

    /// <summary>How many times a message with <paramref name="messageId"/> was accepted.</summary>
    public int AcceptedCount(string messageId) =>
        Received.Count(m => m.Accepted && m.MessageId == messageId.Trim('<', '>'));

    /// <summary>
    /// Starts a server; with a certificate it offers STARTTLS; with a user it requires AUTH.
    /// </summary>
    public static async Task<LoopbackSmtpServer> StartAsync(
        X509Certificate2? certificate = null, string? user = null, string? password = null)
    {
        var port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port))
                    .IsSecure(false)
                    .AuthenticationRequired(user is not null)
                    .AllowUnsecureAuthentication(certificate is null);
                if (certificate is not null)
                    endpoint.Certificate(certificate);
            })
            .Build();

        LoopbackSmtpServer? self = null;
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new RecordingStore(() => self!));
        if (user is not null)
            services.Add(new DelegatingUserAuthenticator((u, p) => u == user && p == password));

        self = new LoopbackSmtpServer(port, new SmtpServer.SmtpServer(options, services));
        await self.WaitUntilListeningAsync();
        return self;
    }

    /// <inheritdoc />
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

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"the loopback SMTP server did not listen on {Port}");
    }

    private sealed class RecordingStore(Func<LoopbackSmtpServer> owner) : MessageStore
    {
        private int arrivals = -1;

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context,
            IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            var server = owner();
            var index = Interlocked.Increment(ref arrivals);
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var answer = server.Answer(index);
            var code = answer is null ? 250 : (int)answer.ReplyCode;

            // Recorded before the reply is held back, as a real server commits a message and
            // then answers: a client killed during the delay never hears the 250.
            server.Received.Enqueue(new ReceivedMessage(
                message.MessageId ?? "", code == 250, code, message, context.Authentication.User));
            if (server.ReplyDelay > TimeSpan.Zero)
                await Task.Delay(server.ReplyDelay, cancellationToken);
            return answer ?? SmtpResponse.Ok;
        }
    }
}
