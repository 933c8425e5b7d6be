import { useEffect, useState, type FormEvent } from "react";
import { mutate } from "../../api/client";
import { CONNECT_STRIPE, DISCONNECT, INTEGRATIONS } from "../../api/documents";
import type { Integration, IntegrationTask, Model, PayloadError } from "../../api/types";
import { useDenied } from "../../app/session";
import { useQuery } from "../../shared/useQuery";
import { ActionButton, ErrorMessage, Field, FieldErrors, Loading, formatTime } from "../../shared/ui";
import { Tasks } from "./Tasks";

interface Data {
  integrations: Integration[];
  integrationTasks: IntegrationTask[];
  models: Model[];
}

/** While a task runs, its status and progress are read again this often. */
const REFRESH_MS = 2000;

/** Settings → Integrations: connect Stripe, disconnect, and Edit Tasks. */
export function IntegrationsPage() {
  const { data, error, loading, reload } = useQuery<Data>(INTEGRATIONS, undefined, "integrations");
  const denied = useDenied("admin");
  const [editing, setEditing] = useState(false);
  const [errors, setErrors] = useState(new FieldErrors());
  const stripe = data?.integrations.find((i) => i.kind === "STRIPE");
  const busy = data?.integrationTasks.some((t) => t.status === "PENDING" || t.status === "RUNNING");

  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(reload, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [busy, data, reload]);

  const disconnect = async () => {
    if (!stripe || !window.confirm("Disconnect Stripe? Its tasks are deleted; charges already attached stay.")) return;
    try {
      const payload = await mutate<{ errors: PayloadError[] | null }>(DISCONNECT, { input: { id: stripe.id } });
      setErrors(FieldErrors.from(payload.errors));
      reload();
    } catch (err) {
      setErrors(FieldErrors.from(null, err));
    }
  };

  if (loading && !data) return <Loading what="integrations" />;
  return (
    <section>
      <h1>Integrations</h1>
      <ErrorMessage error={error ?? errors.others()} />
      <div className="panel">
        <h2>Stripe</h2>
        {stripe ? (
          <>
            <p>Connected with the key ending <code data-testid="stripe-last4">{stripe.secretKeyLast4}</code> since {formatTime(stripe.createdAt)}.</p>
            <ActionButton type="button" denied={denied} onClick={() => setEditing(!editing)} aria-expanded={editing}>Edit Tasks</ActionButton>{" "}
            <ActionButton type="button" denied={denied} onClick={disconnect}>Disconnect</ActionButton>
          </>
        ) : <ConnectStripe denied={denied} onConnected={reload} />}
      </div>
      {stripe && data && (editing || data.integrationTasks.length > 0) && (
        <Tasks integration={stripe} tasks={data.integrationTasks} models={data.models} editing={editing} onChanged={reload} />
      )}
    </section>
  );
}

function ConnectStripe({ denied, onConnected }: { denied: string | null; onConnected: () => void }) {
  const [secretKey, setSecretKey] = useState("");
  const [errors, setErrors] = useState(new FieldErrors());
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const payload = await mutate<{ integration: unknown; errors: PayloadError[] | null }>(CONNECT_STRIPE, { input: { secretKey } });
      setErrors(FieldErrors.from(payload.errors));
      if (payload.integration) {
        setSecretKey("");
        onConnected();
      }
    } catch (err) {
      setErrors(FieldErrors.from(null, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} aria-label="Connect Stripe">
      <p>Not connected. Gather checks the key with Stripe, then stores it encrypted and shows only its last four characters.</p>
      <Field label="Stripe secret key" error={errors.for("secretKey")}>
        {(p) => <input {...p} type="password" autoComplete="off" required value={secretKey} disabled={!!denied} onChange={(e) => setSecretKey(e.target.value)} placeholder="sk_live_…" />}
      </Field>
      <ErrorMessage error={errors.others("secretKey")} />
      <ActionButton type="submit" denied={denied} disabled={busy}>Connect Stripe</ActionButton>
    </form>
  );
}
