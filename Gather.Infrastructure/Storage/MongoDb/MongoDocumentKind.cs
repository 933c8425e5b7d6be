using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// How one kind of small document is kept in its collection, declared beside its indexes: its mapping, the listing
/// order, the fields an update rewrites, and what a duplicate-key error on one of its unique indexes means.
/// Every such document has <c>_id</c> and <c>teamId</c>; <see cref="MongoDocuments{T, TDocument}"/> filters on both.
/// </summary>
internal sealed record MongoDocumentKind<T, TDocument>(
    string Noun,
    Func<T, string> TeamOf,
    Func<T, TDocument> ToDocument,
    Func<TDocument, T> ToDomain,
    SortDefinition<TDocument> Order,
    Func<T, string> Duplicate)
    where T : class
    where TDocument : class
{
    /// <summary>The fields an update rewrites; the others are fixed when the document is inserted.</summary>
    public IReadOnlyList<string> Updatable { get; init; } = [];

    /// <summary>When set, listings put the documents whose field of this name says Standard first (<see cref="MongoStandardFirst"/>).</summary>
    public string? StandardFirstBy { get; init; }
}
