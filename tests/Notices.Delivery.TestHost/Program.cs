using System.Globalization;
using Notices.Core.Storage;
using Notices.Delivery;
using Notices.Delivery.Sending;

// Usage: Notices.Delivery.TestHost <store.db> <host|-> <port> <claim-timeout-ms> <pickup-folder> [user]
// Sends until every message of the outbox is sent or failed, printing one line per outcome.
// The password, when a user is given, comes from NOTICES__Smtp__Password as in production.
var store = args[0];
var settings = new SmtpSettings
{
    Host = args[1] == "-" ? null : args[1],
    Port = int.Parse(args[2], CultureInfo.InvariantCulture),
    Security = SmtpSecurity.None,
    ClaimTimeout = TimeSpan.FromMilliseconds(int.Parse(args[3], CultureInfo.InvariantCulture)),
    PickupFolder = args[4],
    User = args.Length > 5 ? args[5] : null,
};

var outbox = new Outbox(Database.Sqlite(store), TimeProvider.System);
var sender = new MailSender(outbox, settings, TimeProvider.System);
Console.WriteLine($"started {Environment.ProcessId}");

while (true)
{
    foreach (var outcome in await sender.SendDueAsync())
        Console.WriteLine($"{outcome.Key} {outcome.Result} {outcome.MessageId} {outcome.Reply}");

    var rows = await outbox.ListAsync();
    if (rows.All(r => r.State is OutboxState.Sent or OutboxState.Failed))
        break;

    // Rows a killed sender left in sending become due when their claim runs out.
    await Task.Delay(100);
}
Console.WriteLine("done");
