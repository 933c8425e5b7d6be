import { useState, type FormEvent } from "react";
import { RECORDS_PAGE } from "../api/documents";
import type { ColumnHeader, Model, RecordPage } from "../api/types";
import { navigate, useLocation } from "../app/router";
import { RecordTable } from "../records/RecordTable";
import { labelFor } from "../shared/format";
import { useQuery } from "../shared/useQuery";
import { ErrorMessage } from "../shared/ui";
import { ColumnChooser } from "./ColumnChooser";
import { FilterBuilder } from "./FilterBuilder";
import { buildWhere, combine, type CatalogueField, type Condition, type RecordFilter } from "./filters";
import { PAGE_SIZES, readState, toggleSort, withChange, writeState, type SortKey, type ViewState } from "./urlState";

/** What a table of a model's records starts from: a view's saved defaults, or a model's (Accounts, Customers). */
export interface ExplorerSource {
  model: Model;
  catalogue: CatalogueField[];
  /** Null: the model's default columns, as Gather picks them. */
  savedColumns: string[] | null;
  savedHeaders: ColumnHeader[];
  savedConditions: Condition[];
  savedRest: RecordFilter | null;
  /** The saved filter exactly as stored, sent as it is until the person changes the filters. */
  savedWhere: RecordFilter | null;
  savedSort: SortKey[];
}

/** Search, filter, sort, choose columns and page through records; one GraphQL request per page of rows. */
export function RecordExplorer({ source, caption }: { source: ExplorerSource; caption: string }) {
  const { search } = useLocation();
  const state = readState(search);
  const set = (next: ViewState) => navigate(location.pathname + writeState(next));

  const conditions = state.filters ?? source.savedConditions;
  const built = buildWhere(conditions, source.catalogue);
  const where = state.filters ? combine(built.where, source.savedRest) : source.savedWhere;
  const sort = state.sort ?? source.savedSort;
  const columns = state.columns ?? source.savedColumns;
  const variables = {
    modelId: source.model.id, where, order: sort.length ? sort : null, search: state.search || null,
    columns, first: state.before ? null : state.pageSize, after: state.after, last: state.before ? state.pageSize : null, before: state.before,
  };
  const rows = useQuery<{ records: RecordPage | null }>(RECORDS_PAGE, variables, JSON.stringify(variables));
  const page = rows.data?.records;
  const headers = headersFor(columns, source, page);

  return (
    <div className="explorer">
      <SearchBox initial={state.search} onSearch={(q) => set(withChange(state, { search: q }))} />
      <FilterBuilder catalogue={source.catalogue} conditions={conditions} problems={built.problems}
        onApply={(filters) => set(withChange(state, { filters }))} />
      <ColumnChooser catalogue={source.catalogue} columns={headers.map((h) => h.path)}
        onApply={(cols) => set(withChange(state, { columns: cols }))} />
      <ErrorMessage error={rows.error} />
      {rows.fieldErrors.length > 0 && (
        <p role="status" className="notice">Some values could not be read: {[...new Set(rows.fieldErrors.map((e) => e.message))].join(" ")}</p>
      )}
      <p className="count" aria-live="polite">
        {page ? `${page.totalCount.toLocaleString()} ${page.totalCount === 1 ? "record" : "records"}` : rows.loading ? "Loading…" : ""}
        {page && page.nodes.length > 0 && `, showing ${page.nodes.length}`}
      </p>
      <RecordTable caption={caption} headers={headers} rows={page?.nodes ?? []} modelId={source.model.id}
        sort={sort} busy={rows.loading} fieldErrors={rows.fieldErrors}
        onSort={(field, additive) => set(withChange(state, { sort: toggleSort(sort, field, additive) }))} />
      <div className="pager">
        <button type="button" disabled={!page?.pageInfo.hasPreviousPage || rows.loading}
          onClick={() => set({ ...state, after: null, before: page!.pageInfo.startCursor })}>Previous page</button>
        <button type="button" disabled={!page?.pageInfo.hasNextPage || rows.loading}
          onClick={() => set({ ...state, before: null, after: page!.pageInfo.endCursor })}>Next page</button>
        <label>Rows per page{" "}
          <select value={state.pageSize} onChange={(e) => set(withChange(state, { pageSize: Number(e.target.value) }))}>
            {PAGE_SIZES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
      </div>
    </div>
  );
}

/** Headers before any row is read come from the view; chosen columns take the rows' labels, or Gather's rule. */
function headersFor(columns: string[] | null, source: ExplorerSource, page: RecordPage | null | undefined): ColumnHeader[] {
  const first = page?.nodes[0]?.cells;
  if (first) return first.map((c) => ({ path: c.column, label: c.label, type: c.type }));
  if (!columns) return source.savedHeaders;
  return columns.map((path) => source.savedHeaders.find((h) => h.path === path)
    ?? { path, label: labelFor(path), type: source.catalogue.find((f) => f.path === path)?.type ?? null });
}

function SearchBox({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" onSubmit={submit} className="search">
      <label htmlFor="record-search">Search</label>{" "}
      <input id="record-search" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Words in any text value" />
      <button type="submit">Search</button>
    </form>
  );
}
