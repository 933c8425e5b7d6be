using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Gather.Bench;

/// <summary>
/// The typed schema: how long building a team's schema takes with 50 models × 40 fields (the
/// server logs it), and a page of 50 records with all 40 fields through the typed API against
/// the same page through the generic <c>records</c> (its <c>fields</c> JSON), in the same run.
/// </summary>
public sealed partial class TypedBenchmark(BenchSettings settings)
{
    private const int Models = 50, Fields = 40, RecordsPerModel = 200, PageSize = 50;

    public async Task<Report> RunAsync()
    {
        var report = new Report($"Typed schema: {Models} models × {Fields} fields; a page of {PageSize} records, typed against generic");
        var directory = Directory.CreateTempSubdirectory("gather-bench-").FullName;
        try
        {
            await using var server = await GatherServer.StartAsync(settings.ServerDll, Path.Combine(directory, "server.db"), new Dictionary<string, string>
            {
                ["Logging:LogLevel:Gather.Schema.Typed.TeamSchemaCache"] = "Information",
            });
            using var client = new GatherClient(server.Address, GatherServer.AdminKey);
            var modelIds = new List<string>();
            for (var m = 0; m < Models; m++)
            {
                var model = await client.CreateModelAsync($"Model{m:D2}", "id");
                modelIds.Add(model);
                var records = new JsonArray(Enumerable.Range(0, RecordsPerModel).Select(r => (JsonNode)Record(r)).ToArray());
                await client.SyncAsync(model, Encoding.UTF8.GetBytes(records.ToJsonString()));
            }

            var firstModel = modelIds[0];
            // Each Model00 record leads to the Model01 record with the same id (for the mixed selection below).
            var related = await client.GraphQLAsync("""
                mutation($from: ID!, $to: ID!) { createRelationship(input: { fromModelId: $from, fromField: "id", toModelId: $to, toField: "id", name: "twin", inverseName: "twinOf" }) { errors { message } } }
                """, new JsonObject { ["from"] = modelIds[0], ["to"] = modelIds[1] });
            if (related["createRelationship"]?["errors"] is JsonArray { Count: > 0 } errors)
                throw new InvalidOperationException("Could not relate the models: " + errors.ToJsonString());

            // The first request after the changes checks and builds the schema; the server logs the build.
            await client.GraphQLAsync("{ __typename }");
            await Task.Delay(200);
            var built = server.RecentOutput().LastOrDefault(l => l.Contains("Built the typed schema", StringComparison.Ordinal))
                        ?? throw new InvalidOperationException("The server did not log a schema build.");
            var buildMs = double.Parse(BuildPattern().Match(built).Groups[1].Value, CultureInfo.InvariantCulture);

            var fieldList = string.Join(" ", Enumerable.Range(0, Fields).Select(f => $"f{f:D2}"));
            var typed = $$"""{ model00(where: { f01: { gte: 10 } }, order: [{ f02: DESC }], first: {{PageSize}}) { nodes { id {{fieldList}} } } }""";
            var generic = $$"""query($m: ID!) { records(modelId: $m, where: { field: "f01", gte: 10 }, order: [{ field: "f02", direction: DESC }], first: {{PageSize}}) { nodes { id fields } } }""";
            var variables = new JsonObject { ["m"] = firstModel };
            var typedCount = (await client.GraphQLAsync(typed))["model00"]!["nodes"]!.AsArray().Count;
            var genericCount = (await client.GraphQLAsync(generic, variables))["records"]!["nodes"]!.AsArray().Count;
            if (typedCount != genericCount)
                throw new InvalidOperationException($"The typed page has {typedCount} records, the generic one {genericCount}.");
            var (genericTime, typedTime) = await Measure.MediansAsync(Math.Max(settings.Warmups, 100), settings.Runs,
                () => client.GraphQLAsync(generic, variables), () => client.GraphQLAsync(typed));
            // What a screen usually asks for: a handful of fields. Generic: the same page with the record's JSON.
            var typedFew = $$"""{ model00(where: { f01: { gte: 10 } }, order: [{ f02: DESC }], first: {{PageSize}}) { nodes { id f00 f01 f02 f03 f04 } } }""";
            var genericValues = $$"""query($m: ID!) { records(modelId: $m, where: { field: "f01", gte: 10 }, order: [{ field: "f02", direction: DESC }], first: {{PageSize}}) { nodes { id values(columns: [{{string.Join(", ", Enumerable.Range(0, Fields).Select(f => $"\"f{f:D2}\""))}}]) } } }""";
            var (genericAgain, typedFewTime) = await Measure.MediansAsync(Math.Max(settings.Warmups, 100), settings.Runs,
                () => client.GraphQLAsync(generic, variables), () => client.GraphQLAsync(typedFew));
            var (_, valuesTime) = await Measure.MediansAsync(Math.Max(settings.Warmups, 100), settings.Runs,
                () => client.GraphQLAsync(generic, variables), () => client.GraphQLAsync(genericValues, variables));

            // All 40 fields and a to-one relationship: the relationship executes, the fields are still only written.
            var typedMixed = $$"""{ model00(where: { f01: { gte: 10 } }, order: [{ f02: DESC }], first: {{PageSize}}) { nodes { id {{fieldList}} twin { id } } } }""";
            var genericMixed = $$"""query($m: ID!) { records(modelId: $m, where: { field: "f01", gte: 10 }, order: [{ field: "f02", direction: DESC }], first: {{PageSize}}) { nodes { id fields relatedOne(name: "twin") { id } } } }""";
            var (genericMixedTime, typedMixedTime) = await Measure.MediansAsync(Math.Max(settings.Warmups, 100), settings.Runs,
                () => client.GraphQLAsync(genericMixed, variables), () => client.GraphQLAsync(typedMixed));

            report.Figure("schema build, 50 models × 40 fields", $"{buildMs.ToString("0.0", CultureInfo.InvariantCulture)} ms");
            report.Figure("generic page (median)", Report.Millis(genericTime));
            report.Figure("typed page (median)", Report.Millis(typedTime));
            report.Figure("typed page, 5 of the 40 fields (median)", $"{Report.Millis(typedFewTime)} (ratio {Report.Format(typedFewTime / genericAgain)})");
            report.Figure("generic page with values(columns: all 40) (median)", Report.Millis(valuesTime));
            report.Figure("typed page, 40 fields + a relationship (median)",
                $"{Report.Millis(typedMixedTime)} (ratio {Report.Format(typedMixedTime / genericMixedTime)} to generic with relatedOne, {Report.Millis(genericMixedTime)})");
            report.Figure("records per page", typedCount.ToString(CultureInfo.InvariantCulture));
            report.AtMost("typed / generic per request", typedTime / genericTime, 1.2);
            return report;
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    /// <summary>40 fields: ints, floats, strings, booleans and a nested object, so every field type is in the schema.</summary>
    private static JsonObject Record(int r)
    {
        var record = new JsonObject { ["id"] = $"r{r:D4}" };
        for (var f = 0; f < Fields; f++)
        {
            record[$"f{f:D2}"] = (f % 5) switch
            {
                0 => (JsonNode)$"text {r} {f}",
                1 => r % 97,
                2 => r * 1.5,
                3 => r % 2 == 0,
                _ => new JsonObject { ["n"] = r, ["label"] = $"l{f}" },
            };
        }
        return record;
    }

    [GeneratedRegex(@"in ([0-9.]+) ms")]
    private static partial Regex BuildPattern();
}
