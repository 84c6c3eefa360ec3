namespace Notices.Cli.Tests.Support;

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
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"{Variable} is not set: no PostgreSQL server for this test";
    }
}
