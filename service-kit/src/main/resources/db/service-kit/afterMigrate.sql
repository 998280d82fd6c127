-- Least privilege, after every migration (a Flyway callback, run by the owner role that migrates): the service's
-- application role (the datasource's user, ${app_role}) may read and write the tables, but may only add rows to the
-- trails that must never change (${insert_only_tables}: the audit log, and the fund's ledger), and may not touch
-- Flyway's history. Nothing happens when the application connects as the owner itself (a developer's single user).
DO $$
DECLARE
    app  text := '${app_role}';
    kept text;
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), app);
    FOREACH kept IN ARRAY string_to_array('${insert_only_tables}', ',') LOOP
        IF to_regclass(trim(kept)) IS NOT NULL THEN
            EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM %I', trim(kept), app);
        END IF;
    END LOOP;
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', app);
    END IF;
END
$$;
