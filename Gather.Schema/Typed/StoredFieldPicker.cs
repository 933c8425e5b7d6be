using System.Text;
using System.Text.Json;

namespace Gather.Schema.Typed;

/// <summary>
/// Picks the selected synced fields out of a record's stored JSON in one pass over its
/// properties, without building a node per property as reading <c>Data</c> would. Records of one
/// model mostly list their fields in the same order, so the picker remembers the last record's
/// layout and confirms each name with a byte comparison; a name out of place is looked up.
/// One picker serves the records of one list, written on one thread.
/// </summary>
public sealed class StoredFieldPicker(IReadOnlyList<string> paths)
{
    private readonly Dictionary<string, int> _slots = paths.Select((path, slot) => (path, slot))
        .ToDictionary(p => p.path, p => p.slot, StringComparer.Ordinal);

    // The property names of the last record picked, by position, with their slots (-1: not selected).
    private readonly List<(byte[] Name, int Slot)> _layout = [];

    public int Count => paths.Count;

    /// <summary>Fills <paramref name="values"/> (one slot per path) from <paramref name="data"/>; a missing field stays <c>Undefined</c>.</summary>
    public void Pick(JsonElement data, Span<JsonElement> values)
    {
        values.Clear();
        var position = 0;
        foreach (var property in data.EnumerateObject())
        {
            int slot;
            if (position < _layout.Count && property.NameEquals(_layout[position].Name))
                slot = _layout[position].Slot;
            else
            {
                var name = property.Name;
                slot = _slots.GetValueOrDefault(name, -1);
                var seen = (Encoding.UTF8.GetBytes(name), slot);
                if (position < _layout.Count)
                    _layout[position] = seen;
                else
                    _layout.Add(seen);
            }
            if (slot >= 0)
                values[slot] = property.Value;
            position++;
        }
    }
}
