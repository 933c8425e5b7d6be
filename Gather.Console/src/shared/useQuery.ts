import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, request, type GraphQLErrorItem } from "../api/client";

export interface QueryState<T> {
  data: T | null;
  /** Field errors that came with data (e.g. Stripe unavailable on some cells). */
  fieldErrors: GraphQLErrorItem[];
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Runs a query when its key changes; a slower earlier answer never overwrites a newer one. */
export function useQuery<T>(document: string | null, variables: Record<string, unknown> | undefined, key: string): QueryState<T> {
  const [state, setState] = useState<Omit<QueryState<T>, "reload">>({ data: null, fieldErrors: [], error: null, loading: true });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const vars = useRef(variables);
  vars.current = variables;

  useEffect(() => {
    if (!document) return;
    const run = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    request<T>(document, vars.current).then(
      (result) => run === latest.current && setState({ data: result.data, fieldErrors: result.errors, error: null, loading: false }),
      (error: unknown) => run === latest.current && setState((s) => ({
        ...s, loading: false, error: error instanceof ApiError ? error : new ApiError([{ message: String(error) }], 0),
      })),
    );
  }, [document, key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
