using System.Text.RegularExpressions;
using Gather.Schema.Integrations.StripeIntegration;
using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Relationships;
using Gather.Schema.Typed;
using Gather.Tests.Support;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using ModelFieldType = Gather.Infrastructure.Models.FieldType;

namespace Gather.Tests.Schema;

/// <summary>
/// Thousands of generated model, field and relationship names (<see cref="TypedNameGenerator"/>)
/// thrown at the naming rule and at schema building: every team builds, every name is a valid
/// GraphQL name of its own, and the names depend only on the set of names, not on the order the
/// store returned them in.
/// </summary>
public sealed partial class TypedNamesFuzzTests(TypedNamesFuzzTests.Host host) : IClassFixture<TypedNamesFuzzTests.Host>
{
    // The longest names the API accepts (Gather:Models:MaxNameLength, Gather:Sync:MaxFieldNameLength, Gather:Relationships:MaxNameLength).
    private const int MaxModelName = 64, MaxFieldName = 128, MaxRelationshipName = 64;
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TeamSchemaFactory _factory = host.Factory;
    private readonly ReservedNames _reserved = host.Reserved;

    /// <summary>One app for the class: the tests only read its schema factory and Gather's own names.</summary>
    public sealed class Host : IDisposable
    {
        private readonly GatherApiFactory _app = new();

        public Host()
        {
            Factory = _app.Services.GetRequiredService<TeamSchemaFactory>();
            Reserved = Factory.Reserved();
        }

        public TeamSchemaFactory Factory { get; }

        public ReservedNames Reserved { get; }

        public void Dispose() => _app.Dispose();
    }

    [Theory]
    [InlineData(1), InlineData(2), InlineData(3), InlineData(4), InlineData(5), InlineData(6), InlineData(7), InlineData(8), InlineData(9), InlineData(10)]
    public void Generated_names_get_valid_unique_names_that_do_not_depend_on_the_order_they_arrived_in(int seed)
    {
        var team = Team(seed, models: 80, relationships: 40);

        var plan = Plan(team);
        var shuffled = Plan(team.Shuffled(new Random(seed * 31)));

        Assert.True(team.NameCount > 800, $"only {team.NameCount} names generated");
        AssertValidAndUnique(plan);
        Assert.Equal(NamesOf(plan), NamesOf(shuffled));
        Assert.Equal(plan.Fingerprint, shuffled.Fingerprint);
    }

    [Theory]
    [InlineData(101), InlineData(102), InlineData(103)]
    public void Generated_names_build_a_whole_schema_and_the_same_one_from_any_order(int seed)
    {
        var team = Team(seed, models: 40, relationships: 30);
        var plan = Plan(team);

        var schema = _factory.Build(plan);
        var again = _factory.Build(Plan(team.Shuffled(new Random(seed))));

        // Every model is in, with both its root fields: nothing had to be left out.
        Assert.Empty(plan.Problems);
        Assert.All(plan.Models, m => Assert.NotNull(schema.Query.GetField(m.ListField)));
        Assert.All(plan.Models, m => Assert.NotNull(schema.Query.GetField(m.ByIdField)));
        // Each type shows exactly the planned names (graphql-dotnet renames nothing on the way).
        Assert.All(plan.Models, m => Assert.Equal(
            m.Fields.Select(f => f.Name).Concat(m.Relationships.Select(r => r.Name)).Concat(["id", "createdAt", "updatedAt"])
                .Concat(m.HasStripeCharge ? [AttachedData.StripeCharge] : []).Order(StringComparer.Ordinal),
            ((GraphQL.Types.IComplexGraphType)schema.AllTypes[m.TypeName]!).Fields.Select(f => f.Name).Order(StringComparer.Ordinal)));
        Assert.All(plan.StandardFields, s => Assert.Empty(s.Value.Select(f => f.Name)
            .Except(((GraphQL.Types.IComplexGraphType)schema.AllTypes[s.Key]!).Fields.Select(f => f.Name))));
        Assert.Equal(schema.Print(), again.Print());
    }

    [Fact]
    public void Every_type_a_teams_schema_can_hold_beside_its_models_own_is_a_reserved_name()
    {
        // One model with every kind of field, the attached charge, and a relationship to each kind of model.
        var models = StandardModels.For("team_fuzz", T0).Concat(
        [
            new Model("m1", "team_fuzz", "Probe", ModelKind.Custom, "id", [], T0, T0),
            new Model("m2", "team_fuzz", "Other", ModelKind.Custom, "id", [], T0, T0),
            new Model("i1", "team_fuzz", "StripeCharge", ModelKind.Integration, "id", [], T0, T0),
            new Model("i2", "team_fuzz", "StripeCustomer", ModelKind.Integration, "id", [], T0, T0),
        ]).ToList();
        var fields = new Dictionary<string, IReadOnlyList<ModelField>>
        {
            ["m1"] = Enum.GetValues<ModelFieldType>().Select(t => new ModelField("f" + t, t, [])).ToList(),
        };
        var relationships = models.Where(m => m.Id != "m1").SelectMany((m, i) => new[]
        {
            new Relationship($"one{i}", "team_fuzz", $"one{i}", $"oneBack{i}", "m1", "ref", m.Id, m.IdField, RelationshipKind.Custom, T0),
            new Relationship($"many{i}", "team_fuzz", $"many{i}", $"manyBack{i}", "m1", "ref", m.Id, "other", RelationshipKind.Custom, T0),
        }).ToList();
        var tasks = new[] { new IntegrationTask("t1", "team_fuzz", "int_1", IntegrationTaskKind.SyncStripeCharges, new IntegrationTaskOptions("m1", "charge"), null!, T0) };
        var plan = TeamSchemaPlan.Build(models, fields, relationships, tasks, _reserved.TypeNames, _reserved.RootFields, _reserved.StandardTypeFields);

        var schema = _factory.Build(plan);

        var modelsOwn = new[] { "__", "Probe", "Other" };
        var unreserved = schema.AllTypes.Select(t => t.Name)
            .Where(name => !modelsOwn.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)) && !_reserved.TypeNames.Contains(name))
            .ToList();
        Assert.Empty(unreserved);
    }

    private TeamSchemaPlan Plan(GeneratedTeam team) =>
        TeamSchemaPlan.Build(team.Models, team.Fields, team.Relationships, team.Tasks, _reserved.TypeNames, _reserved.RootFields, _reserved.StandardTypeFields);

    private GeneratedTeam Team(int seed, int models, int relationships)
    {
        var random = new Random(seed);
        var names = new TypedNameGenerator(seed, _reserved.TypeNames.Concat(_reserved.RootFields).ToList());
        var all = StandardModels.For("team_fuzz", T0).ToList();
        var modelNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Account", "Customer" }; // unique ignoring case, as the API keeps them
        while (all.Count < models + 2)
        {
            var name = names.Next(MaxModelName);
            if (modelNames.Add(name))
                all.Add(new Model($"model_{all.Count:D3}", "team_fuzz", name, ModelKind.Custom, random.Next(3) == 0 ? names.Next(MaxFieldName) : "id", [], T0, T0));
        }
        var kinds = Enum.GetValues<ValueKind>();
        var fields = all.ToDictionary(m => m.Id, IReadOnlyList<ModelField> (m) =>
            Enumerable.Range(0, random.Next(0, 25)).Select(_ => names.Next(MaxFieldName)).Distinct(StringComparer.Ordinal)
                .Select(path => random.Next(5) == 0
                    ? new ModelField(path, Enum.GetValues<ModelFieldType>()[random.Next(6)], [])
                    : new ModelField(path, null, [new FieldStatistic(path, kinds[random.Next(kinds.Length)], random.Next(1, 5))]))
                .ToList());
        var linked = new List<Relationship>();
        // The API refuses a name a model's relationships already use (on either side): such a one is not kept.
        var sides = new HashSet<(string Model, string Name)>();
        for (var i = 0; i < relationships; i++)
        {
            var from = all[random.Next(all.Count)];
            var to = all[random.Next(all.Count)];
            var relationship = new Relationship($"rel_{i:D3}", "team_fuzz", names.Next(MaxRelationshipName), names.Next(MaxRelationshipName), from.Id, "ref",
                to.Id, random.Next(2) == 0 ? to.IdField : "other", RelationshipKind.Custom, T0);
            if (!sides.Contains((from.Id, relationship.Name)) && !sides.Contains((to.Id, relationship.InverseName))
                && (from.Id != to.Id || relationship.Name != relationship.InverseName))
            {
                sides.Add((from.Id, relationship.Name));
                sides.Add((to.Id, relationship.InverseName));
                linked.Add(relationship);
            }
        }
        var tasks = all.Where(m => m.Kind == ModelKind.Custom && random.Next(4) == 0)
            .Select(m => new IntegrationTask("task_" + m.Id, "team_fuzz", "int_1", IntegrationTaskKind.SyncStripeCharges, new IntegrationTaskOptions(m.Id, "charge"), null!, T0))
            .ToList();
        return new GeneratedTeam(all, fields, linked, tasks);
    }

    private void AssertValidAndUnique(TeamSchemaPlan plan)
    {
        var types = plan.Models.SelectMany(m => new[] { m.TypeName, m.FilterTypeName, m.SortTypeName, m.ConnectionTypeName, m.EdgeTypeName }).ToList();
        var roots = plan.Models.SelectMany(m => new[] { m.ListField, m.ByIdField }).ToList();
        Assert.All(types.Concat(roots), AssertValid);
        Assert.Equal(types.Count, types.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(roots.Count, roots.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(types, _reserved.TypeNames.Contains);
        Assert.DoesNotContain(roots, _reserved.RootFields.Contains);
        foreach (var model in plan.Models)
        {
            var names = model.Fields.Select(f => f.Name).Concat(model.Relationships.Select(r => r.Name))
                .Concat(TeamSchemaPlan.SystemFields).Concat(model.HasStripeCharge ? [AttachedData.StripeCharge] : []).ToList();
            Assert.All(names, AssertValid);
            Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        }
        foreach (var (type, fields) in plan.StandardFields)
        {
            Assert.DoesNotContain(fields, f => _reserved.StandardTypeFields[type].Contains(f.Name));
            Assert.All(fields.Select(f => f.Name), AssertValid);
            Assert.Equal(fields.Count, fields.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count());
        }
    }

    private static void AssertValid(string name)
    {
        Assert.Matches(GraphQLName(), name);
        Assert.False(name.StartsWith("__", StringComparison.Ordinal), name);
    }

    /// <summary>Every name the plan gives, keyed by what it names, in a fixed order.</summary>
    private static List<string> NamesOf(TeamSchemaPlan plan) =>
        plan.Models.OrderBy(m => m.Model.Id, StringComparer.Ordinal).SelectMany(m =>
                new[] { $"{m.Model.Id}: {m.TypeName} {m.ListField} {m.ByIdField}" }
                    .Concat(m.Fields.Select(f => $"{m.Model.Id}.{f.Path}: {f.Name}"))
                    .Concat(m.Relationships.Select(r => $"{m.Model.Id}~{r.Side.Relationship.Id}/{r.Side.Name}: {r.Name}")))
            .Concat(plan.StandardFields.OrderBy(s => s.Key, StringComparer.Ordinal).SelectMany(s => s.Value.Select(f => $"{s.Key}.{f.Path}: {f.Name}")))
            .ToList();

    [GeneratedRegex("^[_A-Za-z][_0-9A-Za-z]*$")]
    private static partial Regex GraphQLName();

    private sealed record GeneratedTeam(List<Model> Models, Dictionary<string, IReadOnlyList<ModelField>> Fields, List<Relationship> Relationships,
        List<IntegrationTask> Tasks)
    {
        public int NameCount => Models.Count + Fields.Values.Sum(f => f.Count) + Relationships.Count * 2;

        /// <summary>The same team as a store might return it in another order.</summary>
        public GeneratedTeam Shuffled(Random random) => new(
            Models.OrderBy(_ => random.Next()).ToList(),
            Fields.ToDictionary(f => f.Key, IReadOnlyList<ModelField> (f) => f.Value.OrderBy(_ => random.Next()).ToList()),
            Relationships.OrderBy(_ => random.Next()).ToList(),
            Tasks.OrderBy(_ => random.Next()).ToList());
    }
}
