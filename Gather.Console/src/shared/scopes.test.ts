import { describe, expect, it } from "vitest";
import { deniedReason } from "./scopes";

describe("deniedReason", () => {
  it("treats scopes as cumulative", () => {
    expect(deniedReason(["ADMIN"], "write")).toBeNull();
    expect(deniedReason(["WRITE"], "manageViews")).toBeNull();
    expect(deniedReason(["READ"], "write")).toBe("This needs a key with the WRITE scope.");
    expect(deniedReason(["READ"], "manageViews")).toMatch(/manage views/);
  });

  it("places a views scope between READ and WRITE and ignores names it does not know", () => {
    expect(deniedReason(["MANAGE_VIEWS"], "manageViews")).toBeNull();
    expect(deniedReason(["VIEWS"], "write")).not.toBeNull();
    expect(deniedReason(["SOMETHING_NEW"], "read")).not.toBeNull();
    expect(deniedReason([], "read")).not.toBeNull();
  });
});
