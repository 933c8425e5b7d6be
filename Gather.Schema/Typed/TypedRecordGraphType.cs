using Gather.Schema.Records;
using GraphQL.Types;

namespace Gather.Schema.Typed;

/// <summary>
/// The object type of one model's records in a team's typed schema (e.g. <c>Orders</c>). Its own
/// class so execution can recognise it: a selection of only its record-backed fields is written
/// by <see cref="RecordProjection"/> instead of field by field.
/// </summary>
public sealed class TypedRecordGraphType : ObjectGraphType<RecordNode>;
