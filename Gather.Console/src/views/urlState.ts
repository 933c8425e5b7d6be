import type { SortDirection } from "../api/types";
import type { Condition, Operator } from "./filters";

export interface SortKey {
  field: string;
  direction: SortDirection;
}

/**
 * What a person changed on a view page without saving: kept in the URL, so a filtered, sorted
 * view can be reloaded and shared as a link. Null means "the view's saved default".
 */
export interface ViewState {
  columns: string[] | null;
  sort: SortKey[] | null;
  filters: Condition[] | null;
  search: string;
  pageSize: number;
  after: string | null;
  before: string | null;
}

export const PAGE_SIZES = [25, 50, 100, 200];
export const DEFAULT_PAGE_SIZE = 50;
/** Gather's Gather:Query:MaxOrderFields default. */
export const MAX_SORT_KEYS = 5;

const OPERATORS = new Set<Operator>(["eq", "neq", "contains", "ncontains", "startsWith", "endsWith", "gt", "gte", "lt", "lte", "in", "nin", "exists"]);

export function readState(query: string): ViewState {
  const params = new URLSearchParams(query);
  const size = Number(params.get("size"));
  return {
    columns: params.has("col") ? params.getAll("col").filter(Boolean) : null,
    sort: params.has("sort") ? params.getAll("sort").map(readSort).filter((s): s is SortKey => s !== null).slice(0, MAX_SORT_KEYS) : null,
    filters: params.has("f") ? params.getAll("f").map(readCondition).filter((c): c is Condition => c !== null) : null,
    search: params.get("q") ?? "",
    pageSize: PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE,
    after: params.get("after"),
    before: params.get("after") ? null : params.get("before"),
  };
}

export function writeState(state: ViewState): string {
  const params = new URLSearchParams();
  state.columns?.forEach((c) => params.append("col", c));
  // An empty list is still a choice ("no sort", "no filter"), distinct from "the saved default".
  if (state.columns?.length === 0) params.append("col", "");
  state.sort?.forEach((s) => params.append("sort", `${s.field}:${s.direction.toLowerCase()}`));
  if (state.sort?.length === 0) params.append("sort", "");
  state.filters?.forEach((c) => params.append("f", JSON.stringify([c.field, c.op, c.value])));
  if (state.filters?.length === 0) params.append("f", "");
  if (state.search) params.set("q", state.search);
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set("size", String(state.pageSize));
  if (state.after) params.set("after", state.after);
  else if (state.before) params.set("before", state.before);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Whether the page differs from the view's saved defaults in something Save would keep. */
export function isAdHoc(state: ViewState): boolean {
  return state.columns !== null || state.sort !== null || state.filters !== null;
}

/** The state back at the saved defaults, keeping search and page size (which a view does not save). */
export function resetToSaved(state: ViewState): ViewState {
  return { ...state, columns: null, sort: null, filters: null, after: null, before: null };
}

/** Any change but paging starts again from the first page: a cursor only fits the order it came from. */
export function withChange(state: ViewState, change: Partial<ViewState>): ViewState {
  return { ...state, after: null, before: null, ...change };
}

/**
 * A click on a column header: alone it sorts by that column (again flips it); with Shift it adds
 * the column as the next key (again flips that key), up to Gather's limit of keys.
 */
export function toggleSort(current: SortKey[], field: string, additive: boolean): SortKey[] {
  const index = current.findIndex((s) => s.field === field);
  const flip = (s: SortKey): SortKey => ({ ...s, direction: s.direction === "ASC" ? "DESC" : "ASC" });
  if (!additive) return index === 0 && current.length === 1 ? [flip(current[0])] : [{ field, direction: "ASC" }];
  if (index >= 0) return current.map((s, i) => (i === index ? flip(s) : s));
  return [...current, { field, direction: "ASC" as SortDirection }].slice(0, MAX_SORT_KEYS);
}

function readSort(text: string): SortKey | null {
  const at = text.lastIndexOf(":");
  if (at <= 0) return null;
  const direction = text.slice(at + 1).toUpperCase();
  return direction === "ASC" || direction === "DESC" ? { field: text.slice(0, at), direction } : null;
}

function readCondition(text: string): Condition | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed) && parsed.length === 3 && parsed.every((p) => typeof p === "string") && OPERATORS.has(parsed[1] as Operator)) {
      return { field: parsed[0], op: parsed[1] as Operator, value: parsed[2] };
    }
  } catch {
    // A hand-edited link: the condition is dropped rather than the page failing.
  }
  return null;
}
