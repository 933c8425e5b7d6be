import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import * as documents from "./documents";

// Gather's own schema (the part every team shares), as the server tests keep it.
const snapshot = fileURLToPath(new URL("../../../Gather.Tests/Schema/__snapshots__/SchemaSdlTests.The_schema_SDL_matches_the_snapshot.snap", import.meta.url));
const schema = buildSchema(readFileSync(snapshot, "utf8").replace(/^\uFEFF/, ""));

const all: [string, string][] = [
  ...Object.entries(documents).filter((e): e is [string, string] => typeof e[1] === "string"),
  ["modelCounts", documents.modelCounts(["model_1", "model_2"])],
  ["recordNavigation", documents.recordNavigation([{ alias: "r0", name: "customers", many: true }, { alias: "r1", name: "account", many: false }], true)],
  ["recordNavigation without charges", documents.recordNavigation([], false)],
];

describe("the console's GraphQL documents", () => {
  it.each(all)("%s is valid against Gather's schema", (_, document) => {
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });
});
