import { RecordPage } from "../records/RecordPage";
import { StandardListPage } from "../records/StandardListPage";
import { DeveloperPage } from "../settings/developer/DeveloperPage";
import { IntegrationsPage } from "../settings/integrations/IntegrationsPage";
import { ModelPage } from "../settings/models/ModelPage";
import { ModelsPage } from "../settings/models/ModelsPage";
import { ViewPage } from "../views/ViewPage";
import { ViewsPage } from "../views/ViewsPage";
import { Link, match } from "./router";

export function Routes({ path }: { path: string }) {
  let p: Record<string, string> | null;
  if (path === "/" || match("/views", path)) return <ViewsPage />;
  if ((p = match("/views/:name", path))) return <ViewPage key={p.name} name={p.name} />;
  if (match("/accounts", path)) return <StandardListPage key="Account" modelName="Account" title="Accounts" />;
  if (match("/customers", path)) return <StandardListPage key="Customer" modelName="Customer" title="Customers" />;
  if ((p = match("/records/:modelId/:id", path))) return <RecordPage key={`${p.modelId}/${p.id}`} modelId={p.modelId} id={p.id} />;
  if (match("/settings/models", path)) return <ModelsPage />;
  if ((p = match("/settings/models/:id", path))) return <ModelPage key={p.id} id={p.id} />;
  if (match("/settings/developer", path)) return <DeveloperPage />;
  if (match("/settings/integrations", path)) return <IntegrationsPage />;
  return (
    <section>
      <h1>Not found</h1>
      <p>Nothing is at this address. <Link to="/views">Go to your views</Link>.</p>
    </section>
  );
}
