namespace Gather.Infrastructure.Storage;

/// <summary>Which adapter serves the store (<c>Gather:Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Gather:Storage";

    /// <summary><c>Sqlite</c> (embedded, the default) or <c>MongoDb</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
}

public enum StorageProvider
{
    Sqlite,
    MongoDb,
}
