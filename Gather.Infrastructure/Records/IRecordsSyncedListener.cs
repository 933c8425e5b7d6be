namespace Gather.Infrastructure.Records;

/// <summary>
/// Told after records of a model were created or updated by a sync, e.g. so that integration
/// tasks attach data to the new records soon. Called in the sync's request: must return at once
/// and never touch the store.
/// </summary>
public interface IRecordsSyncedListener
{
    /// <param name="fields">The top-level fields the sync wrote values to.</param>
    void RecordsSynced(string teamId, string modelId, IReadOnlyCollection<string> fields);

    /// <summary>A sync settled the kind of a field of the model, or widened one (see <see cref="Models.FieldSettling"/>).</summary>
    void FieldsSettled(string teamId, string modelId)
    {
    }
}
