using Gather.Infrastructure.Indexes;
using Gather.Schema.Common;
using Gather.Schema.IntegrationTasks;
using Gather.Schema.Loading;
using Gather.Schema.Views;
using GraphQL.Types;

namespace Gather.Schema.Indexes;

/// <summary>Something that holds an index: a <c>createIndex</c> call, a view or an integration task.</summary>
public sealed class IndexOwnerType : ObjectGraphType<IndexOwner>
{
    public IndexOwnerType()
    {
        Name = "IndexOwner";
        Description = "Something that holds an index, so that the index stays.";
        Field<NonNullGraphType<IndexOwnerKindType>>("kind").Description("What holds the index.").Resolve(c => c.Source.Kind);
        Field<IdGraphType>("id").Description("The view's or task's id; null for USER.")
            .Resolve(c => c.Source.Kind == IndexOwner.UserKind ? null : c.Source.Id);
        Field<ViewType>("view").Description("The view, for VIEW; null otherwise.")
            .ResolveAsync(async c => c.Source.Kind == IndexOwner.ViewKind ? await IndexLoading.ViewAsync(c, c.Source.Id) : null);
        Field<IntegrationTaskType>("task").Description("The integration task, for TASK; null otherwise.")
            .ResolveAsync(async c => c.Source.Kind == IndexOwner.IntegrationTaskKind
                ? (await c.TeamIntegrationTasksAsync()).FirstOrDefault(t => t.Id == c.Source.Id) : null);
    }
}

/// <summary>The kinds of owner, as the store names them.</summary>
public sealed class IndexOwnerKindType : EnumerationGraphType
{
    public IndexOwnerKindType()
    {
        Name = "IndexOwnerKind";
        Description = "What holds an index.";
        Add("USER", IndexOwner.UserKind, "Asked for with createIndex; dropIndex lets go of it.");
        Add("VIEW", IndexOwner.ViewKind, "A view whose saved filter and order need it; deleting the view, or changing its filter and order, lets go of it.");
        Add("TASK", IndexOwner.IntegrationTaskKind, "An integration task that looks records up by the field; deleting the task lets go of it.");
    }
}
