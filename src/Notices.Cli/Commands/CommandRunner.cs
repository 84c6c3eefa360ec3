using System.CommandLine;
using Microsoft.Extensions.Logging;
using Notices.Core;

namespace Notices.Cli.Commands;

/// <summary>
/// Runs a command's body with a <see cref="CliContext"/>, and turns input problems into
/// <c>file:line: column: message</c> lines on stderr with exit code 1.
/// </summary>
internal static class CommandRunner
{
    public const int Ok = 0;
    public const int InputProblem = 1;
    public const int Refused = 3;

    public static void SetRun(this Command command, Func<CliContext, ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (result, cancellationToken) =>
        {
            using var context = CliContext.Create(result, Console.Out, Console.Error);
            try
            {
                return await body(context, result, cancellationToken);
            }
            catch (ProblemException e)
            {
                foreach (var problem in e.Problems)
                    await context.Error.WriteLineAsync(problem.ToString());
                await context.Error.WriteLineAsync(e.Problems.Count == 1
                    ? "1 problem; nothing was changed."
                    : $"{e.Problems.Count} problems; nothing was changed.");
                return InputProblem;
            }
            catch (NoticesRefusedException e)
            {
                await context.Error.WriteLineAsync(e.Message);
                return Refused;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Loggers.CreateLogger("notices").LogWarning("Cancelled");
                return 130;
            }
        });
}
