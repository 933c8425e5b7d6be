namespace Gather.Tests.Architecture;

/// <summary>
/// The areas of Gather.Infrastructure depend on each other one way, never back: a feature (its
/// documents and its store's port) on the storage primitives and on the features below it; the team's
/// store (<c>Teams</c>) on the features' ports; each feature's operations on the team's store; the
/// adapters on the ports they implement; the store's hosting on the adapters.
/// </summary>
public sealed class NamespaceCycleTests
{
    /// <summary>
    /// The two-way cycles still standing, each with why; none today. The list may only shrink: a
    /// new cycle fails, and so does a listed one that is gone, so that the list stays the truth.
    /// </summary>
    private static readonly (string A, string B)[] Standing = [];

    [Fact]
    public void Infrastructure_areas_have_no_two_way_namespace_cycles()
    {
        var graph = NamespaceGraph.Read("Gather.Infrastructure");
        var cycles = graph.TwoWayCycles();

        var added = cycles.Except(Standing).ToList();
        var gone = Standing.Except(cycles).ToList();

        Assert.True(added.Count == 0 && gone.Count == 0,
            $"{cycles.Count} two-way cycle(s) between areas of Gather.Infrastructure.\n" +
            (added.Count > 0 ? "New:\n" + string.Join("\n", added.Select(graph.Describe)) + "\n" : "") +
            (gone.Count > 0 ? "Gone (remove them from the list): " + string.Join(", ", gone) + "\n" : ""));
    }

    [Fact]
    public void The_graph_sees_a_using_a_qualified_name_and_an_enclosing_namespace()
    {
        var graph = NamespaceGraph.Read("Gather.Infrastructure");

        // The SQLite adapter names the port's types through its enclosing namespace, without a using.
        Assert.Contains(("Storage.Sqlite", "Storage"), graph.Uses.Keys);
        Assert.Equal("Records", graph.AreaOf("Gather.Infrastructure.Records.Querying"));
        Assert.Equal("Storage.MongoDb", graph.AreaOf("Gather.Infrastructure.Storage.MongoDb"));
    }
}
