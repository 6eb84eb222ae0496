-- PostgreSQL only: a trigram index so that the case-insensitive substring search
-- (message ILIKE '%text%') does not scan the whole table.
-- pg_trgm ships with PostgreSQL; creating it needs the CREATE privilege on the database. Where
-- it cannot be had the search still works, by scanning, so this migration never fails for it.
-- The extension may live in any schema (another collector's, public): its operator class is
-- looked up there.
-- A GIN trigram index is costly to update; a 16 MB pending list (merged in bulk, with the
-- indexer's larger work_mem) roughly halves that cost while queries stay fast.
DO $$
DECLARE
    trgm_schema text;
BEGIN
    SELECT n.nspname INTO trgm_schema
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NULL THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN OTHERS THEN
            RAISE WARNING 'pg_trgm cannot be created (%): text search will scan the events table', SQLERRM;
            RETURN;
        END;
        SELECT n.nspname INTO trgm_schema
          FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
         WHERE e.extname = 'pg_trgm';
    END IF;
    EXECUTE format('CREATE INDEX events_message_trgm ON events USING gin (message %I.gin_trgm_ops)'
        || ' WITH (gin_pending_list_limit = 16384)', trgm_schema);
END
$$;
