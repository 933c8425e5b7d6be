using System.Text.Json.Nodes;
using Gather.Infrastructure.Views;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>One team's views in SQLite; every statement filters on <c>team_id</c>.</summary>
internal sealed class SqliteViewStore(SqliteConnectionFactory connections, string teamId)
    : SqliteDocuments<View>(connections, teamId, Table), IViewStore
{
    /// <summary>Names are unique per team regardless of case (<c>ux_views_team_name</c> on the folded <c>name_key</c>).</summary>
    private static readonly SqliteDocumentTable<View> Table = new("views", "view", v => v.TeamId,
        v =>
        [
            ("id", v.Id), ("team_id", v.TeamId), ("name", v.Name), ("name_key", View.NameKey(v.Name)), ("model_id", v.ModelId),
            ("definition", ViewDefinition.ToJson(v).ToJsonString()),
            ("created_at", v.CreatedAt.ToUnixMilliseconds()), ("updated_at", v.UpdatedAt.ToUnixMilliseconds()),
        ],
        "id, team_id, name, model_id, definition, created_at, updated_at", Read, "name_key, id",
        v => $"A view named '{v.Name}' already exists.")
    {
        Updatable = ["name", "name_key", "definition", "updated_at"],
    };

    public Task<View?> GetByNameAsync(string name, CancellationToken cancellationToken) =>
        FindAsync("name_key = $nameKey", [("$nameKey", View.NameKey(name))], cancellationToken);

    private static View Read(SqliteDataReader reader)
    {
        var (columns, where, order) = ViewDefinition.FromJson((JsonObject)JsonNode.Parse(reader.GetString(4))!);
        return new View(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), columns, where, order,
            reader.ReadTime(5), reader.ReadTime(6));
    }
}
