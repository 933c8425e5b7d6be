using System.Net.Http.Json;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Relationships;
using Gather.Schema.Typed;
using Gather.Tests.Support;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gather.Tests.Schema;

/// <summary>
/// What cannot be built is left out alone: a model graphql-dotnet refuses (forced here by a name
/// the naming rule would never give), fields past the typed-field limits, and relationships into
/// a model left out. The rest of the team's typed API stays, and each reason is on <c>Model.typedApi</c>.
/// </summary>
public sealed class TypedSchemaFallbackTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly GatherApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static Model Custom(string id, string name) => new(id, "team_1", name, ModelKind.Custom, "id", [], T0, T0);

    private static ModelField Seen(string path) => new(path, null, [new FieldStatistic(path, ValueKind.String, 1)]);

    [Fact]
    public void A_model_that_cannot_be_built_is_left_out_with_its_reason_and_the_rest_stays()
    {
        var factory = _app.Services.GetRequiredService<TeamSchemaFactory>();
        var reserved = factory.Reserved();
        var models = StandardModels.For("team_1", T0).Concat([Custom("m1", "Orders"), Custom("m2", "Projects")]).ToList();
        var toProjects = new Relationship("r1", "team_1", "project", "orders", "m1", "project", "m2", "id", RelationshipKind.Custom, T0);
        var plan = TeamSchemaPlan.Build(models, new Dictionary<string, IReadOnlyList<ModelField>> { ["m1"] = [Seen("status")], ["m2"] = [Seen("title")] },
            [toProjects], [], reserved.TypeNames, reserved.RootFields, reserved.StandardTypeFields);
        // A name graphql-dotnet refuses stands for whatever the naming rule did not foresee.
        var broken = plan with { Models = plan.Models.Select(m => m.Model.Id == "m2" ? m with { TypeName = "Not a name" } : m).ToList() };

        var schema = TeamSchemaFallback.Build(factory, broken, NullLogger.Instance, "team_1");

        Assert.NotNull(schema);
        Assert.NotNull(schema.Query.GetField("orders"));
        Assert.Null(schema.Query.GetField("projects"));
        var orders = ModelTypedApi.Of(schema, models.Single(m => m.Id == "m1"))!;
        var projects = ModelTypedApi.Of(schema, models.Single(m => m.Id == "m2"))!;
        Assert.Equal(("Orders", "orders", (string?)null), (orders.TypeName, orders.RootField, orders.Problem));
        Assert.Equal(["status"], orders.Fields.Select(f => f.Name));
        var relationship = Assert.Single(orders.ExcludedFields);
        Assert.Equal("project", relationship.Path);
        Assert.Contains("\"Projects\", which is left out", relationship.Reason);
        Assert.Null(projects.TypeName);
        Assert.Contains("Not a name", projects.Problem);
        Assert.Contains("records(modelId:)", projects.Problem);
        Assert.Null(((IComplexGraphType)schema.AllTypes["Orders"]!).GetField("project"));
    }

    [Fact]
    public void Typed_fields_of_account_that_cannot_be_built_are_left_out_and_custom_models_stay()
    {
        var factory = _app.Services.GetRequiredService<TeamSchemaFactory>();
        var reserved = factory.Reserved();
        var models = StandardModels.For("team_1", T0).Concat([Custom("m1", "Orders")]).ToList();
        var account = models.Single(m => m.Name == StandardModels.Account);
        var plan = TeamSchemaPlan.Build(models, new Dictionary<string, IReadOnlyList<ModelField>> { ["m1"] = [Seen("status")], [account.Id] = [Seen("industry")] },
            [], [], reserved.TypeNames, reserved.RootFields, reserved.StandardTypeFields);
        var broken = plan with
        {
            StandardFields = plan.StandardFields.ToDictionary(s => s.Key, IReadOnlyList<TypedField> (s) => s.Value.Select(f => f with { Name = "in dustry" }).ToList()),
        };

        var schema = TeamSchemaFallback.Build(factory, broken, NullLogger.Instance, "team_1");

        Assert.NotNull(schema);
        Assert.NotNull(schema.Query.GetField("orders"));
        var typedApi = ModelTypedApi.Of(schema, account)!;
        Assert.Empty(typedApi.Fields);
        Assert.Equal("industry", Assert.Single(typedApi.ExcludedFields).Path);
    }

    [Fact]
    public async Task Fields_past_the_per_model_limit_are_left_out_with_the_reason_and_the_rest_answer()
    {
        using var app = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:GraphQL:MaxTypedFieldsPerModel"] = "2" });
        var admin = app.CreateClient(GatherApiFactory.AdminKey);
        var orders = (await admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        await admin.PostGraphQLAsync("""mutation($m: ID!) { declareModelFields(input: { id: $m, fields: [{ path: "zone", type: STRING }] }) { errors { message } } }""", new { m = orders });
        (await admin.PostAsJsonAsync($"/models/{orders}/records", new[] { new { id = "o1", amount = 5, status = "paid", zone = "EU" } })).EnsureSuccessStatusCode();

        var result = await admin.PostGraphQLAsync("""
            query($m: ID!) { orders { nodes { id amount zone } } model(id: $m) { typedApi { fields { path name } excludedFields { path reason } } } }
            """, new { m = orders });
        var generic = await admin.PostGraphQLAsync("""query($m: ID!) { records(modelId: $m, where: { field: "status", eq: "paid" }) { totalCount } }""", new { m = orders });

        Assert.True(result.Errors is null, result.Errors?.ToJsonString());
        // The declared field is kept first, then by name: `zone`, `amount`; `status` is left out.
        Assert.Equal("""[{"id":"o1","amount":5,"zone":"EU"}]""", result.Data!["orders"]!["nodes"]!.ToJsonString());
        var typedApi = result.Data["model"]!["typedApi"]!;
        Assert.Equal(["amount", "zone"], typedApi["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        var excluded = Assert.Single(typedApi["excludedFields"]!.AsArray());
        Assert.Equal("status", excluded!["path"]!.GetValue<string>());
        Assert.Contains("Gather:GraphQL:MaxTypedFieldsPerModel", excluded["reason"]!.GetValue<string>());
        Assert.Equal(1, generic.Data!["records"]!["totalCount"]!.GetValue<int>());
    }
}
