import { useMemo } from "react";
import { MODELS } from "../api/documents";
import type { Model } from "../api/types";
import { useQuery } from "../shared/useQuery";
import { ErrorMessage, Loading } from "../shared/ui";
import { catalogueFor } from "../views/filters";
import { RecordExplorer, type ExplorerSource } from "../views/RecordExplorer";

/** Accounts and Customers: the standard models' records in the same table as views, with the model's default columns. */
export function StandardListPage({ modelName, title }: { modelName: "Account" | "Customer"; title: string }) {
  const { data, error, loading } = useQuery<{ models: Model[] }>(MODELS, undefined, "models");
  const model = data?.models.find((m) => m.kind === "STANDARD" && m.name === modelName);
  const source = useMemo<ExplorerSource | null>(() => model ? {
    model, catalogue: catalogueFor(model, false), savedColumns: null, savedHeaders: [],
    savedConditions: [], savedRest: null, savedWhere: null, savedSort: [],
  } : null, [model]);

  return (
    <section>
      <h1>{title}</h1>
      <ErrorMessage error={error} />
      {loading && !data ? <Loading what={title.toLowerCase()} /> : source ? <RecordExplorer source={source} caption={title} /> : null}
    </section>
  );
}
