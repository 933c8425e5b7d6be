using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Schema.Common;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.IntegrationTasks;

/// <summary>A background job syncing data from an integration, with its status and progress.</summary>
public sealed class IntegrationTaskType : ObjectGraphType<IntegrationTask>
{
    public IntegrationTaskType()
    {
        Name = "IntegrationTask";
        Description = "A background job that syncs data from an integration: a backfill when added, then webhooks and a periodic reconcile.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("integrationId").Description("The integration it syncs from.").Resolve(c => c.Source.IntegrationId);
        Field<NonNullGraphType<IntegrationTaskKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntegrationTaskOptionsType>>("options").Resolve(c => c.Source.Options);
        Field<NonNullGraphType<IntegrationTaskStatusType>>("status").Resolve(c => c.Source.State.Status);
        Field<NonNullGraphType<IntegrationTaskProgressType>>("progress").Description("What the current or last run has done.")
            .Resolve(c => c.Source.State.Progress);
        Field<NonNullGraphType<BooleanGraphType>>("backfillDone").Description("Whether the initial backfill has finished once.")
            .Resolve(c => c.Source.State.BackfillDone);
        Field<DateTimeType>("startedAt").Description("When the current or last run started.").Resolve(c => c.Source.State.StartedAt);
        Field<DateTimeType>("finishedAt").Description("When the last run finished or failed.").Resolve(c => c.Source.State.FinishedAt);
        Field<DateTimeType>("nextRunAt").Description("When the next run is due: the reconcile, or a retry after a failure.")
            .Resolve(c => c.Source.State.NextRunAt);
        Field<StringGraphType>("lastError").Description("Why the last run failed; null after a success.").Resolve(c => c.Source.State.LastError);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntegrationTaskWarningType>>>>("warnings")
            .Description("What the last run (or the attaching of new records' charges) could not do, e.g. that Stripe knows none of the records' charge ids. Empty when there is nothing to say.")
            .Resolve(c => c.Source.State.Warnings ?? []);
        Field<StringGraphType>("note").Description("Something to know about how the task keeps current, e.g. that no public URL is set for webhooks.")
            .Resolve(c => c.Source.State.Note);
        Field<NonNullGraphType<DateTimeType>>("createdAt").Resolve(c => c.Source.CreatedAt);
    }
}

public sealed class IntegrationTaskOptionsType : ObjectGraphType<IntegrationTaskOptions>
{
    public IntegrationTaskOptionsType()
    {
        Name = "IntegrationTaskOptions";
        Description = "What a task works on.";
        Field<IdGraphType>("modelId").Description("Sync Stripe Charges: the model whose records get their charges attached (Model ID).")
            .Resolve(c => c.Source.ModelId);
        Field<StringGraphType>("chargeIdField").Description("Sync Stripe Charges: the field holding each record's Stripe charge id (Stripe Charge ID Field).")
            .Resolve(c => c.Source.ChargeIdField);
    }
}

public sealed class IntegrationTaskProgressType : ObjectGraphType<IntegrationTaskProgress>
{
    public IntegrationTaskProgressType()
    {
        Name = "IntegrationTaskProgress";
        Description = "Counts for the current or last run.";
        Field<NonNullGraphType<LongGraphType>>("scanned").Description("Objects read from the integration: charges, or customers.")
            .Resolve(c => c.Source.Scanned);
        Field<NonNullGraphType<LongGraphType>>("recordsUpdated")
            .Description("Records that changed: charges attached or refreshed, or customers and accounts created or updated.")
            .Resolve(c => c.Source.RecordsChanged);
        Field<UnmatchedRecordsType>("withoutChargeId")
            .Description("Sync Stripe Charges: the model's records holding no charge id in the task's field (missing, empty or not text). Null before the first check and for other tasks.")
            .Resolve(c => c.Source.ChargeIds?.WithoutChargeId);
        Field<UnmatchedRecordsType>("unknownChargeIds")
            .Description("Sync Stripe Charges: the model's records holding a charge id that Stripe does not know, so no charge is attached. Null before the first check and for other tasks.")
            .Resolve(c => c.Source.ChargeIds?.UnknownChargeIds);
        Field<DateTimeType>("checkedAt")
            .Description("Sync Stripe Charges: when withoutChargeId and unknownChargeIds were counted (the end of the last full run, or after new records' charges were attached).")
            .Resolve(c => c.Source.ChargeIds?.CheckedAt);
    }
}

/// <summary>The task kinds of the registered integrations (<c>SyncStripeCharges</c> as <c>SYNC_STRIPE_CHARGES</c>).</summary>
public sealed class IntegrationTaskKindType : EnumerationGraphType
{
    public IntegrationTaskKindType(IntegrationCatalog integrations)
    {
        Name = "IntegrationTaskKind";
        Description = "What a task syncs.";
        foreach (var kind in integrations.TaskKinds)
            Add(kind.Name.ToConstantCase(), kind);
    }
}

public sealed class IntegrationTaskStatusType : EnumerationGraphType<IntegrationTaskStatus>
{
    public IntegrationTaskStatusType()
    {
        Name = "IntegrationTaskStatus";
        Description = "Where a task's current or last run stands.";
    }
}
