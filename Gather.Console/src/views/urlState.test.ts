import { describe, expect, it } from "vitest";
import { isAdHoc, readState, resetToSaved, toggleSort, withChange, writeState, type ViewState } from "./urlState";

const saved: ViewState = { columns: null, sort: null, filters: null, search: "", pageSize: 50, after: null, before: null };

describe("URL state", () => {
  it("is empty at the view's defaults", () => {
    expect(writeState(saved)).toBe("");
    expect(readState("")).toEqual(saved);
    expect(isAdHoc(saved)).toBe(false);
  });

  it("round-trips columns, sort keys, filters, search, page size and cursor", () => {
    const state: ViewState = {
      columns: ["id", "stripeCharge.status"],
      sort: [{ field: "stripeCharge.amount", direction: "DESC" }, { field: "id", direction: "ASC" }],
      filters: [{ field: "stripeCharge.status", op: "eq", value: "succeeded" }, { field: "note", op: "contains", value: "a:b, \"c\"" }],
      search: "acme corp",
      pageSize: 100,
      after: "eyJrIjoxfQ==",
      before: null,
    };
    const query = writeState(state);
    expect(readState(query)).toEqual(state);
    expect(isAdHoc(readState(query))).toBe(true);
  });

  it("keeps an emptied choice apart from the saved default", () => {
    const cleared = { ...saved, sort: [], filters: [] };
    expect(readState(writeState(cleared))).toEqual(cleared);
    expect(isAdHoc(cleared)).toBe(true);
  });

  it("survives hand-edited links", () => {
    const state = readState("?size=7&sort=amount:sideways&sort=a:b:desc&f=notjson&f=%5B%22x%22%2C%22like%22%2C%221%22%5D&after=c1&before=c2");
    expect(state.pageSize).toBe(50);
    expect(state.sort).toEqual([{ field: "a:b", direction: "DESC" }]);
    expect(state.filters).toEqual([]);
    expect(state.before).toBeNull();
  });

  it("starts from the first page after a change, and Save's reset keeps search and size", () => {
    const paged = { ...saved, after: "c", search: "x", pageSize: 25, sort: [] };
    expect(withChange(paged, { search: "y" })).toEqual({ ...paged, search: "y", after: null });
    expect(resetToSaved(paged)).toEqual({ ...saved, search: "x", pageSize: 25 });
  });
});

describe("toggleSort", () => {
  it("sorts by one column and flips it on a second click", () => {
    expect(toggleSort([], "amount", false)).toEqual([{ field: "amount", direction: "ASC" }]);
    expect(toggleSort([{ field: "amount", direction: "ASC" }], "amount", false)).toEqual([{ field: "amount", direction: "DESC" }]);
    expect(toggleSort([{ field: "amount", direction: "ASC" }, { field: "id", direction: "ASC" }], "id", false)).toEqual([{ field: "id", direction: "ASC" }]);
  });

  it("adds keys with Shift, flips an existing key in place, and stops at five", () => {
    const two = toggleSort([{ field: "status", direction: "ASC" }], "amount", true);
    expect(two).toEqual([{ field: "status", direction: "ASC" }, { field: "amount", direction: "ASC" }]);
    expect(toggleSort(two, "amount", true)).toEqual([{ field: "status", direction: "ASC" }, { field: "amount", direction: "DESC" }]);
    const five = ["a", "b", "c", "d", "e"].map((field) => ({ field, direction: "ASC" as const }));
    expect(toggleSort(five, "f", true)).toHaveLength(5);
  });
});
