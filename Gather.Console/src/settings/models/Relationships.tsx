import { useState, type FormEvent } from "react";
import { mutate } from "../../api/client";
import { CREATE_RELATIONSHIP, DELETE_RELATIONSHIP } from "../../api/documents";
import type { Model, PayloadError, Relationship } from "../../api/types";
import { useDenied } from "../../app/session";
import { ActionButton, ErrorMessage, Field, FieldErrors } from "../../shared/ui";

/** A model's relationships: list, create (from one of its fields to another model's field), delete. */
export function Relationships({ model, relationships, models, onChanged }: { model: Model; relationships: Relationship[]; models: Model[]; onChanged: () => void }) {
  const deleteDenied = useDenied("admin");
  const createDenied = useDenied("write");
  const [errors, setErrors] = useState(new FieldErrors());
  const remove = async (id: string) => {
    try {
      const payload = await mutate<{ errors: PayloadError[] | null }>(DELETE_RELATIONSHIP, { input: { id } });
      setErrors(FieldErrors.from(payload.errors));
      if (!payload.errors?.length) onChanged();
    } catch (err) {
      setErrors(FieldErrors.from(null, err));
    }
  };
  return (
    <>
      <h2>Relationships</h2>
      {relationships.length === 0 ? <p className="muted">None yet.</p> : (
        <table>
          <caption className="visually-hidden">Relationships of {model.name}</caption>
          <thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Name / inverse name</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {relationships.map((r) => (
              <tr key={r.id}>
                <td>{r.fromModel?.name}.<code>{r.fromField}</code></td>
                <td>{r.toModel?.name}.<code>{r.toField}</code></td>
                <td><code>{r.name}</code> / <code>{r.inverseName}</code></td>
                <td>{r.kind === "STANDARD" ? <span className="muted">built in</span>
                  : <ActionButton type="button" denied={deleteDenied} onClick={() => remove(r.id)} aria-label={`Delete relationship ${r.name}`}>Delete</ActionButton>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorMessage error={errors.others()} />
      {model.kind !== "INTEGRATION" && <CreateRelationship model={model} models={models} denied={createDenied} onChanged={onChanged} />}
    </>
  );
}

function CreateRelationship({ model, models, denied, onChanged }: { model: Model; models: Model[]; denied: string | null; onChanged: () => void }) {
  const [fromField, setFromField] = useState(model.fields[0]?.path ?? "");
  const [toModelId, setToModelId] = useState(models.find((m) => m.id !== model.id)?.id ?? model.id);
  const toModel = models.find((m) => m.id === toModelId);
  const toFields = toModel ? (toModel.kind === "INTEGRATION" ? ["id"] : [toModel.idField, ...toModel.fields.map((f) => f.path).filter((p) => p !== toModel.idField)]) : [];
  const [toField, setToField] = useState("");
  const [name, setName] = useState("");
  const [inverseName, setInverseName] = useState("");
  const [errors, setErrors] = useState(new FieldErrors());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const payload = await mutate<{ errors: PayloadError[] | null }>(CREATE_RELATIONSHIP, {
        input: { fromModelId: model.id, fromField, toModelId, toField: toField || toFields[0], name, inverseName },
      });
      setErrors(FieldErrors.from(payload.errors));
      if (!payload.errors?.length) {
        setName("");
        setInverseName("");
        onChanged();
      }
    } catch (err) {
      setErrors(FieldErrors.from(null, err));
    }
  };
  const shown = ["fromField", "toModelId", "toField", "name", "inverseName"];
  return (
    <form onSubmit={submit} aria-label="Create relationship" className="panel">
      <h3>Create a relationship</h3>
      <Field label={`From field of ${model.name}`} error={errors.for("fromField")}>
        {(p) => <input {...p} list="from-fields" required value={fromField} onChange={(e) => setFromField(e.target.value)} />}
      </Field>
      <datalist id="from-fields">{model.fields.map((f) => <option key={f.path} value={f.path} />)}</datalist>
      <Field label="To model" error={errors.for("toModelId")}>
        {(p) => <select {...p} value={toModelId} onChange={(e) => { setToModelId(e.target.value); setToField(""); }}>
          {models.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>}
      </Field>
      <Field label="To field" error={errors.for("toField")}>
        {(p) => <select {...p} value={toField || toFields[0] || ""} onChange={(e) => setToField(e.target.value)}>
          {toFields.map((f) => <option key={f} value={f}>{f}</option>)}
        </select>}
      </Field>
      <Field label="Name (from this model)" error={errors.for("name")}>{(p) => <input {...p} required value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <Field label="Inverse name (from the other model)" error={errors.for("inverseName")}>{(p) => <input {...p} required value={inverseName} onChange={(e) => setInverseName(e.target.value)} />}</Field>
      <ErrorMessage error={errors.others(...shown)} />
      <ActionButton type="submit" denied={denied}>Create relationship</ActionButton>
    </form>
  );
}
