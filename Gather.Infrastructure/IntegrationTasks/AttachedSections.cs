using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;

namespace Gather.Infrastructure.IntegrationTasks;

/// <summary>Which sections of attached data a model's records get, from the tasks that fill them.</summary>
public static class AttachedSections
{
    /// <summary>The sections a task fills for <paramref name="modelId"/>'s records, by name.</summary>
    public static IReadOnlyList<string> FilledFor(string modelId, IEnumerable<IntegrationTask> tasks) =>
        AttachedData.All.Where(s => tasks.Any(t => t.Kind.Name == s.FilledByTask && t.Options.ModelId == modelId)).Select(s => s.Name).ToList();

    /// <summary>Whether tasks of <paramref name="kind"/> attach data to a model's records (so records synced later get theirs soon after).</summary>
    public static bool AreFilledBy(IntegrationTaskKind kind) => AttachedData.All.Any(s => s.FilledByTask == kind.Name);

    /// <summary>
    /// The sections a model's type shows: those a task fills, and those it kept (recorded as
    /// settled when the task was added), whether or not the task or its integration is still there.
    /// </summary>
    public static IReadOnlyList<string> KeptBy(Model model, IEnumerable<IntegrationTask> tasks)
    {
        var filled = FilledFor(model.Id, tasks);
        return AttachedData.All.Where(s => filled.Contains(s.Name) || model.SettledKind(FieldSettling.SectionPath(s.Name)) is not null)
            .Select(s => s.Name).ToList();
    }
}
