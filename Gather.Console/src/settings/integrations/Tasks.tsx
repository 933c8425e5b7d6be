import { useState, type FormEvent } from "react";
import { mutate } from "../../api/client";
import { CREATE_TASK, DELETE_TASK, RUN_TASK } from "../../api/documents";
import type { Integration, IntegrationTask, Model, PayloadError, UnmatchedRecords } from "../../api/types";
import { useDenied } from "../../app/session";
import { ActionButton, ErrorMessage, Field, FieldErrors, formatTime } from "../../shared/ui";

const KIND_LABELS: Record<IntegrationTask["kind"], string> = { SYNC_STRIPE_CHARGES: "Sync Stripe Charges", SYNC_STRIPE_CUSTOMERS: "Sync Stripe Customers" };

/** The integration's tasks: status, progress, last run and error; run now, delete, and add Sync Stripe Charges. */
export function Tasks({ integration, tasks, models, editing, onChanged }: { integration: Integration; tasks: IntegrationTask[]; models: Model[]; editing: boolean; onChanged: () => void }) {
  const denied = useDenied("admin");
  const [errors, setErrors] = useState(new FieldErrors());
  const act = async (document: string, id: string) => {
    try {
      const payload = await mutate<{ errors: PayloadError[] | null }>(document, { input: { id } });
      setErrors(FieldErrors.from(payload.errors));
      onChanged();
    } catch (err) {
      setErrors(FieldErrors.from(null, err));
    }
  };
  const modelName = (id: string | null) => models.find((m) => m.id === id)?.name ?? id ?? "";

  return (
    <section aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">Tasks</h2>
      <ErrorMessage error={errors.others()} />
      <table className="tasks">
        <caption className="visually-hidden">Integration tasks</caption>
        <thead><tr><th scope="col">Task</th><th scope="col">Status</th><th scope="col">Progress</th><th scope="col">Could not match</th><th scope="col">Last run</th><th scope="col">Last error</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {tasks.map((t) => (
            <tr key={t.id} data-testid="task-row">
              <td>{KIND_LABELS[t.kind]}{t.options.modelId && <> on {modelName(t.options.modelId)} by <code>{t.options.chargeIdField}</code></>}
                {t.note && <><br /><small className="muted">{t.note}</small></>}</td>
              <td><span className={`status status-${t.status.toLowerCase()}`} data-testid="task-status">{t.status.charAt(0) + t.status.slice(1).toLowerCase()}</span></td>
              <td className="num">{t.progress.scanned.toLocaleString()} read from Stripe, {t.progress.recordsUpdated.toLocaleString()} records updated</td>
              <td data-testid="task-unmatched"><Unmatched task={t} /></td>
              <td>{formatTime(t.finishedAt ?? t.startedAt)}{t.nextRunAt && <><br /><small className="muted">next {formatTime(t.nextRunAt)}</small></>}</td>
              <td>{t.lastError ?? "—"}</td>
              <td>
                <ActionButton type="button" denied={denied} onClick={() => act(RUN_TASK, t.id)} aria-label={`Run ${KIND_LABELS[t.kind]} now`}>Run now</ActionButton>{" "}
                <ActionButton type="button" denied={denied} onClick={() => act(DELETE_TASK, t.id)} aria-label={`Delete ${KIND_LABELS[t.kind]}`}>Delete</ActionButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && <AddChargesTask integration={integration} models={models} denied={denied} onChanged={onChanged} />}
    </section>
  );
}

/** What a charges task could not match (records without a charge id, ids Stripe does not know), and its warnings. */
function Unmatched({ task }: { task: IntegrationTask }) {
  const { withoutChargeId, unknownChargeIds } = task.progress;
  const examples = (u: UnmatchedRecords) => u.examples.map((e) => e.chargeId ? `${e.recordId} (${e.chargeId})` : e.recordId).join(", ");
  if (!withoutChargeId && !unknownChargeIds && task.warnings.length === 0) return <>—</>;
  return (
    <>
      {task.warnings.map((w) => <p key={w.code} className="warning" role="status"><strong>{w.message}</strong></p>)}
      {withoutChargeId && withoutChargeId.count > 0 && <p>{withoutChargeId.count.toLocaleString()} records without a charge id{withoutChargeId.examples.length > 0 && <>, e.g. <small>{examples(withoutChargeId)}</small></>}</p>}
      {unknownChargeIds && unknownChargeIds.count > 0 && <p>{unknownChargeIds.count.toLocaleString()} charge ids Stripe does not know{unknownChargeIds.examples.length > 0 && <>, e.g. <small>{examples(unknownChargeIds)}</small></>}</p>}
      {task.progress.checkedAt && <small className="muted">checked {formatTime(task.progress.checkedAt)}</small>}
    </>
  );
}

function AddChargesTask({ integration, models, denied, onChanged }: { integration: Integration; models: Model[]; denied: string | null; onChanged: () => void }) {
  const candidates = models.filter((m) => m.kind !== "INTEGRATION");
  const [modelId, setModelId] = useState(candidates.find((m) => m.kind === "CUSTOM")?.id ?? candidates[0]?.id ?? "");
  const fields = candidates.find((m) => m.id === modelId)?.fields.filter((f) => !f.path.includes(".")) ?? [];
  const [field, setField] = useState("");
  const chargeIdField = field || fields.find((f) => /charge/i.test(f.path))?.path || fields[0]?.path || "";
  const [errors, setErrors] = useState(new FieldErrors());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const payload = await mutate<{ errors: PayloadError[] | null }>(CREATE_TASK, {
        input: { integrationId: integration.id, kind: "SYNC_STRIPE_CHARGES", options: { modelId, chargeIdField } },
      });
      setErrors(FieldErrors.from(payload.errors));
      if (!payload.errors?.length) onChanged();
    } catch (err) {
      setErrors(FieldErrors.from(null, err));
    }
  };
  return (
    <form onSubmit={submit} aria-label="Add task" className="panel">
      <h3>Add task: Sync Stripe Charges</h3>
      <p>Attaches each Stripe charge to the records whose field holds its id.</p>
      <Field label="Model ID" error={errors.for("modelId")}>
        {(p) => <select {...p} value={modelId} onChange={(e) => { setModelId(e.target.value); setField(""); }}>
          {candidates.map((m) => <option key={m.id} value={m.id}>{m.name} ({m.id})</option>)}
        </select>}
      </Field>
      <Field label="Stripe Charge ID Field" error={errors.for("chargeIdField")} hint={fields.length ? undefined : "This model has no fields yet: sync a record first."}>
        {(p) => <select {...p} value={chargeIdField} onChange={(e) => setField(e.target.value)}>
          {fields.map((f) => <option key={f.path} value={f.path}>{f.path}</option>)}
        </select>}
      </Field>
      <ErrorMessage error={errors.others("modelId", "chargeIdField")} />
      <ActionButton type="submit" denied={denied} disabled={!modelId || !chargeIdField}>Add Sync Stripe Charges</ActionButton>
    </form>
  );
}
