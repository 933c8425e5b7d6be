import { useId, useState, type ButtonHTMLAttributes, type ReactNode } from "react";
import { ApiError, type GraphQLErrorItem } from "../api/client";
import type { PayloadError } from "../api/types";

/** An error from the API, announced to screen readers. */
export function ErrorMessage({ error }: { error: ApiError | Error | string | null | undefined }) {
  if (!error) return null;
  const text = typeof error === "string" ? error : error.message;
  return <p role="alert" className="error">{text}</p>;
}

/** A button that, when the key's scopes do not allow it, is disabled and says why. */
export function ActionButton({ denied, children, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { denied?: string | null }) {
  const id = useId();
  return (
    <>
      <button {...rest} disabled={rest.disabled || !!denied} aria-describedby={denied ? id : rest["aria-describedby"]}>{children}</button>
      {denied && <span id={id} className="reason">{denied}</span>}
    </>
  );
}

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <button type="button" onClick={copy} aria-label={label}>
      {copied ? "Copied" : "Copy"}
      <span aria-live="polite" className="visually-hidden">{copied ? "Copied to the clipboard" : ""}</span>
    </button>
  );
}

/** Errors a mutation reported, by the input field they name (payload `field`, or `extensions.field`). */
export class FieldErrors {
  constructor(readonly items: { message: string; field?: string; rule?: string }[] = []) {}

  static from(payload: PayloadError[] | null | undefined, thrown?: unknown): FieldErrors {
    const items: FieldErrors["items"] = [...(payload ?? [])];
    if (thrown instanceof ApiError) {
      items.push(...thrown.errors.map((e: GraphQLErrorItem) => ({ message: e.message, field: e.extensions?.field, rule: e.extensions?.rule })));
    } else if (thrown) items.push({ message: String(thrown) });
    return new FieldErrors(items);
  }

  get any() {
    return this.items.length > 0;
  }

  /** Messages naming one of these fields (`name`, `input.name`, `options.modelId` all match `name`/`modelId`). */
  for(...fields: string[]): string | null {
    const found = this.items.filter((e) => e.field && fields.some((f) => e.field === f || e.field!.endsWith(`.${f}`)));
    return found.length ? found.map((e) => e.message).join(" ") : null;
  }

  /** Messages no shown field claims. */
  others(...shown: string[]): string | null {
    const rest = this.items.filter((e) => !e.field || !shown.some((f) => e.field === f || e.field!.endsWith(`.${f}`)));
    return rest.length ? rest.map((e) => e.message).join(" ") : null;
  }
}

/** A labelled input with its error beside it, linked for assistive technology. */
export function Field({ label, error, children, hint }: { label: string; error?: string | null; hint?: ReactNode; children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? errorId : undefined })}
      {hint && <small>{hint}</small>}
      {error && <span id={errorId} className="field-error" role="alert">{error}</span>}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return <p aria-busy="true" className="muted">Loading {what}…</p>;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
