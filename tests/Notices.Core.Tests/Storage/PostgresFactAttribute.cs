namespace Notices.Core.Tests.Storage;

/// <summary>
/// A test that needs a PostgreSQL server: runs when NOTICES_TEST_POSTGRES holds a connection
/// string (e.g. "Host=127.0.0.1;Username=notices;Password=notices;Database=notices"), and is
/// reported as skipped otherwise, so a machine without PostgreSQL shows what it did not test.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "NOTICES_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"set {Variable} to a PostgreSQL connection string to run";
    }
}
