using Gather.Infrastructure.Teams;
using Gather.Schema.Common;
using GraphQL.Types;

namespace Gather.Schema.Teams;

/// <summary>A team: the tenant that owns models, records and keys.</summary>
public sealed class TeamType : ObjectGraphType<Team>
{
    public TeamType()
    {
        Name = "Team";
        Description = "The tenant that owns models, records, views and API keys.";
        Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The team's stable id.");
        Field(t => t.Name).Description("The team's display name.");
        Field(t => t.CreatedAt, type: typeof(NonNullGraphType<DateTimeType>)).Description("When the team was created.");
    }
}
