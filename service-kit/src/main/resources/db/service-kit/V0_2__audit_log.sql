-- The service's audit trail: who changed which record (with what it was and what it became, personal data masked),
-- who read whose personal data, who read the trail itself and why. Only ever inserted into: the application's
-- database role may not change or delete a row (deploy/postgres, local stack).
CREATE TABLE audit_log (
    id          bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz   NOT NULL DEFAULT now(),
    actor       varchar(200)  NOT NULL,
    client      varchar(200),
    action      varchar(40)   NOT NULL,
    entity      varchar(40)   NOT NULL,
    entity_id   varchar(100),
    detail      text,
    before      jsonb,
    after       jsonb,
    request_id  varchar(100)
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_at ON audit_log (at, id);
