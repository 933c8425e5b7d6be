import { useEffect, useState } from "react";
import { OPERATOR_LABELS, operatorsFor, type CatalogueField, type Condition, type Operator } from "./filters";

/** Rows of field, operator and value; applied together, every row must hold. */
export function FilterBuilder({ catalogue, conditions, problems, onApply }: {
  catalogue: CatalogueField[];
  conditions: Condition[];
  problems: Map<number, string>;
  onApply: (conditions: Condition[]) => void;
}) {
  const [rows, setRows] = useState(conditions);
  const applied = JSON.stringify(conditions);
  useEffect(() => setRows(JSON.parse(applied) as Condition[]), [applied]);
  const typeOf = (field: string) => catalogue.find((f) => f.path === field)?.type ?? "JSON";
  const update = (i: number, change: Partial<Condition>) => setRows(rows.map((r, j) => {
    if (j !== i) return r;
    const next = { ...r, ...change };
    const ops = operatorsFor(typeOf(next.field));
    if (!ops.includes(next.op)) next.op = ops[0];
    if ((next.op === "exists" || typeOf(next.field) === "BOOLEAN") && next.value !== "false") next.value = "true";
    return next;
  }));

  return (
    <fieldset className="filters">
      <legend>Filters</legend>
      {rows.length === 0 && <p className="muted">No filter: every record of the model.</p>}
      {rows.map((row, i) => {
        const type = typeOf(row.field);
        const choice = row.op === "exists" || type === "BOOLEAN";
        const problem = JSON.stringify(row) === JSON.stringify(conditions[i]) ? problems.get(i) : undefined;
        return (
          <div className="filter-row" key={i} role="group" aria-label={`Filter ${i + 1}`}>
            <label>Field{" "}
              <select value={row.field} onChange={(e) => update(i, { field: e.target.value })}>
                <option value="">Choose…</option>
                {catalogue.map((f) => <option key={f.path} value={f.path}>{f.label} ({f.path})</option>)}
              </select>
            </label>
            <label>Operator{" "}
              <select value={row.op} onChange={(e) => update(i, { op: e.target.value as Operator })}>
                {operatorsFor(type).map((op) => <option key={op} value={op}>{OPERATOR_LABELS[op]}</option>)}
              </select>
            </label>
            <label>Value{" "}
              {choice ? (
                <select value={row.value} onChange={(e) => update(i, { value: e.target.value })}>
                  <option value="true">yes</option><option value="false">no</option>
                </select>
              ) : (
                <input value={row.value} onChange={(e) => update(i, { value: e.target.value })}
                  placeholder={row.op === "in" || row.op === "nin" ? "a, b, c" : type === "DATE_TIME" ? "2026-11-23" : ""} />
              )}
            </label>
            <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={`Remove filter ${i + 1}`}>Remove</button>
            {problem && <span className="field-error" role="alert">{problem}</span>}
          </div>
        );
      })}
      <button type="button" onClick={() => setRows([...rows, { field: "", op: "eq", value: "" }])}>Add filter</button>{" "}
      <button type="button" onClick={() => onApply(rows)}>Apply filters</button>
    </fieldset>
  );
}
