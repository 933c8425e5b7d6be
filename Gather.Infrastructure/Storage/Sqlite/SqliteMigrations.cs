namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// The schema as an append-only list of migrations; <c>PRAGMA user_version</c> records how
/// many have run. Never edit a shipped migration: add the next one.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<SqliteMigration> All =
    [
        """
        CREATE TABLE teams (
            id          TEXT    NOT NULL PRIMARY KEY,
            name        TEXT    NOT NULL,
            created_at  INTEGER NOT NULL
        );
        CREATE INDEX ix_teams_created ON teams (created_at, id);

        CREATE TABLE api_keys (
            id          TEXT    NOT NULL PRIMARY KEY,
            team_id     TEXT    NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
            name        TEXT    NOT NULL,
            secret_hash TEXT    NOT NULL UNIQUE,
            preview     TEXT    NOT NULL,
            scopes      TEXT    NOT NULL,
            created_at  INTEGER NOT NULL,
            revoked_at  INTEGER NULL
        );
        CREATE INDEX ix_api_keys_team ON api_keys (team_id, created_at DESC);
        """,
        // Models, records and the field catalogue. Records reference their model through
        // (team_id, model_id), so a record can only ever sit in a model of its own team, and
        // deleting a model takes its records and statistics with it.
        """
        CREATE TABLE models (
            id              TEXT    NOT NULL PRIMARY KEY,
            team_id         TEXT    NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
            name            TEXT    NOT NULL,
            name_key        TEXT    NOT NULL,
            kind            TEXT    NOT NULL,
            id_field        TEXT    NOT NULL,
            declared_fields TEXT    NOT NULL,
            created_at      INTEGER NOT NULL,
            updated_at      INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX ux_models_team_id ON models (team_id, id);
        CREATE UNIQUE INDEX ux_models_team_name ON models (team_id, name_key);

        CREATE TABLE records (
            team_id     TEXT    NOT NULL,
            model_id    TEXT    NOT NULL,
            key         TEXT    NOT NULL,
            data        TEXT    NOT NULL,
            linked      TEXT    NOT NULL,
            search      TEXT    NOT NULL,
            created_at  INTEGER NOT NULL,
            updated_at  INTEGER NOT NULL,
            version     INTEGER NOT NULL,
            FOREIGN KEY (team_id, model_id) REFERENCES models (team_id, id) ON DELETE CASCADE
        );
        CREATE UNIQUE INDEX ux_records_key ON records (team_id, model_id, key);

        CREATE TABLE model_field_stats (
            team_id     TEXT    NOT NULL,
            model_id    TEXT    NOT NULL,
            path        TEXT    NOT NULL,
            kind        TEXT    NOT NULL,
            count       INTEGER NOT NULL,
            PRIMARY KEY (team_id, model_id, path, kind),
            FOREIGN KEY (team_id, model_id) REFERENCES models (team_id, id) ON DELETE CASCADE
        ) WITHOUT ROWID;
        """,
        // Relationships and views. A relationship goes with either of its models (the foreign
        // keys cascade); a view outlives its model so that querying it can say what happened.
        // Names are unique per side: a from model cannot have two relationships called `account`.
        """
        CREATE TABLE relationships (
            id            TEXT    NOT NULL PRIMARY KEY,
            team_id       TEXT    NOT NULL,
            name          TEXT    NOT NULL,
            inverse_name  TEXT    NOT NULL,
            from_model_id TEXT    NOT NULL,
            from_field    TEXT    NOT NULL,
            to_model_id   TEXT    NOT NULL,
            to_field      TEXT    NOT NULL,
            kind          TEXT    NOT NULL,
            created_at    INTEGER NOT NULL,
            FOREIGN KEY (team_id, from_model_id) REFERENCES models (team_id, id) ON DELETE CASCADE,
            FOREIGN KEY (team_id, to_model_id) REFERENCES models (team_id, id) ON DELETE CASCADE
        );
        CREATE UNIQUE INDEX ux_relationships_from_name ON relationships (team_id, from_model_id, name);
        CREATE UNIQUE INDEX ux_relationships_to_inverse ON relationships (team_id, to_model_id, inverse_name);
        CREATE INDEX ix_relationships_to ON relationships (team_id, to_model_id);
        CREATE TABLE views (
            id          TEXT    NOT NULL PRIMARY KEY,
            team_id     TEXT    NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
            name        TEXT    NOT NULL,
            name_key    TEXT    NOT NULL,
            model_id    TEXT    NOT NULL,
            definition  TEXT    NOT NULL,
            created_at  INTEGER NOT NULL,
            updated_at  INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX ux_views_team_name ON views (team_id, name_key);
        """,
        // Integrations: one per kind per team; the secret key only ever encrypted.
        """
        CREATE TABLE integrations (
            id               TEXT    NOT NULL PRIMARY KEY,
            team_id          TEXT    NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
            kind             TEXT    NOT NULL,
            secret_protected TEXT    NOT NULL,
            secret_last4     TEXT    NOT NULL,
            created_at       INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX ux_integrations_team_kind ON integrations (team_id, kind);
        """,
        // Integration tasks (their state as JSON, the lease in columns so claiming is one
        // conditional UPDATE), the integration's webhook endpoint, and webhook event ids seen.
        """
        ALTER TABLE integrations ADD COLUMN webhook_endpoint_id TEXT;
        ALTER TABLE integrations ADD COLUMN webhook_secret_protected TEXT;

        CREATE TABLE integration_tasks (
            id             TEXT    NOT NULL PRIMARY KEY,
            team_id        TEXT    NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
            integration_id TEXT    NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
            kind           TEXT    NOT NULL,
            options        TEXT    NOT NULL,
            state          TEXT    NOT NULL,
            lease_owner    TEXT,
            lease_until    INTEGER,
            created_at     INTEGER NOT NULL
        );
        CREATE INDEX ix_integration_tasks_team ON integration_tasks (team_id, created_at);

        CREATE TABLE webhook_events (
            team_id        TEXT    NOT NULL,
            integration_id TEXT    NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
            event_id       TEXT    NOT NULL,
            received_at    INTEGER NOT NULL,
            PRIMARY KEY (integration_id, event_id)
        );
        CREATE INDEX ix_webhook_events_received ON webhook_events (received_at);
        """,
        // Attached data's search text in a column of its own, so attaching a page of charges is
        // one plain UPDATE: the record's own text in `search` needs no recomputing.
        """
        ALTER TABLE records ADD COLUMN linked_search TEXT NOT NULL DEFAULT '';
        UPDATE records SET search = gather_search_text(data), linked_search = gather_search_text(linked) WHERE linked <> '{}';
        """,
        // The registry of field indexes on records: each is one team's, on one model (a partial
        // index), and is held by owners (tasks, later views); the last owner to let go drops it.
        """
        CREATE TABLE field_indexes (
            name        TEXT    NOT NULL PRIMARY KEY,
            team_id     TEXT    NOT NULL,
            model_id    TEXT    NOT NULL,
            fields      TEXT    NOT NULL,
            created_at  INTEGER NOT NULL
        );
        CREATE INDEX ix_field_indexes_team ON field_indexes (team_id);

        CREATE TABLE field_index_owners (
            name        TEXT    NOT NULL REFERENCES field_indexes (name) ON DELETE CASCADE,
            team_id     TEXT    NOT NULL,
            owner_kind  TEXT    NOT NULL,
            owner_id    TEXT    NOT NULL,
            PRIMARY KEY (name, owner_kind, owner_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_field_index_owners_owner ON field_index_owners (team_id, owner_kind, owner_id);
        """,
        // The kinds synced fields were settled to, in the order they were first synced (JSON).
        """
        ALTER TABLE models ADD COLUMN settled_fields TEXT NOT NULL DEFAULT '[]';
        """,
        // Search served by a trigram index (SqliteSearchSql says how queries use it). The index
        // rowid is the row's scope (team and model) shifted left 36 bits plus records.rowid, so a
        // query reads its own scope's range only. Contentless: the text already sits in records.
        // Writes only note the row in search_pending (one small insert, inside the writing
        // transaction): the index catches up in batches afterwards (SqliteSearchIndexer), and a
        // search takes its scope's pending rows as candidates too, so it never misses one.
        // An unchanged text notes nothing. Existing rows are noted here, so a large store starts
        // at once and the indexer takes them in after start-up.
        """
        CREATE TABLE search_scopes (
            id          INTEGER PRIMARY KEY,
            team_id     TEXT    NOT NULL,
            model_id    TEXT    NOT NULL,
            UNIQUE (team_id, model_id)
        );
        CREATE VIRTUAL TABLE record_search USING fts5 (
            search, linked_search, content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1');
        CREATE TABLE search_pending (
            scope_id    INTEGER NOT NULL,
            row         INTEGER NOT NULL,
            PRIMARY KEY (scope_id, row)
        ) WITHOUT ROWID;

        CREATE TRIGGER records_search_insert AFTER INSERT ON records BEGIN
            SELECT RAISE(ABORT, 'records.rowid is beyond the search index range') WHERE new.rowid > 68719476735;
            INSERT INTO search_scopes (team_id, model_id) VALUES (new.team_id, new.model_id) ON CONFLICT DO NOTHING;
            INSERT INTO search_pending (scope_id, row)
                SELECT s.id, new.rowid FROM search_scopes AS s WHERE s.team_id = new.team_id AND s.model_id = new.model_id
                ON CONFLICT DO NOTHING;
        END;
        CREATE TRIGGER records_search_update AFTER UPDATE OF search, linked_search ON records
        WHEN old.search IS NOT new.search OR old.linked_search IS NOT new.linked_search BEGIN
            INSERT INTO search_pending (scope_id, row)
                SELECT s.id, old.rowid FROM search_scopes AS s WHERE s.team_id = old.team_id AND s.model_id = old.model_id
                ON CONFLICT DO NOTHING;
        END;
        CREATE TRIGGER records_search_delete AFTER DELETE ON records BEGIN
            INSERT INTO search_pending (scope_id, row)
                SELECT s.id, old.rowid FROM search_scopes AS s WHERE s.team_id = old.team_id AND s.model_id = old.model_id
                ON CONFLICT DO NOTHING;
        END;

        INSERT INTO search_scopes (team_id, model_id) SELECT DISTINCT team_id, model_id FROM records;
        INSERT INTO search_pending (scope_id, row)
            SELECT s.id, r.rowid FROM records AS r JOIN search_scopes AS s ON s.team_id = r.team_id AND s.model_id = r.model_id;
        """,

        // A record's data is kept as SQLite's binary JSON (JSONB): filters and sorts read fields
        // without parsing the record's text each time, which is most of a scan's cost. The
        // json_* functions read both forms alike, so index entries do not change; rows written
        // before this step are converted here. (A later step that passes `data` to
        // gather_search_text must pass json(data).)
        """
        UPDATE records SET data = jsonb(data) WHERE typeof(data) = 'text';
        """,

        // The query planner's picture of records (sqlite_stat1, which ANALYZE of the schema table
        // creates empty and reads back): a team and model narrow the table to a quarter, no
        // further. Field indexes lead with the field (their WHERE fixes the team and model), and
        // the planner, which without statistics ranks an index by the columns a query matches,
        // would otherwise read a model through the key index and sort it rather than use the
        // field index a view holds. The quarter keeps the key index ahead of reading the whole
        // table, which in a store of many teams would read theirs too. Stated, not measured:
        // ANALYZE would measure one moment of one team's data. Indexes created before this step
        // keep the team and model in their entries and keep working.
        """
        ANALYZE sqlite_schema;
        INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('records', 'ux_records_key', '10000 2500 2500 1');
        ANALYZE sqlite_schema;
        """,

        // Each team's records in a table of its own (SqliteRecordTable): a write then keeps up
        // only its own team's field indexes.
        SqliteRecordTableMigration.Step,
    ];
}
