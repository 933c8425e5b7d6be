namespace Gather.Infrastructure.Storage;

/// <summary>
/// Records the store cannot hold as they would be stored (MongoDB: a document of at most
/// 16 MB, holding the record's data, its search text and its attached data). The store wrote
/// none of the batch's records that were still to be written; the sync reports these records
/// and writes the others.
/// </summary>
public sealed class RecordTooLargeException(IReadOnlyDictionary<string, long> bytesByKey, long maxBytes)
    : Exception($"{bytesByKey.Count} record(s) exceed the store's {maxBytes}-byte document limit.")
{
    public IReadOnlyDictionary<string, long> BytesByKey { get; } = bytesByKey;

    public long MaxBytes { get; } = maxBytes;
}
