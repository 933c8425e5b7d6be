// What a key's scopes allow, to show actions disabled with the reason. The server decides in the
// end; this only spares a person a button that cannot work.

export type Capability = "read" | "manageViews" | "write" | "admin";

const NEEDS: Record<Capability, number> = { read: 1, manageViews: 2, write: 3, admin: 4 };

/**
 * Scopes are cumulative: READ < (managing views) < WRITE < ADMIN. A scope whose name mentions
 * views is the one between READ and WRITE; other names the console does not know grant nothing here.
 */
function rank(scope: string): number {
  const name = scope.toUpperCase();
  if (name === "ADMIN") return 4;
  if (name === "WRITE") return 3;
  if (name.includes("VIEW")) return 2;
  if (name === "READ") return 1;
  return 0;
}

const REASONS: Record<Capability, string> = {
  read: "Your API key cannot read this team's data.",
  manageViews: "Saving views needs a key that may manage views (or WRITE).",
  write: "This needs a key with the WRITE scope.",
  admin: "This needs a key with the ADMIN scope.",
};

/** Null when allowed; otherwise why not, for the disabled control's description. */
export function deniedReason(scopes: string[], capability: Capability): string | null {
  const held = Math.max(0, ...scopes.map(rank));
  return held >= NEEDS[capability] ? null : REASONS[capability];
}
