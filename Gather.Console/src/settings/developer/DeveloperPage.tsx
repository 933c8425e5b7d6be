import { useState, type FormEvent } from "react";
import { mutate } from "../../api/client";
import { API_KEYS, CREATE_API_KEY, REVOKE_API_KEY } from "../../api/documents";
import type { ApiKey, PayloadError } from "../../api/types";
import { useDenied, useViewer } from "../../app/session";
import { useQuery } from "../../shared/useQuery";
import { ActionButton, CopyButton, ErrorMessage, Field, FieldErrors, Loading, formatTime } from "../../shared/ui";

const SCOPES = ["READ", "WRITE", "ADMIN"];

/** Settings → Developer: API keys (listing them needs ADMIN), create with the secret shown once, revoke. */
export function DeveloperPage() {
  const denied = useDenied("admin");
  const viewer = useViewer();
  const keys = useQuery<{ apiKeys: ApiKey[] }>(denied ? null : API_KEYS, undefined, "keys");
  const [errors, setErrors] = useState(new FieldErrors());
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);

  const revoke = async (key: ApiKey) => {
    if (key.id === viewer.apiKeyId && !window.confirm("This is the key you are signed in with. Revoke it and sign out?")) return;
    try {
      const payload = await mutate<{ errors: PayloadError[] | null }>(REVOKE_API_KEY, { input: { id: key.id } });
      setErrors(FieldErrors.from(payload.errors));
      keys.reload();
    } catch (err) {
      setErrors(FieldErrors.from(null, err));
    }
  };

  return (
    <section>
      <h1>Developer</h1>
      <h2>API keys</h2>
      {denied ? <p className="reason">{denied} Listing, creating and revoking keys is for admins.</p> : (
        <>
          <CreateKey onCreated={(name, s) => { setSecret({ name, secret: s }); keys.reload(); }} />
          {secret && (
            <div className="panel" role="status" aria-label="New API key">
              <p>The secret of <strong>{secret.name}</strong>. It is shown only this once: copy it now.</p>
              <p><code data-testid="new-secret">{secret.secret}</code> <CopyButton text={secret.secret} label="Copy the new API key" /></p>
              <button type="button" onClick={() => setSecret(null)}>I have copied it</button>
            </div>
          )}
          <ErrorMessage error={keys.error ?? errors.others()} />
          {keys.loading && !keys.data ? <Loading what="API keys" /> : (
            <table>
              <caption className="visually-hidden">API keys</caption>
              <thead><tr><th scope="col">Name</th><th scope="col">Scopes</th><th scope="col">Created</th><th scope="col">Ends with</th><th scope="col">Status</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
              <tbody>
                {(keys.data?.apiKeys ?? []).map((k) => (
                  <tr key={k.id}>
                    <td>{k.name}{k.id === viewer.apiKeyId && <span className="muted"> (this session)</span>}</td>
                    <td>{k.scopes.join(", ")}</td>
                    <td>{formatTime(k.createdAt)}</td>
                    <td><code>…{k.preview}</code></td>
                    <td>{k.revoked ? `Revoked ${formatTime(k.revokedAt)}` : "Active"}</td>
                    <td>{!k.revoked && <button type="button" onClick={() => revoke(k)} aria-label={`Revoke ${k.name}`}>Revoke</button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

function CreateKey({ onCreated }: { onCreated: (name: string, secret: string) => void }) {
  const [name, setName] = useState("");
  const [scope, setScope] = useState("READ");
  const [errors, setErrors] = useState(new FieldErrors());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const payload = await mutate<{ secret: string | null; errors: PayloadError[] | null }>(CREATE_API_KEY, { input: { name, scopes: [scope] } });
      setErrors(FieldErrors.from(payload.errors));
      if (payload.secret) {
        onCreated(name, payload.secret);
        setName("");
      }
    } catch (err) {
      setErrors(FieldErrors.from(null, err));
    }
  };
  return (
    <form onSubmit={submit} aria-label="Create API key" className="panel inline">
      <Field label="Key name" error={errors.for("name")}>{(p) => <input {...p} required value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <Field label="Scope" error={errors.for("scopes")} hint="Cumulative: WRITE also reads, ADMIN also writes.">
        {(p) => <select {...p} value={scope} onChange={(e) => setScope(e.target.value)}>{SCOPES.map((s) => <option key={s}>{s}</option>)}</select>}
      </Field>
      <ActionButton type="submit">Create key</ActionButton>
    </form>
  );
}
