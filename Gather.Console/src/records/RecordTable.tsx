import type { GraphQLErrorItem } from "../api/client";
import type { ColumnHeader, Json, RecordRow } from "../api/types";
import { Link, path } from "../app/router";
import { formatValue } from "../shared/format";
import type { SortKey } from "../views/urlState";

/**
 * A page of records as a table: labelled headers that sort (Shift adds a key), values formatted by
 * type, the first column linking to the record. A field error on a row (e.g. Stripe unavailable)
 * marks that row's cells, not the page.
 */
export function RecordTable({ caption, headers, rows, modelId, sort, busy, fieldErrors, onSort }: {
  caption: string;
  headers: ColumnHeader[];
  rows: RecordRow[];
  modelId: string;
  sort: SortKey[];
  busy: boolean;
  fieldErrors: GraphQLErrorItem[];
  onSort: (field: string, additive: boolean) => void;
}) {
  const failedRows = new Map<number, string>();
  for (const e of fieldErrors) {
    const at = e.path?.indexOf("nodes") ?? -1;
    if (at >= 0 && typeof e.path![at + 1] === "number") failedRows.set(e.path![at + 1] as number, e.message);
  }

  return (
    <div className="table-wrap">
      <table aria-busy={busy} className="records">
        <caption className="visually-hidden">{caption}. Sort by a column with its header button; hold Shift to add a sort key.</caption>
        <thead>
          <tr>
            {headers.map((h) => {
              const at = sort.findIndex((s) => s.field === h.path);
              const key = at >= 0 ? sort[at] : null;
              return (
                <th key={h.path} scope="col" aria-sort={at === 0 ? (key!.direction === "ASC" ? "ascending" : "descending") : undefined}>
                  <button type="button" className="sort" title={h.path} onClick={(e) => onSort(h.path, e.shiftKey)}>
                    {h.label}
                    {key && <span aria-label={`sorted ${key.direction === "ASC" ? "ascending" : "descending"}${sort.length > 1 ? `, key ${at + 1}` : ""}`}>
                      {" "}{key.direction === "ASC" ? "▲" : "▼"}{sort.length > 1 ? at + 1 : ""}
                    </span>}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && !busy && <tr><td colSpan={Math.max(1, headers.length)}>No records match.</td></tr>}
          {rows.map((row, i) => {
            const charge = row.attached?.stripeCharge as { currency?: string } | undefined;
            const currency = charge?.currency ?? (row.cells?.find((c) => c.column === "stripeCharge.currency")?.value as string | undefined);
            const failed = failedRows.get(i);
            return (
              <tr key={row.id}>
                {(row.cells ?? []).map((cell, j) => (
                  <td key={cell.column} className={typeof cell.value === "number" ? "num" : undefined}>
                    {failed ? <span className="cell-error" title={failed}>unavailable</span>
                      : j === 0 ? <Link to={path("records", modelId, row.id)}>{display(cell.value, cell.type, cell.column, currency) || row.id}</Link>
                      : display(cell.value, cell.type, cell.column, currency)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function display(value: Json, type: ColumnHeader["type"], column: string, currency: string | undefined) {
  return formatValue(value, type, column, { currency });
}
