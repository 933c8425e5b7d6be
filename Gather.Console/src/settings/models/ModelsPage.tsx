import { useState, type FormEvent } from "react";
import { mutate } from "../../api/client";
import { CREATE_MODEL, MODELS, modelCounts } from "../../api/documents";
import type { Model, PayloadError } from "../../api/types";
import { Link, path } from "../../app/router";
import { useDenied } from "../../app/session";
import { useQuery } from "../../shared/useQuery";
import { ActionButton, CopyButton, ErrorMessage, Field, FieldErrors, Loading } from "../../shared/ui";
import { SyncCommand } from "./SyncCommand";

/** Settings → Data models: every model with its Model ID, and Add New Model. */
export function ModelsPage() {
  const { data, error, loading, reload } = useQuery<{ models: Model[] }>(MODELS, undefined, "models");
  const stored = (data?.models ?? []).filter((m) => m.kind !== "INTEGRATION");
  const countsDocument = stored.length ? modelCounts(stored.map((m) => m.id)) : null;
  const counts = useQuery<Record<string, { totalCount: number } | null>>(countsDocument, undefined, countsDocument ?? "");
  const denied = useDenied("write");
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<Model | null>(null);

  return (
    <section>
      <h1>Data models</h1>
      <p><ActionButton type="button" denied={denied} onClick={() => { setAdding(true); setCreated(null); }} aria-expanded={adding}>Add New Model</ActionButton></p>
      {adding && <AddModelForm onCreated={(m) => { setCreated(m); setAdding(false); reload(); }} onCancel={() => setAdding(false)} />}
      {created && (
        <div className="panel" role="status" aria-label="New model">
          <h2>{created.name} is ready</h2>
          <p>Model ID <code data-testid="new-model-id">{created.id}</code> <CopyButton text={created.id} label="Copy the Model ID" /></p>
          <SyncCommand model={created} />
        </div>
      )}
      <ErrorMessage error={error} />
      {loading && !data ? <Loading what="models" /> : (
        <table>
          <caption className="visually-hidden">Data models</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Model ID</th><th scope="col">Type</th><th scope="col">ID field</th><th scope="col">Records</th></tr></thead>
          <tbody>
            {(data?.models ?? []).map((m) => {
              const at = stored.indexOf(m);
              const count = at >= 0 ? counts.data?.[`m${at}`]?.totalCount : undefined;
              return (
                <tr key={m.id}>
                  <td>{m.kind === "INTEGRATION" ? m.name : <Link to={path("settings", "models", m.id)}>{m.name}</Link>}</td>
                  <td><code>{m.id}</code> <CopyButton text={m.id} label={`Copy the Model ID of ${m.name}`} /></td>
                  <td>{m.kind === "CUSTOM" ? "Custom" : m.kind === "STANDARD" ? "Standard" : "Integration"}</td>
                  <td><code>{m.idField}</code></td>
                  <td className="num">{at < 0 ? "read from Stripe" : count === undefined ? "…" : count.toLocaleString()}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AddModelForm({ onCreated, onCancel }: { onCreated: (m: Model) => void; onCancel: () => void }) {
  const [name, setName] = useState("");
  const [idField, setIdField] = useState("id");
  const [errors, setErrors] = useState(new FieldErrors());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const payload = await mutate<{ model: Model | null; errors: PayloadError[] | null }>(CREATE_MODEL, { input: { name, idField } });
      setErrors(FieldErrors.from(payload.errors));
      if (payload.model) onCreated(payload.model);
    } catch (err) {
      setErrors(FieldErrors.from(null, err));
    }
  };
  return (
    <form onSubmit={submit} className="panel" aria-label="Add New Model">
      <Field label="Name" error={errors.for("name")}>{(p) => <input {...p} required value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <Field label="Type" hint="Models you add are custom models; Account and Customer are standard.">
        {(p) => <select {...p} disabled value="CUSTOM"><option value="CUSTOM">Custom</option></select>}
      </Field>
      <Field label="ID field" error={errors.for("idField")} hint="The field whose value identifies a record; syncs upsert by it.">
        {(p) => <input {...p} required value={idField} onChange={(e) => setIdField(e.target.value)} />}
      </Field>
      <ErrorMessage error={errors.others("name", "idField")} />
      <button type="submit">Create model</button> <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
