namespace Notices.Cli.Tests.Support;

/// <summary>
/// The three-process cluster run: needs PostgreSQL (NOTICES_TEST_POSTGRES) and is opted into
/// with NOTICES_TEST_CLUSTER=1, since it takes a minute and, about one run in seven, the
/// surviving processes do not take over after the kill.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClusterProcessFactAttribute : FactAttribute
{
    public const string Variable = "NOTICES_TEST_CLUSTER";

    public ClusterProcessFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)))
            Skip = $"{PostgresFactAttribute.Variable} is not set: no PostgreSQL server for this test";
        else if (Environment.GetEnvironmentVariable(Variable) != "1")
            Skip = $"set {Variable}=1 to run the three-process cluster rehearsal (about a minute)";
    }
}
