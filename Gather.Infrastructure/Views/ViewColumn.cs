using Gather.Infrastructure.Models;

namespace Gather.Infrastructure.Views;

/// <summary>
/// A column as a table shows it: its field path, a label for people (<c>Amount</c>,
/// <c>Stripe charge · Status</c>) and the type of its values when Gather knows it (the field
/// catalogue's, or the attached field's); null for a path nothing has been synced to yet.
/// </summary>
public sealed record ViewColumn(string Path, string Label, FieldType? Type);
