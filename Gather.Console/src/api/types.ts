// The shapes of Gather's answers the console reads (from the public schema: `GET /graphql?sdl`).

export type FieldType = "STRING" | "INT" | "FLOAT" | "BOOLEAN" | "DATE_TIME" | "JSON";
export type ModelKind = "STANDARD" | "CUSTOM" | "INTEGRATION";
export type SortDirection = "ASC" | "DESC";
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Viewer {
  team: { id: string; name: string };
  scopes: string[];
  apiKeyId: string;
}

export interface ModelField {
  path: string;
  type: FieldType;
  declaredType: FieldType | null;
  recordCount: number;
}

export interface Model {
  id: string;
  name: string;
  kind: ModelKind;
  idField: string;
  fields: ModelField[];
}

export interface ColumnHeader {
  path: string;
  label: string;
  type: FieldType | null;
}

export interface ViewSummary {
  id: string;
  name: string;
  model: { id: string; name: string } | null;
}

export interface ViewDetail {
  id: string;
  name: string;
  columns: string[];
  defaultColumns: boolean;
  columnHeaders: ColumnHeader[] | null;
  where: Json;
  order: { field: string | null; direction: SortDirection }[];
  model: Model | null;
}

export interface Cell {
  column: string;
  label: string;
  type: FieldType | null;
  value: Json;
}

export interface RecordRow {
  id: string;
  attached: Record<string, Json>;
  cells: Cell[] | null;
}

export interface RecordPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  nodes: RecordRow[];
}

export interface Relationship {
  id: string;
  name: string;
  inverseName: string;
  kind: "STANDARD" | "CUSTOM";
  fromField: string;
  toField: string;
  fromModel: { id: string; name: string; kind: ModelKind; idField: string } | null;
  toModel: { id: string; name: string; kind: ModelKind; idField: string } | null;
}

export interface UnmatchedRecords {
  count: number;
  examples: { recordId: string; chargeId: string | null }[];
}

export interface IntegrationTask {
  id: string;
  integrationId: string;
  kind: "SYNC_STRIPE_CHARGES" | "SYNC_STRIPE_CUSTOMERS";
  options: { modelId: string | null; chargeIdField: string | null };
  status: "PENDING" | "RUNNING" | "SUCCEEDED" | "FAILED";
  progress: {
    scanned: number;
    recordsUpdated: number;
    /** Sync Stripe Charges: records with no charge id, and records whose charge id Stripe does not know. */
    withoutChargeId: UnmatchedRecords | null;
    unknownChargeIds: UnmatchedRecords | null;
    checkedAt: string | null;
  };
  warnings: { code: string; message: string }[];
  startedAt: string | null;
  finishedAt: string | null;
  nextRunAt: string | null;
  lastError: string | null;
  note: string | null;
}

export interface Integration {
  id: string;
  kind: "STRIPE";
  secretKeyLast4: string;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  preview: string;
  scopes: string[];
  createdAt: string;
  revoked: boolean;
  revokedAt: string | null;
}

/** A payload's typed error: ValidationError carries `field` and `rule`. */
export interface PayloadError {
  __typename: string;
  message: string;
  field?: string;
  rule?: string;
}

export interface RelatedRecord {
  id: string;
  model: { id: string; name: string; kind: ModelKind };
  fields: Record<string, Json>;
}
