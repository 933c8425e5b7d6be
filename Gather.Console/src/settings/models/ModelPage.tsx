import { useState, type FormEvent } from "react";
import { mutate } from "../../api/client";
import { DECLARE_FIELDS, DELETE_MODEL, MODEL_PAGE, RENAME_MODEL } from "../../api/documents";
import type { FieldType, Model, PayloadError, Relationship } from "../../api/types";
import { Link, navigate } from "../../app/router";
import { useDenied } from "../../app/session";
import { useQuery } from "../../shared/useQuery";
import { ActionButton, CopyButton, ErrorMessage, Field, FieldErrors, Loading } from "../../shared/ui";
import { Relationships } from "./Relationships";
import { SyncCommand } from "./SyncCommand";

const TYPES: FieldType[] = ["STRING", "INT", "FLOAT", "BOOLEAN", "DATE_TIME", "JSON"];

interface Data {
  model: Model | null;
  relationships: Relationship[];
  models: Model[];
}

/** A model: its Model ID, field catalogue (declare a type), rename, delete, and relationships. */
export function ModelPage({ id }: { id: string }) {
  const { data, error, loading, reload } = useQuery<Data>(MODEL_PAGE, { id }, id);
  if (loading && !data) return <Loading what="the model" />;
  if (error) return <ErrorMessage error={error} />;
  const model = data?.model;
  if (!model) return <section><h1>Not found</h1><p>No model has this id. <Link to="/settings/models">See all models</Link>.</p></section>;

  return (
    <section>
      <nav aria-label="Breadcrumb" className="crumbs"><Link to="/settings/models">Data models</Link> › <span aria-current="page">{model.name}</span></nav>
      <h1>{model.name}</h1>
      <p>Model ID <code>{model.id}</code> <CopyButton text={model.id} label="Copy the Model ID" /> · ID field <code>{model.idField}</code> · {model.kind.toLowerCase()}</p>
      {model.kind !== "INTEGRATION" && <SyncCommand model={model} />}
      <h2>Fields</h2>
      <Catalogue model={model} onChanged={reload} />
      <Relationships model={model} relationships={data!.relationships} models={data!.models} onChanged={reload} />
      {model.kind === "CUSTOM" && <><RenameModel model={model} onChanged={reload} /><DeleteModel model={model} /></>}
    </section>
  );
}

function Catalogue({ model, onChanged }: { model: Model; onChanged: () => void }) {
  const denied = useDenied("write");
  const [errors, setErrors] = useState(new FieldErrors());
  const [choice, setChoice] = useState<Record<string, FieldType>>({});
  const declare = async (path: string) => {
    try {
      const payload = await mutate<{ errors: PayloadError[] | null }>(DECLARE_FIELDS, { input: { id: model.id, fields: [{ path, type: choice[path] }] } });
      setErrors(FieldErrors.from(payload.errors));
      if (!payload.errors?.length) onChanged();
    } catch (err) {
      setErrors(FieldErrors.from(null, err));
    }
  };
  if (!model.fields.length) return <p className="muted">No fields yet: sync a record and its fields appear here.</p>;
  return (
    <>
      <table>
        <caption className="visually-hidden">Field catalogue of {model.name}</caption>
        <thead><tr><th scope="col">Path</th><th scope="col">Type</th><th scope="col">Records holding it</th><th scope="col">Declare a type</th></tr></thead>
        <tbody>
          {model.fields.map((f) => (
            <tr key={f.path}>
              <td><code>{f.path}</code></td>
              <td>{f.type}{f.declaredType ? " (declared)" : " (inferred)"}</td>
              <td className="num">{f.recordCount.toLocaleString()}</td>
              <td>
                <label className="visually-hidden" htmlFor={`type-${f.path}`}>Type of {f.path}</label>
                <select id={`type-${f.path}`} value={choice[f.path] ?? f.declaredType ?? f.type} disabled={!!denied}
                  onChange={(e) => setChoice({ ...choice, [f.path]: e.target.value as FieldType })}>
                  {TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
                </select>{" "}
                <ActionButton type="button" denied={denied} disabled={!choice[f.path]} onClick={() => declare(f.path)} aria-label={`Declare the type of ${f.path}`}>Declare</ActionButton>
                {errors.for(f.path) && <span className="field-error" role="alert">{errors.for(f.path)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorMessage error={errors.others(...model.fields.map((f) => f.path))} />
    </>
  );
}

function RenameModel({ model, onChanged }: { model: Model; onChanged: () => void }) {
  const denied = useDenied("admin");
  const [name, setName] = useState(model.name);
  const [errors, setErrors] = useState(new FieldErrors());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const payload = await mutate<{ errors: PayloadError[] | null }>(RENAME_MODEL, { input: { id: model.id, name } });
      setErrors(FieldErrors.from(payload.errors));
      if (!payload.errors?.length) onChanged();
    } catch (err) {
      setErrors(FieldErrors.from(null, err));
    }
  };
  return (
    <form onSubmit={submit} aria-label="Rename model" className="panel">
      <h2>Rename</h2>
      <Field label="New name" error={errors.for("name")}>{(p) => <input {...p} required value={name} disabled={!!denied} onChange={(e) => setName(e.target.value)} />}</Field>
      <ErrorMessage error={errors.others("name")} />
      <ActionButton type="submit" denied={denied} disabled={name === model.name}>Rename</ActionButton>
    </form>
  );
}

function DeleteModel({ model }: { model: Model }) {
  const denied = useDenied("admin");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState(new FieldErrors());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const payload = await mutate<{ errors: PayloadError[] | null }>(DELETE_MODEL, { input: { id: model.id, confirmName: confirm } });
      setErrors(FieldErrors.from(payload.errors));
      if (!payload.errors?.length) navigate("/settings/models");
    } catch (err) {
      setErrors(FieldErrors.from(null, err));
    }
  };
  return (
    <form onSubmit={submit} aria-label="Delete model" className="panel danger">
      <h2>Delete</h2>
      <p>Deleting {model.name} deletes its records and relationships too. Views on it stay, without data.</p>
      <Field label={`Type “${model.name}” to confirm`} error={errors.for("confirmName")}>
        {(p) => <input {...p} value={confirm} disabled={!!denied} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" />}
      </Field>
      <ErrorMessage error={errors.others("confirmName")} />
      <ActionButton type="submit" denied={denied} disabled={confirm !== model.name}>Delete {model.name}</ActionButton>
    </form>
  );
}
