import { useEffect, useState } from "react";
import type { CatalogueField } from "./filters";

/** Which columns the table shows, in the order picked; closed until asked for. */
export function ColumnChooser({ catalogue, columns, onApply }: { catalogue: CatalogueField[]; columns: string[]; onApply: (columns: string[]) => void }) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState(columns);
  const shown = JSON.stringify(columns);
  useEffect(() => setChosen(JSON.parse(shown) as string[]), [shown]);
  const all = [...catalogue.map((f) => f.path), ...columns.filter((c) => !catalogue.some((f) => f.path === c))];

  return (
    <div className="columns">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>Columns ({columns.length})</button>
      {open && (
        <fieldset>
          <legend>Columns to show</legend>
          <ul className="column-list">
            {all.map((path) => (
              <li key={path}>
                <label>
                  <input type="checkbox" checked={chosen.includes(path)}
                    onChange={(e) => setChosen(e.target.checked ? [...chosen, path] : chosen.filter((c) => c !== path))} />{" "}
                  {catalogue.find((f) => f.path === path)?.label ?? path} <code>{path}</code>
                </label>
              </li>
            ))}
          </ul>
          <button type="button" disabled={chosen.length === 0} onClick={() => { onApply(chosen); setOpen(false); }}>Show these columns</button>
        </fieldset>
      )}
    </div>
  );
}
