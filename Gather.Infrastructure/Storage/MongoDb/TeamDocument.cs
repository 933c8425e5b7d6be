using Gather.Infrastructure.Teams;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>A team in the <c>teams</c> collection.</summary>
internal sealed class TeamDocument
{
    public const string Collection = "teams";

    [BsonId] public required string Id { get; init; }
    [BsonElement("name")] public required string Name { get; init; }
    [BsonElement("createdAt")] public required DateTime CreatedAt { get; init; }

    /// <summary>Bootstrap asks for the oldest team.</summary>
    public static IEnumerable<CreateIndexModel<TeamDocument>> Indexes =>
    [
        new(Builders<TeamDocument>.IndexKeys.Ascending(t => t.CreatedAt).Ascending(t => t.Id),
            new CreateIndexOptions { Name = "createdAt_id" }),
    ];

    public static TeamDocument From(Team team) => new() { Id = team.Id, Name = team.Name, CreatedAt = team.CreatedAt.UtcDateTime };

    public Team ToDomain() => new(Id, Name, new(CreatedAt.Ticks, TimeSpan.Zero));
}
