using System.Text.Json;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Validation;
using Gather.Infrastructure.Views;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Gather.Schema.Views;

/// <summary>
/// Turns column paths into <see cref="ResolvedColumn"/>s with labels and types, once per request
/// for each model and list of columns (so a page of records works them out once, not per row).
/// No columns means the model's default columns (<see cref="DefaultColumns"/>), worked out now.
/// Columns a caller names (<paramref name="check"/>) must be paths the model knows
/// (<see cref="ModelPaths"/>); a view's saved columns were checked when saved and read as they are.
/// </summary>
public static class ColumnResolver
{
    public static Task<Result<IReadOnlyList<ResolvedColumn>>> ResolveAsync(IResolveFieldContext context, Model model, IReadOnlyList<string>? columns,
        bool check = false)
    {
        // Mutations change models, fields and tasks one after another, so they work it out afresh.
        if (context.Operation.Operation == GraphQLParser.AST.OperationType.Mutation)
            return ResolveNowAsync(context, model, columns, check);
        var key = (model.Id, columns is { Count: > 0 } ? JsonSerializer.Serialize(columns) : "", check);
        return context.Loaders().Get(key, () => new ResolvedColumnsLookup(() => ResolveNowAsync(context, model, columns, check))).LoadAsync();
    }

    /// <summary>The sections of attached data a model's records get: those a task fills (e.g. <c>stripeCharge</c> by Sync Stripe Charges).</summary>
    private static async Task<IReadOnlyList<string>> AttachedSectionsAsync(IResolveFieldContext context, Model model) =>
        AttachedSections.FilledFor(model.Id, await context.TeamIntegrationTasksAsync());

    private static async Task<Result<IReadOnlyList<ResolvedColumn>>> ResolveNowAsync(IResolveFieldContext context, Model model, IReadOnlyList<string>? columns,
        bool check)
    {
        var ownFields = context.LoadFields(model);
        var maxColumns = context.Service<IOptions<ViewOptions>>().Value.MaxColumns;
        if (columns is not { Count: > 0 })
        {
            var headers = DefaultColumns.For(model, await ownFields.GetResultAsync(context.CancellationToken),
                await AttachedSectionsAsync(context, model), maxColumns);
            return Result<IReadOnlyList<ResolvedColumn>>.Ok(headers.Select(h => new ResolvedColumn(h, new FieldPath(h.Path.Split('.')))).ToList());
        }
        if (columns.Count > maxColumns)
            return Result<IReadOnlyList<ResolvedColumn>>.Invalid([new ValidationProblem("columns", "limit",
                $"At most {maxColumns} columns can be read at once (Gather:Views:MaxColumns); ask for fewer.")]);
        var sync = context.Service<IOptions<SyncOptions>>().Value;
        var sides = (await context.TeamRelationshipsAsync()).SelectMany(r => r.SidesFrom(model.Id)).ToList();
        var models = await context.TeamModelsAsync();
        var paths = new List<(int Index, FieldPath Path)>();
        var problems = new List<ValidationProblem>();
        for (var i = 0; i < columns.Count; i++)
        {
            if (FieldPath.TryParse(columns[i], sync.MaxDepth, sync.MaxFieldNameLength, out var problem) is { } path)
                paths.Add((i, path));
            else
                problems.Add(new ValidationProblem($"columns[{i}]", "fieldPath", problem!));
        }
        // Every catalogue the columns need (checked, those of every relationship's model) is asked for before any is awaited: one store call.
        var targets = paths.Select(p => sides.FirstOrDefault(s => s.Name == p.Path.Segments[0]))
            .Select(s => s is null ? null : models.FirstOrDefault(m => m.Id == s.TargetModelId) is { } model ? (Side: s, Model: model) : ((RelationshipSide Side, Model Model)?)null)
            .ToList();
        var targetFields = targets.Select(t => t is null ? null : context.LoadFields(t.Value.Model)).ToList();
        var through = check ? sides.Select(s => (Side: s, Target: models.FirstOrDefault(m => m.Id == s.TargetModelId))).Where(s => s.Target is not null)
            .Select(s => (s.Side, Target: s.Target!, Fields: context.LoadFields(s.Target!))).ToList() : [];
        var fields = await ownFields.GetResultAsync(context.CancellationToken);
        var known = check ? ModelPaths.For(model, fields, await ThroughAsync(context, through)) : null;
        var resolved = new List<ResolvedColumn>();
        for (var n = 0; n < paths.Count; n++)
        {
            var (i, path) = paths[n];
            if (known?.CheckColumn($"columns[{i}]", path) is { } unknown)
            {
                problems.Add(unknown);
                continue;
            }
            var label = ColumnLabels.For(path.ToString());
            if (targets[n] is var (side, target))
            {
                if (!side.LeadsToOne(target))
                {
                    problems.Add(new ValidationProblem($"columns[{i}]", "toMany",
                        $"Column '{path}' goes through '{side.Name}', which leads to many {target.Name} records; a column shows one value."));
                    continue;
                }
                var rest = string.Join('.', path.Segments.Skip(1));
                var type = TypeIn(await targetFields[n]!.GetResultAsync(context.CancellationToken), rest.Length == 0 ? target.IdField : rest);
                resolved.Add(new ResolvedColumn(new ViewColumn(path.ToString(), label, type ?? (rest.Length == 0 ? FieldType.String : null)), path, side, target));
            }
            else
            {
                var type = AttachedData.IsAttached(path) ? AttachedTypeOf(path) : TypeIn(fields, path.ToString());
                resolved.Add(new ResolvedColumn(new ViewColumn(path.ToString(), label, type), path));
            }
        }
        return problems.Count > 0 ? Result<IReadOnlyList<ResolvedColumn>>.Invalid(problems) : Result<IReadOnlyList<ResolvedColumn>>.Ok(resolved);
    }

    private static async Task<IReadOnlyList<PathThrough>> ThroughAsync(IResolveFieldContext context,
        IReadOnlyList<(RelationshipSide Side, Model Target, GraphQL.DataLoader.IDataLoaderResult<IReadOnlyList<ModelField>> Fields)> sides)
    {
        var through = new List<PathThrough>(sides.Count);
        foreach (var (side, target, fields) in sides)
            through.Add(new PathThrough(side, target, ModelPaths.For(target, await fields.GetResultAsync(context.CancellationToken))));
        return through;
    }

    private static FieldType? TypeIn(IReadOnlyList<ModelField> fields, string path) => fields.FirstOrDefault(f => f.Path == path)?.Type;

    /// <summary>A field of an attached section has its section's type; the section itself, or a path inside a field, is JSON.</summary>
    private static FieldType? AttachedTypeOf(FieldPath path) => path.Segments.Count switch
    {
        1 => FieldType.Json,
        2 => DefaultColumns.FieldsOf(path.Segments[0]).Where(f => f.Name == path.Segments[1]).Select(f => (FieldType?)f.Type).FirstOrDefault()
            ?? (path.Segments[1] == "metadata" ? FieldType.Json : null),
        _ => null,
    };
}
