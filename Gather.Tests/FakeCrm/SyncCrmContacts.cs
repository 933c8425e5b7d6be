using Gather.Infrastructure.IntegrationTasks.Operations;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Integrations;
using System.Text.Json.Nodes;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Validation;

namespace Gather.Tests.FakeCrm;

/// <summary>Sync CRM Contacts: attaches each contact to the records of the task's model whose id field (<c>chargeIdField</c>) names it.</summary>
public sealed class SyncCrmContacts : IAttachingTaskSync
{
    public IntegrationTaskKind Kind => FakeCrm.SyncContacts;

    public Task<Result<IntegrationTaskOptions>> CheckOptionsAsync(ITeamStore team, string integrationId, IntegrationTaskOptions? options,
        IReadOnlyList<IntegrationTask> existing, CancellationToken cancellationToken) =>
        Task.FromResult(options is { ModelId: { Length: > 0 }, ChargeIdField: { Length: > 0 } }
            ? Result<IntegrationTaskOptions>.Ok(options)
            : Result<IntegrationTaskOptions>.Invalid([new("options", "required", "Name the model and the field holding contact ids.")]));

    public async Task RunAsync(IntegrationTaskRun run, CancellationToken cancellationToken)
    {
        var changed = await AttachNewRecordsAsync(run, cancellationToken);
        await run.SavePageAsync(null, FakeCrmDirectory.Contacts.Count, changed, cancellationToken);
    }

    public Task<int> AttachNewRecordsAsync(IntegrationTaskRun run, CancellationToken cancellationToken)
    {
        var now = run.Now;
        var snapshots = FakeCrmDirectory.Contacts.Select(c => new AttachedSnapshot(c.Id,
            new JsonObject { ["id"] = c.Id, ["name"] = c.Name, ["score"] = c.Score }, now.ToUnixTimeSeconds())).ToList();
        return run.Team.Records.AttachAsync(run.Task.Options.ModelId!, new FieldPath(run.Task.Options.ChargeIdField!.Split('.')),
            FakeCrm.ContactSection.Name, snapshots, now, cancellationToken);
    }

    public bool IsFailure(Exception exception, CancellationToken cancellationToken) => false;
}
