namespace Notices.Core.Storage;

/// <summary>Which database holds the store: one SQLite file (the default) or a shared PostgreSQL.</summary>
public enum StoreProvider
{
    Sqlite,
    Postgres,
}
