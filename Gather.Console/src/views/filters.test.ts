import { describe, expect, it } from "vitest";
import { buildWhere, catalogueFor, combine, conditionsFromWhere, operatorsFor, parseOperand } from "./filters";

const orders = {
  fields: [
    { path: "id", type: "STRING" as const, declaredType: null, recordCount: 3 },
    { path: "amount", type: "INT" as const, declaredType: null, recordCount: 3 },
    { path: "placed_at", type: "DATE_TIME" as const, declaredType: "DATE_TIME" as const, recordCount: 3 },
  ],
};

describe("catalogueFor", () => {
  it("offers the attached charge's fields only when a charges task fills them", () => {
    expect(catalogueFor(orders, false).map((f) => f.path)).toEqual(["id", "amount", "placed_at"]);
    const withCharges = catalogueFor(orders, true);
    expect(withCharges.find((f) => f.path === "stripeCharge.status")).toEqual({ path: "stripeCharge.status", type: "STRING", label: "Stripe charge · Status" });
    expect(withCharges.find((f) => f.path === "stripeCharge.amount")?.type).toBe("INT");
  });
});

describe("operatorsFor", () => {
  it("suits the field's type", () => {
    expect(operatorsFor("INT")).toContain("gt");
    expect(operatorsFor("INT")).not.toContain("contains");
    expect(operatorsFor("STRING")).toContain("contains");
    expect(operatorsFor("BOOLEAN")).toEqual(["eq", "neq", "exists"]);
  });
});

describe("parseOperand", () => {
  it("sends numbers as numbers, since Gather compares type-aware", () => {
    expect(parseOperand("75", "INT", "gt")).toEqual({ ok: true, value: 75 });
    expect(parseOperand("19.90", "FLOAT", "eq")).toEqual({ ok: true, value: 19.9 });
    expect(parseOperand("7.5", "INT", "eq")).toEqual({ ok: false, error: "Type a whole number, e.g. 75." });
  });

  it("reads lists, booleans and dates", () => {
    expect(parseOperand("succeeded, failed", "STRING", "in")).toEqual({ ok: true, value: ["succeeded", "failed"] });
    expect(parseOperand("1,2", "INT", "nin")).toEqual({ ok: true, value: [1, 2] });
    expect(parseOperand("true", "BOOLEAN", "eq")).toEqual({ ok: true, value: true });
    expect(parseOperand("false", "STRING", "exists")).toEqual({ ok: true, value: false });
    expect(parseOperand("2026-11-23", "DATE_TIME", "gte")).toEqual({ ok: true, value: "2026-11-23T00:00:00.000Z" });
    expect(parseOperand("soon", "DATE_TIME", "gte").ok).toBe(false);
  });
});

describe("buildWhere", () => {
  const catalogue = catalogueFor(orders, true);

  it("joins conditions with and", () => {
    const built = buildWhere([
      { field: "stripeCharge.status", op: "eq", value: "succeeded" },
      { field: "amount", op: "gte", value: "50" },
    ], catalogue);
    expect(built.problems.size).toBe(0);
    expect(built.where).toEqual({ and: [{ field: "stripeCharge.status", eq: "succeeded" }, { field: "amount", gte: 50 }] });
  });

  it("sends one condition alone and none as no filter", () => {
    expect(buildWhere([{ field: "amount", op: "lt", value: "10" }], catalogue).where).toEqual({ field: "amount", lt: 10 });
    expect(buildWhere([], catalogue).where).toBeNull();
  });

  it("reports what to fix per row and leaves those rows out", () => {
    const built = buildWhere([
      { field: "amount", op: "contains", value: "x" },
      { field: "", op: "eq", value: "x" },
      { field: "amount", op: "eq", value: "seven" },
      { field: "id", op: "eq", value: "1234" },
    ], catalogue);
    expect([...built.problems.keys()]).toEqual([0, 1, 2]);
    expect(built.where).toEqual({ field: "id", eq: "1234" });
  });
});

describe("conditionsFromWhere", () => {
  it("reads a saved all-of filter back into rows", () => {
    const saved = { and: [{ field: "stripeCharge.status", eq: "succeeded" }, { field: "amount", in: [1, 2] }] };
    expect(conditionsFromWhere(saved)).toEqual({
      conditions: [{ field: "stripeCharge.status", op: "eq", value: "succeeded" }, { field: "amount", op: "in", value: "1, 2" }],
      rest: null,
    });
  });

  it("keeps what rows cannot show and applies it still", () => {
    const or = { or: [{ field: "a", eq: 1 }, { field: "b", eq: 2 }] };
    const { conditions, rest } = conditionsFromWhere({ and: [{ field: "amount", gt: 5 }, or] });
    expect(conditions).toEqual([{ field: "amount", op: "gt", value: "5" }]);
    expect(rest).toEqual(or);
    expect(combine({ field: "x", eq: 1 }, rest)).toEqual({ and: [{ field: "x", eq: 1 }, or] });
    expect(conditionsFromWhere(null)).toEqual({ conditions: [], rest: null });
  });
});
