import { useMemo, useState } from "react";
import { mutate } from "../api/client";
import { UPDATE_VIEW, VIEW_PAGE } from "../api/documents";
import type { PayloadError, ViewDetail } from "../api/types";
import { Link, navigate, useLocation } from "../app/router";
import { useDenied } from "../app/session";
import { useQuery } from "../shared/useQuery";
import { ActionButton, ErrorMessage, FieldErrors, Loading } from "../shared/ui";
import { buildWhere, catalogueFor, combine, conditionsFromWhere, type RecordFilter } from "./filters";
import { RecordExplorer, type ExplorerSource } from "./RecordExplorer";
import { isAdHoc, readState, resetToSaved, writeState } from "./urlState";

interface Data {
  view: ViewDetail | null;
  integrationTasks: { kind: string; options: { modelId: string | null } }[];
}

export function ViewPage({ name }: { name: string }) {
  const { data, error, loading, reload } = useQuery<Data>(VIEW_PAGE, { name }, name);
  const { search } = useLocation();
  const state = readState(search);
  const denied = useDenied("manageViews");
  const [saveErrors, setSaveErrors] = useState(new FieldErrors());
  const view = data?.view;

  const source = useMemo<ExplorerSource | null>(() => {
    if (!view?.model) return null;
    const hasCharges = !!data?.integrationTasks.some((t) => t.kind === "SYNC_STRIPE_CHARGES" && t.options.modelId === view.model!.id);
    const saved = conditionsFromWhere(view.where);
    return {
      model: view.model,
      catalogue: catalogueFor(view.model, hasCharges),
      savedColumns: view.columns,
      savedHeaders: view.columnHeaders ?? [],
      savedConditions: saved.conditions,
      savedRest: saved.rest,
      savedWhere: (view.where ?? null) as RecordFilter | null,
      savedSort: view.order.filter((o) => o.field).map((o) => ({ field: o.field!, direction: o.direction })),
    };
  }, [view, data]);

  if (loading && !data) return <Loading what="the view" />;
  if (error) return <ErrorMessage error={error} />;
  if (!view) return <section><h1>{name}</h1><p>No view is named “{name}”. <Link to="/views">See all views</Link>.</p></section>;
  if (!view.model || !source) return <section><h1>{view.name}</h1><p>This view's model was deleted.</p></section>;

  const save = async () => {
    const built = state.filters ? buildWhere(state.filters, source.catalogue) : null;
    const input: Record<string, unknown> = { id: view.id };
    if (state.columns) input.columns = state.columns;
    if (state.sort) input.order = state.sort;
    if (built) input.where = combine(built.where, source.savedRest);
    try {
      const payload = await mutate<{ view: unknown; errors: PayloadError[] | null }>(UPDATE_VIEW, { input });
      setSaveErrors(FieldErrors.from(payload.errors));
      if (!payload.errors?.length) {
        navigate(location.pathname + writeState(resetToSaved(state)), { replace: true });
        reload();
      }
    } catch (err) {
      setSaveErrors(FieldErrors.from(null, err));
    }
  };

  return (
    <section>
      <nav aria-label="Breadcrumb" className="crumbs"><Link to="/views">Views</Link> › <span aria-current="page">{view.name}</span></nav>
      <h1>{view.name} <small className="muted">on {view.model.name}</small></h1>
      <div className="toolbar">
        <ActionButton type="button" onClick={save} denied={denied} disabled={!isAdHoc(state)}>Save</ActionButton>
        {isAdHoc(state) && <span className="muted">Unsaved changes are in this page's address, so you can share it as a link.</span>}
        {isAdHoc(state) && <button type="button" onClick={() => navigate(location.pathname + writeState(resetToSaved(state)))}>Back to saved</button>}
      </div>
      <ErrorMessage error={saveErrors.any ? saveErrors.items.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join(" ") : null} />
      <RecordExplorer source={source} caption={`${view.name} records`} />
    </section>
  );
}
