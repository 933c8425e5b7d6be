namespace Gather.Api.Records;

/// <summary>The answer of a sync: counts, what happened to each record, and each record refused.</summary>
/// <param name="ModelId">The model the records were synced into.</param>
/// <param name="Created">Records that did not exist and were created.</param>
/// <param name="Updated">Records that existed and changed.</param>
/// <param name="Unchanged">Records that already held the values sent; nothing was written.</param>
/// <param name="Records">One entry per record written or left unchanged, in request order.</param>
/// <param name="Errors">One entry per record refused; a refused record changes nothing.</param>
public sealed record SyncResponse(string ModelId, int Created, int Updated, int Unchanged,
    IReadOnlyList<SyncedRecord> Records, IReadOnlyList<RefusedRecord> Errors);

/// <summary>A record written or left unchanged.</summary>
/// <param name="Index">Its position in the request (0 for a form or a single JSON object).</param>
/// <param name="Id">Its ID field's value, as stored.</param>
/// <param name="Status"><c>created</c>, <c>updated</c> or <c>unchanged</c>.</param>
public sealed record SyncedRecord(int Index, string Id, string Status);

/// <summary>A record refused by a rule; <c>extensions.code</c> is <c>INVALID_RECORD</c>.</summary>
public sealed record RefusedRecord(string Message, RefusedRecordExtensions Extensions);

/// <summary>Which record, which field and which rule (e.g. <c>type</c>, <c>number</c>, <c>idField</c>).</summary>
public sealed record RefusedRecordExtensions(string Code, int Index, string? Field, string? Rule);
