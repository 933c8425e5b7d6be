// Every GraphQL document the console sends, in one place, so an API change is made here once.
// `documents.test.ts` validates each against Gather's schema snapshot.

const ERRORS = `errors { __typename message ... on ValidationError { field rule } }`;
const MODEL_FIELDS = `id name kind idField fields { path type declaredType recordCount }`;
const UNMATCHED = `count examples { recordId chargeId }`;
const TASK = `id integrationId kind options { modelId chargeIdField } status
  progress { scanned recordsUpdated withoutChargeId { ${UNMATCHED} } unknownChargeIds { ${UNMATCHED} } checkedAt }
  warnings { code message } startedAt finishedAt nextRunAt lastError note`;
const RELATIONSHIP = `id name inverseName kind fromField toField
  fromModel { id name kind idField } toModel { id name kind idField }`;
const PAGE = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

export const VIEWER = `query Viewer { viewer { team { id name } scopes apiKeyId } }`;

export const VIEWS = `query Views { views { id name model { id name } } models { id name kind } }`;

/** A view's definition and what its filter builder needs: the model's catalogue and whether charges are attached. */
export const VIEW_PAGE = `query View($name: String!) {
  view(name: $name) { id name columns defaultColumns columnHeaders { path label type } where order { field direction } model { ${MODEL_FIELDS} } }
  integrationTasks { kind options { modelId } }
}`;

/**
 * One page of rows, whatever the columns: labelled cells and attached data per row, in one request.
 * The view's saved filter is not applied here: the console sends the filter in force (saved or ad hoc) itself.
 */
export const RECORDS_PAGE = `query RecordsPage($modelId: ID!, $where: RecordFilterInput, $order: [RecordSortInput!], $search: String,
  $first: Int, $after: String, $last: Int, $before: String, $columns: [String!]) {
  records(modelId: $modelId, where: $where, order: $order, search: $search, first: $first, after: $after, last: $last, before: $before) {
    ${PAGE} nodes { id attached cells(columns: $columns) { column label type value } }
  }
}`;

export const CREATE_VIEW = `mutation CreateView($input: CreateViewInput!) { createView(input: $input) { view { id name } ${ERRORS} } }`;
export const UPDATE_VIEW = `mutation UpdateView($input: UpdateViewInput!) { updateView(input: $input) { view { id name } ${ERRORS} } }`;
export const DELETE_VIEW = `mutation DeleteView($input: DeleteViewInput!) { deleteView(input: $input) { view { id } ${ERRORS} } }`;

export const MODELS = `query Models { models { ${MODEL_FIELDS} } }`;
export const MODEL_PAGE = `query Model($id: ID!) { model(id: $id) { ${MODEL_FIELDS} } relationships(modelId: $id) { ${RELATIONSHIP} } models { ${MODEL_FIELDS} } }`;

/** Record counts for the models list: one aliased `records` per stored model, in one request. */
export function modelCounts(modelIds: string[]): string {
  const fields = modelIds.map((id, i) => `m${i}: records(modelId: ${JSON.stringify(id)}, first: 1) { totalCount }`);
  return `query ModelCounts { ${fields.join(" ")} }`;
}

export const CREATE_MODEL = `mutation CreateModel($input: CreateModelInput!) { createModel(input: $input) { model { ${MODEL_FIELDS} } ${ERRORS} } }`;
export const DECLARE_FIELDS = `mutation DeclareModelFields($input: DeclareModelFieldsInput!) { declareModelFields(input: $input) { model { ${MODEL_FIELDS} } ${ERRORS} } }`;
export const RENAME_MODEL = `mutation RenameModel($input: RenameModelInput!) { renameModel(input: $input) { model { id name } ${ERRORS} } }`;
export const DELETE_MODEL = `mutation DeleteModel($input: DeleteModelInput!) { deleteModel(input: $input) { deletedRecordCount ${ERRORS} } }`;
export const CREATE_RELATIONSHIP = `mutation CreateRelationship($input: CreateRelationshipInput!) { createRelationship(input: $input) { relationship { id } ${ERRORS} } }`;
export const DELETE_RELATIONSHIP = `mutation DeleteRelationship($input: DeleteRelationshipInput!) { deleteRelationship(input: $input) { relationship { id } ${ERRORS} } }`;

/** A record with everything its page shows before navigation: fields, attached data, and the model's relationships. */
export const RECORD = `query RecordPage($modelId: ID!, $id: ID!) {
  model(id: $modelId) { ${MODEL_FIELDS} }
  record(modelId: $modelId, id: $id) { id fields attached createdAt updatedAt }
  relationships(modelId: $modelId) { ${RELATIONSHIP} }
}`;

export interface Navigation {
  alias: string;
  name: string;
  many: boolean;
}

/** The record's relationships in one request: to-one links (`relatedOne`) and to-many lists (`related`). */
export function recordNavigation(navigations: Navigation[], withCharges: boolean): string {
  const parts = navigations.map((n) =>
    n.many
      ? `${n.alias}: related(name: ${JSON.stringify(n.name)}, first: 20) { totalCount nodes { id model { id name kind } fields } }`
      : `${n.alias}: relatedOne(name: ${JSON.stringify(n.name)}) { id model { id name kind } fields }`);
  const charges = withCharges
    ? `customer(email: $email) { charges(first: 20) { nodes { id amount currency status paid refunded disputed created description } } }`
    : "";
  const email = withCharges ? ", $email: String!" : "";
  return `query RecordNavigation($modelId: ID!, $id: ID!${email}) { record(modelId: $modelId, id: $id) { id ${parts.join(" ")} } ${charges} }`;
}

export const API_KEYS = `query ApiKeys { apiKeys { id name preview scopes createdAt revoked revokedAt } }`;
export const CREATE_API_KEY = `mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id name } secret ${ERRORS} } }`;
export const REVOKE_API_KEY = `mutation RevokeApiKey($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id revoked } ${ERRORS} } }`;

export const INTEGRATIONS = `query Integrations { integrations { id kind secretKeyLast4 createdAt } integrationTasks { ${TASK} } models { ${MODEL_FIELDS} } }`;
export const CONNECT_STRIPE = `mutation ConnectStripe($input: ConnectStripeInput!) { connectStripe(input: $input) { integration { id secretKeyLast4 } ${ERRORS} } }`;
export const DISCONNECT = `mutation DisconnectIntegration($input: DisconnectIntegrationInput!) { disconnectIntegration(input: $input) { integration { id } ${ERRORS} } }`;
export const CREATE_TASK = `mutation CreateIntegrationTask($input: CreateIntegrationTaskInput!) { createIntegrationTask(input: $input) { task { ${TASK} } ${ERRORS} } }`;
export const RUN_TASK = `mutation RunIntegrationTask($input: IntegrationTaskIdInput!) { runIntegrationTask(input: $input) { task { ${TASK} } ${ERRORS} } }`;
export const DELETE_TASK = `mutation DeleteIntegrationTask($input: IntegrationTaskIdInput!) { deleteIntegrationTask(input: $input) { task { id } ${ERRORS} } }`;
