using Xunit;

namespace Notices.TestSupport;

/// <summary>
/// A test that needs a PostgreSQL server: NOTICES_TEST_POSTGRES holds a connection string whose
/// role may create databases (<c>./run test</c> starts the server and sets it). Skipped, saying
/// so, without it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>The environment variable with the server's connection string.</summary>
    public const string Variable = "NOTICES_TEST_POSTGRES";

    /// <summary>Skips the test when the variable is absent.</summary>
    public PostgresFactAttribute() => Skip = SkipReason;

    /// <summary>The server's connection string, or null when none is configured.</summary>
    public static string? Server =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : null;

    /// <summary>Why a PostgreSQL test does not run here, or null when it does.</summary>
    public static string? SkipReason =>
        Server is null ? $"{Variable} is not set: no PostgreSQL server for this test" : null;
}
