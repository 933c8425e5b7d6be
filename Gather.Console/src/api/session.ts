import { ApiError } from "./client";

export interface SessionInfo {
  team: { id: string; name: string | null };
  scopes: string[];
}

/** Starts a session: the server sets an HttpOnly cookie; the key is not kept by the page. */
export async function signIn(apiKey: string): Promise<SessionInfo> {
  const response = await fetch("/session", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ apiKey }),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(body?.errors ?? [{ message: `Gather answered ${response.status}.` }], response.status);
  return body as SessionInfo;
}

export async function signOut(): Promise<void> {
  await fetch("/session", { method: "DELETE", credentials: "same-origin" });
}
