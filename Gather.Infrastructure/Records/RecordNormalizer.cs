using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Models;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Records;

/// <summary>
/// Checks one incoming record against the sync rules and the model, and gives it canonical
/// values: names validated, nesting bounded, declared types applied, form strings typed,
/// numbers made canonical, and every other value held to the kind its field was settled to
/// (<see cref="FieldSettling"/>). The ID field is a string unless the team declared another type.
/// </summary>
public sealed class RecordNormalizer(IOptions<SyncOptions> options)
{
    private const int MaxProblemsPerRecord = 20;

    private SyncOptions Limits => options.Value;

    public RecordPatch? Normalize(RecordInput input, int index, Model model, BatchKinds kinds, List<RecordProblem> problems)
    {
        var patch = Normalize(input, index, model, problems, kinds);
        if (patch is null)
            kinds.Refuse();
        else
            kinds.Accept();
        return patch;
    }

    private RecordPatch? Normalize(RecordInput input, int index, Model model, List<RecordProblem> problems, BatchKinds kinds)
    {
        var before = problems.Count;
        if (input.Fields is not JsonObject fields)
        {
            problems.Add(new(index, "", "object", "A record must be a JSON object of fields."));
            return null;
        }

        var normalized = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (!CheckName(name, name, index, problems))
                continue;
            if (AttachedData.IsSection(name))
            {
                problems.Add(new(index, name, "reserved",
                    $"'{name}' is where Gather attaches integration data (e.g. {name}.status); give the synced field another name."));
                continue;
            }
            var converted = Convert(value, name, depth: 1, input.FromForm, model, kinds, index, problems);
            if (problems.Count - before >= MaxProblemsPerRecord)
                break;
            normalized[name] = converted;
        }

        var key = KeyOf(normalized, model, index, problems);
        if (problems.Count == before)
        {
            var size = Encoding.UTF8.GetByteCount(normalized.ToJsonString());
            if (size > Limits.MaxRecordBytes)
                problems.Add(new(index, "", "maxSize",
                    $"The record is {size} bytes of JSON; at most {Limits.MaxRecordBytes} are allowed (Gather:Sync:MaxRecordBytes)."));
        }
        return problems.Count == before ? new RecordPatch(index, key!, normalized) : null;
    }

    /// <summary><paramref name="model"/> and <paramref name="kinds"/> are null inside arrays, whose elements have no declared or settled type.</summary>
    private JsonNode? Convert(JsonNode? value, string path, int depth, bool fromForm, Model? model, BatchKinds? kinds, int index,
        List<RecordProblem> problems)
    {
        if (value is null)
            return null;
        if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
        {
            // Checked before any conversion, so a declared type never sees a number that would change on the way in.
            // Most numbers are plain integers that fit: those skip the text round trip.
            if (number.TryGetValue<long>(out var whole))
                value = JsonValue.Create(whole);
            else if (ExactNumber.Read(number.ToJsonString()) is not { } exact)
            {
                problems.Add(new(index, path, "number", ExactNumber.Problem(path, number.ToJsonString())));
                return null;
            }
            else
                value = exact;
        }
        if (model is not null && path == model.IdField && value.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
        {
            problems.Add(new(index, path, "type", $"The ID field '{path}' must be a string or a number; {value.GetValueKind().ToString().ToLowerInvariant()} is neither."));
            return null;
        }
        var declared = model is null ? null : model.DeclaredType(path) ?? (path == model.IdField ? FieldType.String : null);
        if (declared is { } type and not FieldType.Json && value is JsonValue scalar)
        {
            var converted = DeclaredTypeConversion.Convert(scalar, type, out var problem);
            if (problem is not null)
                problems.Add(new(index, path, "type", $"Field '{path}' is declared {type.ToString().ToUpperInvariant()} and {problem}."));
            return converted;
        }
        if (declared is { } containerType and not FieldType.Json)
        {
            problems.Add(new(index, path, "type", $"Field '{path}' is declared {containerType.ToString().ToUpperInvariant()}; an object or array does not fit."));
            return null;
        }
        // Undeclared fields keep the kind their first values settled; under a field declared JSON anything goes.
        if (declared is not null || model is null || FieldSettling.UnderJson(model, path))
            kinds = null;
        if (value is not JsonValue && kinds is not null && !Settles(value, path, kinds, index, problems))
            return null;

        switch (value)
        {
            case JsonObject obj:
                if (!CheckDepth(path, depth + 1, index, problems))
                    return null;
                var copy = new JsonObject();
                foreach (var (name, inner) in obj)
                {
                    var innerPath = $"{path}.{name}";
                    if (CheckName(name, innerPath, index, problems))
                        copy[name] = Convert(inner, innerPath, depth + 1, false, model, kinds, index, problems);
                }
                return copy;
            case JsonArray array:
                if (!CheckDepth(path, depth + 1, index, problems))
                    return null;
                var elements = new JsonArray();
                foreach (var element in array)
                    elements.Add(Convert(element, $"{path}[]", depth + 1, false, null, null, index, problems));
                return elements;
            default:
                var stored = Scalar((JsonValue)value, fromForm && declared is null, kinds?.Of(path));
                return kinds is null || Settles(stored, path, kinds, index, problems) ? stored : null;
        }
    }

    /// <summary>Whether the value fits the kind its field settled to (or settles it); a problem saying why not otherwise.</summary>
    private static bool Settles(JsonNode value, string path, BatchKinds kinds, int index, List<RecordProblem> problems)
    {
        var kind = FieldSettling.KindOf(value)!.Value;
        if (kinds.Take(path, kind) is not { } settled)
            return true;
        problems.Add(new(index, path, "type", FieldSettling.Problem(path, settled, kind)));
        return false;
    }

    /// <summary>
    /// A scalar's stored value. A form field's text is typed as it reads (<see cref="ValueInference"/>),
    /// unless its field is settled to text, which keeps it as sent (<c>75</c> into a STRING field stays "75").
    /// </summary>
    private static JsonNode Scalar(JsonValue jsonValue, bool typeFormText, ValueKind? settled)
    {
        switch (jsonValue.GetValueKind())
        {
            case JsonValueKind.String when typeFormText && settled == ValueKind.String:
                return JsonValue.Create(jsonValue.GetValue<string>());
            case JsonValueKind.String when typeFormText:
                return ValueInference.Infer(jsonValue.GetValue<string>());
            case JsonValueKind.Number:
                return jsonValue; // made exact and canonical above
            // A fresh value, never a clone: the input may be a view over a pooled request body.
            case JsonValueKind.String when jsonValue.TryGetValue<string>(out var text):
                return JsonValue.Create(text);
            case JsonValueKind.True or JsonValueKind.False:
                return JsonValue.Create(jsonValue.GetValueKind() == JsonValueKind.True);
            default:
                return jsonValue.DeepClone();
        }
    }

    private bool CheckName(string name, string path, int index, List<RecordProblem> problems)
    {
        if (FieldNames.Check(name, Limits.MaxFieldNameLength) is not { } broken)
            return true;
        problems.Add(new(index, path, broken.Rule, broken.Message));
        return false;
    }

    private bool CheckDepth(string path, int depth, int index, List<RecordProblem> problems)
    {
        if (depth <= Limits.MaxDepth)
            return true;
        problems.Add(new(index, path, "maxDepth",
            $"Field '{path}' nests deeper than the {Limits.MaxDepth} levels allowed (Gather:Sync:MaxDepth)."));
        return false;
    }

    private string? KeyOf(JsonObject fields, Model model, int index, List<RecordProblem> problems)
    {
        var idField = model.IdField;
        if (!fields.TryGetPropertyValue(idField, out var value) || value is null)
        {
            if (problems.All(p => p.Index != index || p.Field != idField))
                problems.Add(new(index, idField, "required", $"Every {model.Name} record needs its ID field '{idField}'."));
            return null;
        }
        var key = value is JsonValue v && v.GetValueKind() is JsonValueKind.String ? v.GetValue<string>()
            : value is JsonValue n && n.GetValueKind() is JsonValueKind.Number ? n.ToJsonString()
            : null;
        if (key is null)
            problems.Add(new(index, idField, "type", $"The ID field '{idField}' must be a string or a number."));
        else if (string.IsNullOrWhiteSpace(key))
            problems.Add(new(index, idField, "required", $"The ID field '{idField}' cannot be empty."));
        else if (key.Length > Limits.MaxIdLength)
            problems.Add(new(index, idField, "maxLength",
                $"The ID field '{idField}' may be at most {Limits.MaxIdLength} characters (Gather:Sync:MaxIdLength)."));
        else
            return key;
        return null;
    }
}
