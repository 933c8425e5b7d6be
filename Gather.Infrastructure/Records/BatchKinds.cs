using Gather.Infrastructure.Models;

namespace Gather.Infrastructure.Records;

/// <summary>
/// The kinds one sync holds its values to (<see cref="FieldSettling"/>): the model's settled
/// kinds, then those the batch settles as it goes. A record's proposals count only once the
/// record is accepted whole, so a refused record settles nothing.
/// </summary>
public sealed class BatchKinds(Model model)
{
    private readonly Dictionary<string, ValueKind> _settled = model.SettledFields
        .ToDictionary(f => f.Path, f => f.Kind, StringComparer.Ordinal);

    private readonly List<SettledField> _proposed = [];
    private readonly Dictionary<string, ValueKind> _record = new(StringComparer.Ordinal);

    /// <summary>What the batch settles beyond the model's kinds, in the order first met.</summary>
    public IReadOnlyList<SettledField> Proposed => _proposed;

    /// <summary>The kind <paramref name="path"/> holds so far, counting the record being read.</summary>
    public ValueKind? Of(string path) =>
        _record.TryGetValue(path, out var kind) || _settled.TryGetValue(path, out kind) ? kind : null;

    /// <summary>Takes a value of <paramref name="kind"/> at <paramref name="path"/>; the kind it does not fit, or null when it fits.</summary>
    public ValueKind? Take(string path, ValueKind kind)
    {
        if (Of(path) is not { } settled)
        {
            _record[path] = kind;
            return null;
        }
        if (FieldSettling.Combine(settled, kind) is not { } combined)
            return settled;
        if (combined != settled)
            _record[path] = combined;
        return null;
    }

    /// <summary>The record being read was accepted: what it settled counts for the rest of the batch.</summary>
    public void Accept()
    {
        foreach (var (path, kind) in _record)
        {
            _settled[path] = kind;
            var at = _proposed.FindIndex(p => p.Path == path);
            if (at < 0)
                _proposed.Add(new SettledField(path, kind));
            else
                _proposed[at] = new SettledField(path, kind);
        }
        _record.Clear();
    }

    /// <summary>The record being read was refused: it settles nothing.</summary>
    public void Refuse() => _record.Clear();
}
