using System.Text.Json.Nodes;

namespace Gather.Infrastructure.Records;

/// <summary>
/// One record as a caller sent it. <paramref name="FromForm"/> marks form fields, whose
/// string values are typed by <see cref="ValueInference"/> unless the field is declared.
/// </summary>
public sealed record RecordInput(JsonNode? Fields, bool FromForm = false);

/// <summary>
/// A valid record ready to merge into the store: its key (the ID field's value as a string)
/// and its fields with canonical values. A null field value removes that field.
/// </summary>
public sealed record RecordPatch(int Index, string Key, JsonObject Fields);
