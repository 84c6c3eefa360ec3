using Xunit;

namespace Notices.TestSupport;

/// <summary>
/// A test class whose theories run on each store: each test names its provider
/// (<see cref="StoreDataAttribute"/> rows), calls <see cref="CreateStoreAsync"/> first, and
/// the store is dropped after it.
/// </summary>
public abstract class StoreTest : IAsyncLifetime
{
    private TestStore? store;

    /// <summary>The test's store, once <see cref="CreateStoreAsync"/> has made it.</summary>
    protected TestStore Store =>
        store ?? throw new InvalidOperationException("call CreateStoreAsync(provider) first");

    /// <summary>Makes the test's empty store of <paramref name="provider"/>.</summary>
    protected async Task<TestStore> CreateStoreAsync(string provider)
    {
        if (store is not null)
            throw new InvalidOperationException("a test makes one store");
        store = await TestStore.CreateAsync(provider);
        return store;
    }

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (store is not null)
            await store.DisposeAsync();
    }
}
