import type { Model } from "../api/types";
import { Link, path } from "../app/router";

/** A record visited on the way here; the trail rides in the URL so breadcrumbs survive reloads and links. */
export interface Step {
  modelId: string;
  id: string;
  label: string;
}

const MAX_STEPS = 8;

export function readTrail(search: string): Step[] {
  try {
    const parsed: unknown = JSON.parse(new URLSearchParams(search).get("trail") ?? "[]");
    return Array.isArray(parsed)
      ? parsed.filter((s): s is Step => !!s && typeof s.modelId === "string" && typeof s.id === "string" && typeof s.label === "string").slice(-MAX_STEPS)
      : [];
  } catch {
    return [];
  }
}

/** The query string for a link onward from `here`. */
export function withStep(trail: Step[], here: Step): string {
  return "?" + new URLSearchParams({ trail: JSON.stringify([...trail, here].slice(-MAX_STEPS)) }).toString();
}

export function Breadcrumbs({ trail, current, model }: { trail: Step[]; current: string; model: Model }) {
  const list = model.kind === "STANDARD" && model.name === "Account" ? ["/accounts", "Accounts"]
    : model.kind === "STANDARD" && model.name === "Customer" ? ["/customers", "Customers"] : ["/views", "Views"];
  return (
    <nav aria-label="Breadcrumb" className="crumbs">
      <ol>
        <li><Link to={list[0]}>{list[1]}</Link></li>
        {trail.map((s, i) => (
          <li key={i}><Link to={path("records", s.modelId, s.id) + (i ? withStep(trail.slice(0, i - 1), trail[i - 1]) : "")}>{s.label}</Link></li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
