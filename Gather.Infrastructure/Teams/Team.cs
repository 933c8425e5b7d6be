namespace Gather.Infrastructure.Teams;

/// <summary>The tenant: every other document belongs to exactly one team.</summary>
public sealed record Team(string Id, string Name, DateTimeOffset CreatedAt);
