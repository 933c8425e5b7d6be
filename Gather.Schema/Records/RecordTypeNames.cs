namespace Gather.Schema.Records;

/// <summary>
/// The names of a record type and of the types that come with it: its connection and edge
/// (named for its list), and its filter and sort inputs. Every record type is named here, so a
/// type is never named by putting strings together elsewhere.
/// </summary>
public sealed record RecordTypeNames(string Type, string List)
{
    /// <summary>What a record type's companion types append to its own or its list's name; a name is free only if every one is.</summary>
    public static readonly IReadOnlyList<string> Suffixes = ["", "FilterInput", "SortInput", "Connection", "Edge"];

    /// <summary>The generic record of any model: <c>Record</c>, <c>RecordsConnection</c>, <c>RecordFilterInput</c>.</summary>
    public static readonly RecordTypeNames Record = new("Record", "Records");

    public string Connection => List + "Connection";

    public string Edge => List + "Edge";

    public string FilterInput => Type + "FilterInput";

    public string SortInput => Type + "SortInput";

    /// <summary>Account and Customer: their lists take the plural (<c>AccountsConnection</c>), as their root fields do (<c>accounts</c>).</summary>
    public static RecordTypeNames Standard(string modelName) => new(modelName, modelName + "s");

    /// <summary>A custom model's typed type: its list keeps the type's name (<c>Orders</c>, <c>OrdersConnection</c>), as model names are mostly plural already.</summary>
    public static RecordTypeNames Typed(string typeName) => new(typeName, typeName);
}
