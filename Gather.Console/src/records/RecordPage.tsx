import { RECORD, recordNavigation, type Navigation } from "../api/documents";
import type { Json, Model, RelatedRecord, Relationship } from "../api/types";
import { Link, path, useLocation } from "../app/router";
import { formatValue, labelFor } from "../shared/format";
import { useQuery } from "../shared/useQuery";
import { ErrorMessage, Loading, formatTime } from "../shared/ui";
import { Breadcrumbs, readTrail, withStep, type Step } from "./trail";

interface Data {
  model: Model | null;
  record: { id: string; fields: Record<string, Json>; attached: Record<string, Json>; createdAt: string; updatedAt: string } | null;
  relationships: Relationship[];
}

export interface Charge {
  id: string; amount: number; currency: string; status: string; paid: boolean; refunded: boolean; disputed: boolean; created: string; description: string | null;
}

/** One record: its fields, its attached Stripe charge, and where its relationships lead. */
export function RecordPage({ modelId, id }: { modelId: string; id: string }) {
  const { search } = useLocation();
  const trail = readTrail(search);
  const { data, error, loading } = useQuery<Data>(RECORD, { modelId, id }, `${modelId}/${id}`);

  if (loading && !data) return <Loading what="the record" />;
  if (error) return <ErrorMessage error={error} />;
  if (!data?.model || !data.record) return <section><h1>Not found</h1><p>This record does not exist (any more).</p></section>;

  const { model, record } = data;
  const here: Step = { modelId, id, label: `${model.name} ${id}` };
  const charge = record.attached.stripeCharge as Record<string, Json> | undefined;
  return (
    <section>
      <Breadcrumbs trail={trail} current={here.label} model={model} />
      <h1>{model.name}: {id}</h1>
      <p className="muted">Created {formatTime(record.createdAt)} · updated {formatTime(record.updatedAt)}</p>
      <h2>Fields</h2>
      <Properties values={record.fields} />
      {charge && (
        <>
          <h2>Stripe charge</h2>
          <Properties values={charge} prefix="stripeCharge." currency={charge.currency as string} />
        </>
      )}
      <Related model={model} id={id} relationships={data.relationships} next={withStep(trail, here)} />
    </section>
  );
}

export function Properties({ values, prefix = "", currency }: { values: Record<string, Json>; prefix?: string; currency?: string }) {
  const entries = Object.entries(values ?? {});
  if (!entries.length) return <p className="muted">None.</p>;
  return (
    <dl className="properties">
      {entries.map(([k, v]) => (
        <div key={k}><dt>{labelFor(k)} <code>{k}</code></dt><dd>{formatValue(v, null, prefix + k, { currency }) || "—"}</dd></div>
      ))}
    </dl>
  );
}

/** The model's relationships as navigations: to-one when the other end is its model's ID field, else a list. */
export function navigationsFor(model: Model, relationships: Relationship[]): (Navigation & { label: string; target: Relationship["toModel"] })[] {
  const out: (Navigation & { label: string; target: Relationship["toModel"] })[] = [];
  relationships.forEach((r, i) => {
    if (r.fromModel?.id === model.id && r.toModel) {
      const toOne = r.toField === r.toModel.idField || (r.toModel.kind === "INTEGRATION" && r.toField === "id");
      if (toOne || r.toModel.kind !== "INTEGRATION") out.push({ alias: `f${i}`, name: r.name, many: !toOne, label: r.name, target: r.toModel });
    }
    if (r.toModel?.id === model.id && r.fromModel && r.fromModel.kind !== "INTEGRATION") {
      out.push({ alias: `t${i}`, name: r.inverseName, many: true, label: r.inverseName, target: r.fromModel });
    }
  });
  return out;
}

function Related({ model, id, relationships, next }: { model: Model; id: string; relationships: Relationship[]; next: string }) {
  const navigations = navigationsFor(model, relationships);
  const isCustomer = model.kind === "STANDARD" && model.name === "Customer";
  const document = navigations.length || isCustomer ? recordNavigation(navigations, isCustomer) : null;
  const vars = isCustomer ? { modelId: model.id, id, email: id } : { modelId: model.id, id };
  const { data, error, fieldErrors } = useQuery<{ record: Record<string, unknown> | null; customer?: { charges: { nodes: Charge[] } | null } | null }>(
    document, vars, `${model.id}/${id}/${document}`);
  if (!document) return null;
  const chargeError = fieldErrors.find((e) => e.path?.includes("charges"));

  return (
    <>
      <ErrorMessage error={error} />
      {navigations.map((n) => {
        const value = data?.record?.[n.alias] as { totalCount: number; nodes: RelatedRecord[] } | RelatedRecord | null | undefined;
        const failed = fieldErrors.find((e) => e.path?.includes(n.alias));
        return (
          <section key={n.alias} aria-labelledby={`rel-${n.alias}`}>
            <h2 id={`rel-${n.alias}`}>{labelFor(n.label)} <small className="muted">({n.target?.name})</small></h2>
            {failed ? <p className="error">{failed.message}</p>
              : value == null ? <p className="muted">{data ? "None." : "Loading…"}</p>
              : "nodes" in value ? <RelatedList list={value} next={next} />
              : <RelatedOne record={value} next={next} />}
          </section>
        );
      })}
      {isCustomer && (
        <section aria-labelledby="rel-charges">
          <h2 id="rel-charges">Stripe charges</h2>
          {chargeError ? <p className="error">{chargeError.message}</p>
            : data?.customer?.charges ? <ChargeTable charges={data.customer.charges.nodes} /> : <p className="muted">{data ? "None." : "Loading…"}</p>}
        </section>
      )}
    </>
  );
}

function RelatedOne({ record, next }: { record: RelatedRecord; next: string }) {
  if (record.model.kind === "INTEGRATION") return <Properties values={record.fields} />;
  return <p><Link to={path("records", record.model.id, record.id) + next}>{record.model.name}: {record.id}</Link></p>;
}

function RelatedList({ list, next }: { list: { totalCount: number; nodes: RelatedRecord[] }; next: string }) {
  if (!list.nodes.length) return <p className="muted">None.</p>;
  const keys = [...new Set(list.nodes.flatMap((n) => Object.keys(n.fields)))].slice(0, 6);
  return (
    <table>
      <caption className="visually-hidden">{list.totalCount} related records</caption>
      <thead><tr><th scope="col">ID</th>{keys.map((k) => <th key={k} scope="col">{labelFor(k)}</th>)}</tr></thead>
      <tbody>
        {list.nodes.map((n) => (
          <tr key={n.id}>
            <td><Link to={path("records", n.model.id, n.id) + next}>{n.id}</Link></td>
            {keys.map((k) => <td key={k}>{formatValue(n.fields[k], null, k)}</td>)}
          </tr>
        ))}
      </tbody>
      {list.totalCount > list.nodes.length && <tfoot><tr><td colSpan={keys.length + 1}>{list.totalCount} in all; the first {list.nodes.length} are shown.</td></tr></tfoot>}
    </table>
  );
}

export function ChargeTable({ charges }: { charges: Charge[] }) {
  if (!charges.length) return <p className="muted">None.</p>;
  return (
    <table>
      <caption className="visually-hidden">Stripe charges</caption>
      <thead><tr><th scope="col">Charge</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col">Refunded</th><th scope="col">Created</th></tr></thead>
      <tbody>
        {charges.map((c) => (
          <tr key={c.id}>
            <td><code>{c.id}</code></td>
            <td className="num">{formatValue(c.amount, "INT", "stripeCharge.amount", { currency: c.currency })}</td>
            <td>{c.status}</td>
            <td>{formatValue(c.refunded, "BOOLEAN", "refunded")}</td>
            <td>{formatValue(c.created, "DATE_TIME", "created")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
