using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;

namespace Gather.Infrastructure.Views;

/// <summary>
/// What a view saved without columns shows: the model's ID field, then each top-level field of
/// its catalogue (declared or synced, in catalogue order), then the fields of each section of
/// data integrations attach to its records (<c>stripeCharge.id</c>, <c>stripeCharge.amount</c>,
/// …). Worked out when the view is read, so fields synced later and charges attached later show.
/// </summary>
public static class DefaultColumns
{
    /// <summary>
    /// The default columns, at most <paramref name="maxColumns"/>: the ID field and the attached
    /// sections' fields always, the model's other fields as far as room allows, so a wide model
    /// never hides the charge (every field stays in the record's <c>fields</c>).
    /// </summary>
    public static IReadOnlyList<ViewColumn> For(Model model, IReadOnlyList<ModelField> fields, IReadOnlyCollection<string> attachedSections, int maxColumns)
    {
        var id = new ViewColumn(model.IdField, ColumnLabels.For(model.IdField),
            fields.FirstOrDefault(f => f.Path == model.IdField)?.Type ?? FieldType.String);
        var attached = attachedSections.SelectMany(section => FieldsOf(section)
            .Select(f => new ViewColumn($"{section}.{f.Name}", ColumnLabels.For($"{section}.{f.Name}"), f.Type))).ToList();
        var own = fields.Where(f => !f.Path.Contains('.') && f.Path != model.IdField)
            .Select(f => new ViewColumn(f.Path, ColumnLabels.For(f.Path), f.Type))
            .Take(Math.Max(0, maxColumns - 1 - attached.Count));
        return new[] { id }.Concat(own).Concat(attached).Take(maxColumns).ToList();
    }

    /// <summary>The fields a section of attached data holds, with their types; none for a section Gather does not know.</summary>
    public static IReadOnlyList<(string Name, FieldType Type)> FieldsOf(string section) => AttachedData.KindOf(section)?.Fields ?? [];
}
