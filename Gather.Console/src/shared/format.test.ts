import { describe, expect, it } from "vitest";
import { formatMoney, formatValue, isMoneyColumn, labelFor } from "./format";

const en = { locale: "en-US", timeZone: "UTC" };

describe("formatValue", () => {
  it("formats a charge's amount in its currency's minor unit", () => {
    expect(formatValue(7500, "INT", "stripeCharge.amount", { ...en, currency: "usd" })).toBe("$75.00");
    expect(formatValue(500, "INT", "stripeCharge.amountRefunded", { ...en, currency: "jpy" })).toBe("¥500");
  });

  it("leaves a custom amount as a plain number, since its currency is unknown", () => {
    expect(isMoneyColumn("amount")).toBe(false);
    expect(formatValue(1234.5, "FLOAT", "amount", { ...en, currency: "usd" })).toBe("1,234.5");
  });

  it("formats dates, booleans and missing values", () => {
    expect(formatValue("2026-11-23T10:00:00.000Z", "DATE_TIME", "placed_at", en)).toBe("Nov 23, 2026, 10:00 AM");
    expect(formatValue(true, "BOOLEAN", "stripeCharge.paid", en)).toBe("Yes");
    expect(formatValue(false, "BOOLEAN", "paid", en)).toBe("No");
    expect(formatValue(null, "STRING", "x", en)).toBe("");
    expect(formatValue(undefined, null, "x", en)).toBe("");
  });

  it("does not take a date-like text in a STRING field for a date", () => {
    expect(formatValue("2026-11-23T10:00:00Z", "STRING", "code", en)).toBe("2026-11-23T10:00:00Z");
  });

  it("writes nested objects and lists readably", () => {
    expect(formatValue({ city: "Paris", zip: 75001, tags: ["a", "b"], geo: { lat: 1 } }, "JSON", "address", en))
      .toBe("city: Paris, zip: 75,001, tags: [a, b], geo: {lat: 1}");
    expect(formatValue([1, 2, 3], "JSON", "xs", en)).toBe("1, 2, 3");
  });

  it("clips very long text", () => {
    expect(formatValue("x".repeat(1000), "STRING", "notes", en)).toHaveLength(300);
  });

  it("falls back to the code for an unknown currency", () => {
    expect(formatMoney(100, "not-a-currency", "en-US")).toBe("100 not-a-currency");
  });
});

describe("labelFor", () => {
  it("labels paths as Gather does", () => {
    expect(labelFor("stripe_charge_id")).toBe("Stripe charge ID");
    expect(labelFor("stripeCharge.status")).toBe("Stripe charge · Status");
    expect(labelFor("amountRefunded")).toBe("Amount refunded");
    expect(labelFor("HTTPStatus")).toBe("HTTP status");
  });
});
