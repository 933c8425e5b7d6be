import { useState, type FormEvent } from "react";
import { ApiError } from "../api/client";
import { signIn } from "../api/session";
import { Field } from "../shared/ui";

/** Sign in with an API key: the server keeps the session in an HttpOnly cookie; the key is never stored by the page. */
export function SignInPage({ message, onSignedIn }: { message: string | null; onSignedIn: () => void }) {
  const [apiKey, setApiKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(apiKey.trim());
      setApiKey("");
      onSignedIn();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Gather cannot be reached.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <h1>Sign in to Gather</h1>
      {message && <p role="status" className="notice">{message}</p>}
      <form onSubmit={submit}>
        <Field label="API key" error={error} hint="Printed once by Gather on its first start, or created in Settings → Developer.">
          {(p) => <input {...p} type="password" autoComplete="off" required value={apiKey} onChange={(e) => setApiKey(e.target.value)} />}
        </Field>
        <button type="submit" disabled={busy || !apiKey.trim()}>Sign in</button>
      </form>
    </main>
  );
}
