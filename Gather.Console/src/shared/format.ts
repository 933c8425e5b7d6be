import type { FieldType, Json } from "../api/types";

export interface FormatContext {
  locale?: string;
  timeZone?: string;
  /** The row's charge currency (ISO code), for money columns. */
  currency?: string | null;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MONEY_COLUMN = /(^|\.)(amount|amountCaptured|amountRefunded)$/;
const MAX_TEXT = 300;

/** Whether a column holds money in minor units: the amounts of an attached Stripe charge. */
export function isMoneyColumn(column: string): boolean {
  return column.startsWith("stripeCharge.") && MONEY_COLUMN.test(column);
}

/** Stripe amounts are in the currency's minor unit; Intl knows how many digits a currency has (JPY none). */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  try {
    const format = new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    return `${minor} ${currency}`;
  }
}

export function formatDateTime(iso: string, context: FormatContext = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(context.locale, {
    dateStyle: "medium", timeStyle: "short", timeZone: context.timeZone,
  }).format(date);
}

/** A value as a person reads it: dates and money formatted, booleans as Yes/No, nested objects as text. */
export function formatValue(value: Json | undefined, type: FieldType | null, column: string, context: FormatContext = {}): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (isMoneyColumn(column) && context.currency) return formatMoney(value, context.currency, context.locale);
    return new Intl.NumberFormat(context.locale, { maximumFractionDigits: 20 }).format(value);
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") {
    if ((type === "DATE_TIME" || type === null || type === "JSON") && ISO_DATE_TIME.test(value)) return formatDateTime(value, context);
    return clip(value);
  }
  return clip(describe(value, context));
}

/** Nested data in one line: `city: Paris, zip: 75001`; lists joined with commas. */
function describe(value: Json, context: FormatContext): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.map((v) => (isScalar(v) ? formatValue(v, null, "", context) : `{${describe(v, context)}}`)).join(", ");
  if (typeof value === "object") {
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${isScalar(v) ? formatValue(v, null, k, context) : Array.isArray(v) ? `[${describe(v, context)}]` : `{${describe(v, context)}}`}`)
      .join(", ");
  }
  return formatValue(value, null, "", context);
}

function isScalar(value: Json): boolean {
  return value === null || typeof value !== "object";
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

const ACRONYMS = new Set(["id", "url", "api", "ip", "sku", "vat", "iso"]);

/** A header for a column path, as Gather labels them (used when no row has been read yet). */
export function labelFor(path: string): string {
  return path.split(".").map(words).join(" · ");
}

function words(name: string): string {
  const parts = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2")
    .split(/[_\- ]+/)
    .filter(Boolean);
  if (!parts.length) return name;
  return parts
    .map((w, i) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase()
      : w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w) ? w
      : i === 0 ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase()))
    .join(" ");
}
