using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Notices.Core.Storage;

namespace Notices.Delivery;

/// <summary>
/// The outbox: every message Notices has to send, in the store, with its state. A message
/// gets its Message-ID when it is queued and keeps it on every retry; a bulletin is queued at
/// most once per recipient (a UNIQUE constraint), so queueing again sends nothing twice.
/// A sender claims a row (queued to sending) before it talks to the server, so two senders
/// never send the same row; a claim that outlives its timeout is taken to be a dead sender's.
/// The SQL runs on SQLite and PostgreSQL.
/// </summary>
public sealed class Outbox
{
    private const string Columns =
        "id, message_id, bulletin, recipient, recipient_name, subject, body, attachments, state, "
        + "attempts, next_attempt_at, last_reply, created_at, updated_at, sent_at";

    // A due row: queued and its time has come, or claimed by a sender whose claim has run out.
    private const string Due =
        "((state = 'queued' AND next_attempt_at <= @now) OR (state = 'sending' AND claimed_until < @now))";

    private readonly Database database;
    private readonly TimeProvider time;
    private bool ensured;

    /// <summary>An outbox in <paramref name="database"/>, telling time by <paramref name="time"/>.</summary>
    public Outbox(Database database, TimeProvider time)
    {
        this.database = database;
        this.time = time;
    }

    /// <summary>Creates the outbox table if it is not there yet.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (ensured)
            return;

        // Times are stored as fixed-width UTC text (see Stamp) so they compare as text on both
        // databases and read back the same.
        await database.EnsureAsync(
            $"""
            CREATE TABLE IF NOT EXISTS outbox (
                id {database.KeyColumn},
                message_id TEXT NOT NULL UNIQUE,
                bulletin TEXT NOT NULL,
                recipient TEXT NOT NULL,
                recipient_name TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                attachments TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at TEXT NOT NULL,
                claimed_until TEXT NULL,
                last_reply TEXT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                sent_at TEXT NULL,
                CONSTRAINT outbox_once_per_recipient UNIQUE (bulletin, recipient));
            CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at)
            """,
            cancellationToken);
        ensured = true;
    }

    /// <summary>
    /// Queues <paramref name="message"/> with a new Message-ID in <paramref name="messageIdDomain"/>,
    /// unless its bulletin is already queued for that recipient.
    /// </summary>
    /// <returns>The row, and true when it was queued now; false when it was there already.</returns>
    public async Task<(OutboxMessage Message, bool Queued)> EnqueueAsync(
        NewMessage message, string messageIdDomain, CancellationToken cancellationToken = default) =>
        (await EnqueueAllAsync([message], messageIdDomain, cancellationToken))[0];

    /// <summary>
    /// Queues every one of <paramref name="messages"/> as <see cref="EnqueueAsync"/> does, in one
    /// transaction: all are queued or none, and a bulletin's hundred recipients cost one commit,
    /// not a hundred.
    /// </summary>
    /// <returns>Each message's row, in the order given, and true when it was queued now.</returns>
    public async Task<IReadOnlyList<(OutboxMessage Message, bool Queued)>> EnqueueAllAsync(
        IReadOnlyList<NewMessage> messages, string messageIdDomain, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        var now = Stamp(time.GetUtcNow());
        var results = new List<(OutboxMessage, bool)>(messages.Count);

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var message in messages)
        {
            await using var insert = Command(
                connection,
                """
                INSERT INTO outbox (message_id, bulletin, recipient, recipient_name, subject, body,
                    attachments, state, attempts, next_attempt_at, created_at, updated_at)
                VALUES (@message_id, @bulletin, @recipient, @recipient_name, @subject, @body,
                    @attachments, 'queued', 0, @now, @now, @now)
                ON CONFLICT (bulletin, recipient) DO NOTHING
                """,
                ("message_id", $"<{Guid.NewGuid():N}@{messageIdDomain}>"),
                ("bulletin", message.Bulletin.ToString()),
                ("recipient", message.Recipient),
                ("recipient_name", message.RecipientName),
                ("subject", message.Subject),
                ("body", message.Body),
                ("attachments", JsonSerializer.Serialize(message.Attachments)),
                ("now", now));
            insert.Transaction = transaction;
            var queued = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;

            await using var select = Command(
                connection,
                $"SELECT {Columns} FROM outbox WHERE bulletin = @bulletin AND recipient = @recipient",
                ("bulletin", message.Bulletin.ToString()),
                ("recipient", message.Recipient));
            select.Transaction = transaction;
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            results.Add((Read(reader), queued));
        }
        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    /// <summary>Every message, oldest first; only <paramref name="bulletin"/>'s when given.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(
        BulletinKey? bulletin = null, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        return bulletin is null
            ? await QueryAsync(connection, $"SELECT {Columns} FROM outbox ORDER BY id", cancellationToken)
            : await QueryAsync(
                connection,
                $"SELECT {Columns} FROM outbox WHERE bulletin = @bulletin ORDER BY id",
                cancellationToken,
                ("bulletin", bulletin.ToString()));
    }

    /// <summary>The message with <paramref name="key"/>, or null.</summary>
    public async Task<OutboxMessage?> FindAsync(long key, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await QueryAsync(
            connection, $"SELECT {Columns} FROM outbox WHERE id = @id", cancellationToken, ("id", key));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// The messages a sender may take now: queued ones whose time has come, and ones left in
    /// sending by a sender whose claim ran out (it died mid-send).
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> DueAsync(
        BulletinKey? bulletin = null, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        var now = Stamp(time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        return bulletin is null
            ? await QueryAsync(
                connection,
                $"SELECT {Columns} FROM outbox WHERE {Due} ORDER BY id",
                cancellationToken,
                ("now", now))
            : await QueryAsync(
                connection,
                $"SELECT {Columns} FROM outbox WHERE bulletin = @bulletin AND {Due} ORDER BY id",
                cancellationToken,
                ("now", now),
                ("bulletin", bulletin.ToString()));
    }

    /// <summary>
    /// Claims a due message for this sender until <paramref name="claimTimeout"/> has passed,
    /// counting an attempt. False when it is not due any more (another sender took it).
    /// </summary>
    public async Task<bool> ClaimAsync(
        long key, TimeSpan claimTimeout, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return await UpdateAsync(
            $"""
            UPDATE outbox SET state = 'sending', attempts = attempts + 1,
                claimed_until = @until, updated_at = @now
            WHERE id = @id AND {Due}
            """,
            cancellationToken,
            ("id", key),
            ("now", Stamp(now)),
            ("until", Stamp(now + claimTimeout)));
    }

    /// <summary>Marks a claimed message sent, with the server's reply.</summary>
    public Task<bool> MarkSentAsync(long key, string reply, CancellationToken cancellationToken = default)
    {
        var now = Stamp(time.GetUtcNow());
        return UpdateAsync(
            """
            UPDATE outbox SET state = 'sent', last_reply = @reply, claimed_until = NULL,
                sent_at = @now, updated_at = @now
            WHERE id = @id AND state = 'sending'
            """,
            cancellationToken,
            ("id", key),
            ("reply", reply),
            ("now", now));
    }

    /// <summary>Puts a claimed message back in the queue, to be tried at <paramref name="nextAttempt"/>.</summary>
    public Task<bool> DeferAsync(
        long key, string reply, DateTimeOffset nextAttempt, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            """
            UPDATE outbox SET state = 'queued', last_reply = @reply, claimed_until = NULL,
                next_attempt_at = @next, updated_at = @now
            WHERE id = @id AND state = 'sending'
            """,
            cancellationToken,
            ("id", key),
            ("reply", reply),
            ("next", Stamp(nextAttempt)),
            ("now", Stamp(time.GetUtcNow())));

    /// <summary>Marks a claimed message failed for good, with the reason.</summary>
    public Task<bool> MarkFailedAsync(long key, string reply, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            """
            UPDATE outbox SET state = 'failed', last_reply = @reply, claimed_until = NULL,
                updated_at = @now
            WHERE id = @id AND state = 'sending'
            """,
            cancellationToken,
            ("id", key),
            ("reply", reply),
            ("now", Stamp(time.GetUtcNow())));

    /// <summary>
    /// Gives a claimed message back untried (the sender was stopped before it spoke to the
    /// server): queued, due now, the attempt not counted.
    /// </summary>
    public Task<bool> ReleaseAsync(long key, CancellationToken cancellationToken = default)
    {
        var now = Stamp(time.GetUtcNow());
        return UpdateAsync(
            """
            UPDATE outbox SET state = 'queued', attempts = attempts - 1, claimed_until = NULL,
                next_attempt_at = @now, updated_at = @now
            WHERE id = @id AND state = 'sending'
            """,
            cancellationToken,
            ("id", key),
            ("now", now));
    }

    /// <summary>
    /// Requeues a failed message (after the address or the server was put right), due now with
    /// a fresh count of attempts and the same Message-ID. False when it is not failed.
    /// </summary>
    public Task<bool> RetryAsync(long key, CancellationToken cancellationToken = default)
    {
        var now = Stamp(time.GetUtcNow());
        return UpdateAsync(
            """
            UPDATE outbox SET state = 'queued', attempts = 0, next_attempt_at = @now, updated_at = @now
            WHERE id = @id AND state = 'failed'
            """,
            cancellationToken,
            ("id", key),
            ("now", now));
    }

    /// <summary>UTC, fixed width, so that text order is time order.</summary>
    private static string Stamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseStamp(string value) =>
        DateTimeOffset.ParseExact(
            value,
            "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private async Task<bool> UpdateAsync(
        string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await EnsureAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static DbCommand Command(
        DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task<IReadOnlyList<OutboxMessage>> QueryAsync(
        DbConnection connection,
        string sql,
        CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(Read(reader));
        return rows;
    }

    private static OutboxMessage Read(DbDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

        return new OutboxMessage(
            Key: Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
            MessageId: reader.GetString(1),
            Bulletin: BulletinKey.Parse(reader.GetString(2)),
            Recipient: reader.GetString(3),
            RecipientName: reader.GetString(4),
            Subject: reader.GetString(5),
            Body: reader.GetString(6),
            Attachments: JsonSerializer.Deserialize<List<MailAttachment>>(reader.GetString(7)) ?? [],
            State: Enum.Parse<OutboxState>(reader.GetString(8), ignoreCase: true),
            Attempts: Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture),
            NextAttemptAt: ParseStamp(reader.GetString(10)),
            LastReply: Text(11),
            CreatedAt: ParseStamp(reader.GetString(12)),
            UpdatedAt: ParseStamp(reader.GetString(13)),
            SentAt: Text(14) is { } sent ? ParseStamp(sent) : null);
    }
}
