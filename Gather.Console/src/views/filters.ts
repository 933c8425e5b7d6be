import type { FieldType, Json, Model } from "../api/types";
import { labelFor } from "../shared/format";

export type Operator =
  | "eq" | "neq" | "contains" | "ncontains" | "startsWith" | "endsWith"
  | "gt" | "gte" | "lt" | "lte" | "in" | "nin" | "exists";

/** One row of the filter builder, as the person typed it (the URL keeps it so). */
export interface Condition {
  field: string;
  op: Operator;
  value: string;
}

export interface CatalogueField {
  path: string;
  type: FieldType;
  label: string;
}

/** Gather's RecordFilterInput, as the console builds it. */
export interface RecordFilter {
  and?: RecordFilter[];
  or?: RecordFilter[];
  not?: RecordFilter;
  field?: string;
  [operator: string]: Json | RecordFilter | RecordFilter[] | undefined;
}

export const OPERATOR_LABELS: Record<Operator, string> = {
  eq: "is", neq: "is not", contains: "contains", ncontains: "does not contain", startsWith: "starts with",
  endsWith: "ends with", gt: ">", gte: "≥", lt: "<", lte: "≤", in: "is one of", nin: "is none of", exists: "is present",
};

const BY_TYPE: Record<FieldType, Operator[]> = {
  STRING: ["eq", "neq", "contains", "ncontains", "startsWith", "endsWith", "in", "nin", "exists"],
  INT: ["eq", "neq", "gt", "gte", "lt", "lte", "in", "nin", "exists"],
  FLOAT: ["eq", "neq", "gt", "gte", "lt", "lte", "in", "nin", "exists"],
  BOOLEAN: ["eq", "neq", "exists"],
  DATE_TIME: ["eq", "neq", "gt", "gte", "lt", "lte", "exists"],
  JSON: ["eq", "neq", "contains", "exists"],
};

/** Operators that make sense for a field of this type (Gather compares type-aware: 75 is not "75"). */
export function operatorsFor(type: FieldType): Operator[] {
  return BY_TYPE[type] ?? BY_TYPE.JSON;
}

/** The attached charge's fields a Sync Stripe Charges task fills, with the types Gather filters them as. */
export const STRIPE_CHARGE_FIELDS: [string, FieldType][] = [
  ["id", "STRING"], ["amount", "INT"], ["amountCaptured", "INT"], ["amountRefunded", "INT"], ["currency", "STRING"],
  ["status", "STRING"], ["paid", "BOOLEAN"], ["refunded", "BOOLEAN"], ["disputed", "BOOLEAN"], ["created", "DATE_TIME"],
  ["description", "STRING"], ["receiptUrl", "STRING"], ["failureCode", "STRING"], ["failureMessage", "STRING"],
  ["paymentIntent", "STRING"], ["customer", "STRING"],
];

/** What a filter, sort or column can name: the model's catalogue, then the attached charge's fields. */
export function catalogueFor(model: Pick<Model, "fields">, hasCharges: boolean): CatalogueField[] {
  const own = model.fields.map((f) => ({ path: f.path, type: f.type, label: labelFor(f.path) }));
  const charge = hasCharges
    ? STRIPE_CHARGE_FIELDS.map(([name, type]) => ({ path: `stripeCharge.${name}`, type, label: labelFor(`stripeCharge.${name}`) }))
    : [];
  return [...own, ...charge];
}

export type Parsed = { ok: true; value: Json } | { ok: false; error: string };

/** Turns what a person typed into the value Gather compares with, or says what to type instead. */
export function parseOperand(text: string, type: FieldType, op: Operator): Parsed {
  if (op === "exists" || type === "BOOLEAN") {
    if (text === "true" || text === "false") return { ok: true, value: text === "true" };
    return { ok: false, error: "Choose yes or no." };
  }
  if (op === "in" || op === "nin") {
    const values: Json[] = [];
    for (const part of text.split(",").map((p) => p.trim()).filter((p) => p.length)) {
      const one = parseOne(part, type);
      if (!one.ok) return one;
      values.push(one.value);
    }
    return { ok: true, value: values };
  }
  if (op === "contains" || op === "ncontains" || op === "startsWith" || op === "endsWith") {
    return text.length ? { ok: true, value: text } : { ok: false, error: "Type some text." };
  }
  return parseOne(text.trim() === text ? text : text.trim(), type);
}

function parseOne(text: string, type: FieldType): Parsed {
  switch (type) {
    case "INT":
      return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? { ok: true, value: Number(text) } : { ok: false, error: "Type a whole number, e.g. 75." };
    case "FLOAT": {
      const n = Number(text);
      return text !== "" && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, error: "Type a number, e.g. 19.90." };
    }
    case "DATE_TIME": {
      const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00.000Z`) : new Date(text);
      return text && !Number.isNaN(date.getTime()) ? { ok: true, value: date.toISOString() } : { ok: false, error: "Type a date, e.g. 2026-11-23 or 2026-11-23T10:00Z." };
    }
    case "JSON":
      try {
        return { ok: true, value: JSON.parse(text) as Json };
      } catch {
        return { ok: true, value: text };
      }
    default:
      return { ok: true, value: text };
  }
}

export interface BuiltFilter {
  where: RecordFilter | null;
  /** Conditions that cannot be sent yet, by their index in the builder, with what to fix. */
  problems: Map<number, string>;
}

/** The builder's rows as one RecordFilterInput: every condition must hold. Unknown fields are compared as JSON. */
export function buildWhere(conditions: Condition[], catalogue: CatalogueField[]): BuiltFilter {
  const problems = new Map<number, string>();
  const parts: RecordFilter[] = [];
  conditions.forEach((c, i) => {
    if (!c.field) {
      problems.set(i, "Choose a field.");
      return;
    }
    const type = catalogue.find((f) => f.path === c.field)?.type ?? "JSON";
    if (!operatorsFor(type).includes(c.op)) {
      problems.set(i, `“${OPERATOR_LABELS[c.op] ?? c.op}” does not apply to a ${type.toLowerCase().replace("_", " ")} field.`);
      return;
    }
    const parsed = parseOperand(c.value, type, c.op);
    if (!parsed.ok) problems.set(i, parsed.error);
    else parts.push({ field: c.field, [c.op]: parsed.value });
  });
  return { where: parts.length === 0 ? null : parts.length === 1 ? parts[0] : { and: parts }, problems };
}

/**
 * A saved filter back into builder rows, when it is a plain "all of these" filter; anything else
 * (or, not, several operators on one field) is kept whole as `rest` and still applied.
 */
export function conditionsFromWhere(where: Json): { conditions: Condition[]; rest: RecordFilter | null } {
  if (where === null || typeof where !== "object" || Array.isArray(where)) return { conditions: [], rest: null };
  const filter = where as RecordFilter;
  const nodes = Array.isArray(filter.and) && Object.keys(filter).length === 1 ? filter.and : [filter];
  const conditions: Condition[] = [];
  const rest: RecordFilter[] = [];
  for (const node of nodes) {
    const condition = asCondition(node);
    if (condition) conditions.push(condition);
    else rest.push(node);
  }
  return { conditions, rest: rest.length === 0 ? null : rest.length === 1 ? rest[0] : { and: rest } };
}

function asCondition(node: RecordFilter): Condition | null {
  const keys = Object.keys(node).filter((k) => k !== "field");
  if (typeof node.field !== "string" || keys.length !== 1 || !(keys[0] in OPERATOR_LABELS)) return null;
  const op = keys[0] as Operator;
  const value = node[op] as Json;
  const text = Array.isArray(value) ? value.map(String).join(", ")
    : typeof value === "string" ? value : JSON.stringify(value);
  return { field: node.field, op, value: text };
}

/** The filter in force: the builder's rows and any saved part the builder cannot show. */
export function combine(built: RecordFilter | null, rest: RecordFilter | null): RecordFilter | null {
  if (!built) return rest;
  if (!rest) return built;
  return { and: [built, rest] };
}
