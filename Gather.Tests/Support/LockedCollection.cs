using System.Collections.ObjectModel;

namespace Gather.Tests.Support;

/// <summary>A collection other threads may add to while a test reads it: the test reads a <see cref="Snapshot"/>.</summary>
public sealed class LockedCollection<T> : Collection<T>
{
    private readonly Lock _gate = new();

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
            return [.. this];
    }

    protected override void InsertItem(int index, T item)
    {
        lock (_gate)
            base.InsertItem(index, item);
    }

    protected override void SetItem(int index, T item)
    {
        lock (_gate)
            base.SetItem(index, item);
    }

    protected override void RemoveItem(int index)
    {
        lock (_gate)
            base.RemoveItem(index);
    }

    protected override void ClearItems()
    {
        lock (_gate)
            base.ClearItems();
    }
}
