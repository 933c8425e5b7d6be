// A tiny typed GraphQL client over fetch. The session cookie authenticates every request (the
// browser sends it; script never sees the key), so there is nothing to configure.

/** One GraphQL error as Gather sends it: `extensions.code`, and `field`/`rule` where an input broke a rule. */
export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; rule?: string; [key: string]: unknown };
}

/** A failed request: the server's errors (or a transport failure) and the HTTP status. */
export class ApiError extends Error {
  constructor(readonly errors: GraphQLErrorItem[], readonly status: number) {
    super(errors.map((e) => e.message).join(" "));
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** Called when the server answers 401: the session ended, the key was revoked, or nobody signed in. */
let onUnauthenticated: (message: string) => void = () => {};
export function setUnauthenticatedHandler(handler: (message: string) => void) {
  onUnauthenticated = handler;
}

export interface GraphQLResult<T> {
  data: T | null;
  /** Field errors beside data (e.g. a Stripe outage on some cells); the rest of the page is intact. */
  errors: GraphQLErrorItem[];
}

/** Runs one document; throws ApiError when nothing usable came back. */
export async function request<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError([{ message: "Gather cannot be reached. Check the server is running, then try again." }], 0);
  }
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: GraphQLErrorItem[] } | null;
  const errors = body?.errors ?? [];
  if (response.status === 401) {
    onUnauthenticated(errors[0]?.message ?? "Sign in again.");
    throw new ApiError(errors, 401);
  }
  if (!body || body.data == null) {
    throw new ApiError(errors.length ? errors : [{ message: `Gather answered ${response.status}.` }], response.status);
  }
  return { data: body.data, errors };
}

/** Runs a mutation whose payload carries `errors`; returns the payload, throwing only for request-level failures. */
export async function mutate<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const { data, errors } = await request<Record<string, T>>(query, variables);
  if (errors.length) throw new ApiError(errors, 200);
  return Object.values(data!)[0];
}
