import { useState, type FormEvent } from "react";
import { mutate } from "../api/client";
import { CREATE_VIEW, VIEWS } from "../api/documents";
import type { ModelKind, PayloadError, ViewSummary } from "../api/types";
import { Link, navigate, path } from "../app/router";
import { useDenied } from "../app/session";
import { useQuery } from "../shared/useQuery";
import { ActionButton, ErrorMessage, Field, FieldErrors, Loading } from "../shared/ui";

interface Data {
  views: ViewSummary[];
  models: { id: string; name: string; kind: ModelKind }[];
}

export function ViewsPage() {
  const { data, error, loading, reload } = useQuery<Data>(VIEWS, undefined, "views");
  const [adding, setAdding] = useState(false);
  const denied = useDenied("manageViews");
  const views = [...(data?.views ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section>
      <h1>Views</h1>
      <p><ActionButton type="button" denied={denied} onClick={() => setAdding(true)} aria-expanded={adding}>Add View</ActionButton></p>
      {adding && data && <AddViewForm models={data.models} onDone={reload} onCancel={() => setAdding(false)} />}
      <ErrorMessage error={error} />
      {loading && !data ? <Loading what="views" /> : views.length === 0 ? <p>No views yet. Add one to explore a model's records.</p> : (
        <table>
          <caption className="visually-hidden">Views</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Model</th></tr></thead>
          <tbody>
            {views.map((v) => (
              <tr key={v.id}>
                <td><Link to={path("views", v.name)}>{v.name}</Link></td>
                <td>{v.model?.name ?? <em>deleted model</em>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AddViewForm({ models, onDone, onCancel }: { models: Data["models"]; onDone: () => void; onCancel: () => void }) {
  const usable = models.filter((m) => m.kind !== "INTEGRATION");
  const [name, setName] = useState("");
  const [modelId, setModelId] = useState(usable.find((m) => m.kind === "CUSTOM")?.id ?? usable[0]?.id ?? "");
  const [errors, setErrors] = useState(new FieldErrors());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const payload = await mutate<{ view: { name: string } | null; errors: PayloadError[] | null }>(CREATE_VIEW, { input: { name, modelId } });
      setErrors(FieldErrors.from(payload.errors));
      if (payload.view) {
        onDone();
        navigate(path("views", payload.view.name));
      }
    } catch (err) {
      setErrors(FieldErrors.from(null, err));
    }
  };

  return (
    <form onSubmit={submit} aria-label="Add View" className="panel">
      <Field label="View name" error={errors.for("name")}>
        {(p) => <input {...p} required value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Model" error={errors.for("modelId")}>
        {(p) => (
          <select {...p} value={modelId} onChange={(e) => setModelId(e.target.value)}>
            {usable.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        )}
      </Field>
      <ErrorMessage error={errors.others("name", "modelId")} />
      <button type="submit">Create view</button> <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
