using Gather.Infrastructure.Models;

namespace Gather.Infrastructure.Records;

/// <summary>
/// A section of data an integration attaches to records (<c>linked.{Name}</c>), as Gather's
/// generic code needs to know it: its name, the task kind that fills it (by name, as the task's
/// options name the model and the field holding each record's id), and the fields it holds with
/// their types (for default view columns, path checks and filters).
/// </summary>
public sealed record AttachedSectionKind(string Name, string FilledByTask, IReadOnlyList<(string Name, FieldType Type)> Fields);
