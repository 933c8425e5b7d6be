import type { Model } from "../../api/types";
import { CopyButton } from "../../shared/ui";

/** The guide's sync call for this model, with this server's address, ready to copy (the key is for the person to fill in). */
export function syncCommand(origin: string, model: Pick<Model, "id" | "idField">): string {
  const idField = /^[A-Za-z0-9_]+$/.test(model.idField) ? model.idField : `'${model.idField.replace(/'/g, "'\\''")}'`;
  return `curl ${origin}/models/${model.id}/records -H "Authorization: Token {API_KEY}" \\\n  -d ${idField}="1234" -d amount=75 -d stripe_charge_id=ch_4567`;
}

export function SyncCommand({ model }: { model: Pick<Model, "id" | "idField"> }) {
  const text = syncCommand(window.location.origin, model);
  return (
    <div>
      <p>Sync records into it from your backend (put your API key in place of <code>{"{API_KEY}"}</code>):</p>
      <pre data-testid="sync-command"><code>{text}</code></pre>
      <CopyButton text={text} label="Copy the sync command" />
    </div>
  );
}
