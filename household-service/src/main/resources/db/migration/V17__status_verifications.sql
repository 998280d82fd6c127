-- Every look-up of a household's poverty status by a partner agency (tra cứu tình trạng hộ nghèo, hộ cận nghèo): who
-- asked, for which granted purpose, a keyed hash of whom they asked about (never the ID itself), what they were told.
-- Auditors read it; nobody changes it.
CREATE TABLE verification_log (
    id            uuid          PRIMARY KEY,
    client        varchar(100)  NOT NULL,
    purpose       varchar(50)   NOT NULL,
    subject_kind  varchar(20)   NOT NULL CHECK (subject_kind IN ('CITIZEN_ID', 'HOUSEHOLD_REF')),
    subject_hash  varchar(64)   NOT NULL,
    as_of         date          NOT NULL,
    result        varchar(20)   NOT NULL CHECK (result IN ('POOR', 'NEAR_POOR', 'OTHER', 'NOT_FOUND')),
    area_code     varchar(20),
    verified_at   timestamptz   NOT NULL
);
CREATE INDEX verification_log_client ON verification_log (client, verified_at);
CREATE INDEX verification_log_time ON verification_log (verified_at);

CREATE FUNCTION verification_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the verification log is append-only: % refused', TG_OP;
END $$;
CREATE TRIGGER verification_log_append_only BEFORE UPDATE OR DELETE ON verification_log
    FOR EACH ROW EXECUTE FUNCTION verification_log_is_append_only();
