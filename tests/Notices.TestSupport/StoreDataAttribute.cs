using System.Reflection;
using Xunit.Sdk;

namespace Notices.TestSupport;

/// <summary>
/// A theory row naming the store a test runs on (<see cref="TestStore.Sqlite"/> or
/// <see cref="TestStore.Postgres"/>); give the theory one of each so that it runs on both
/// databases. The PostgreSQL row is reported skipped, with the reason, when no server is
/// configured, so a run without one shows what it did not test.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class StoreDataAttribute : DataAttribute
{
    /// <summary>A row for <paramref name="provider"/>.</summary>
    /// <exception cref="ArgumentException">The provider is neither sqlite nor postgres.</exception>
    public StoreDataAttribute(string provider)
    {
        if (provider is not (TestStore.Sqlite or TestStore.Postgres))
        {
            throw new ArgumentException(
                $"\"{provider}\" is not a store; write \"{TestStore.Sqlite}\" or "
                    + $"\"{TestStore.Postgres}\"",
                nameof(provider));
        }
        Provider = provider;
        Skip = provider == TestStore.Postgres ? PostgresFactAttribute.SkipReason : null;
    }

    /// <summary>The store of this row.</summary>
    public string Provider { get; }

    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Provider]];
}
