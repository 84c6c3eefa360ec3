using System.CommandLine;
using System.Text;
using Notices.Cli;
using Notices.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand(
    "Notices: scores street offices against the year's assessment scheme and issues the bulletins.");
root.Options.Add(CliContext.ConfigOption);
root.Options.Add(CliContext.SchemeOption);
root.Options.Add(CliContext.StoreOption);

// One line a command; each command's file builds its own options.
root.Subcommands.Add(EvidenceCommand.Create());
root.Subcommands.Add(ScoreCommand.Create());
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(SendCommand.Create());
root.Subcommands.Add(OutboxCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(RenderCommand.Create());

// A stop (SIGTERM from systemd) lets the running node finish: the scheduler's shutdown waits
// up to Schedule:ShutdownTimeout (10 min), so the process must not be ended sooner.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(11) };
return await root.Parse(args).InvokeAsync(invocation);
