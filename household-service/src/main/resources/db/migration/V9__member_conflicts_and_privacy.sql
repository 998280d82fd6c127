-- A citizen ID registered (or imported) while an active member of a household the registering caller may not see
-- holds it. The caller is answered as for any registration, so that nobody learns where a citizen ID is registered;
-- the new member waits (pending: not active, so "one active household per citizen ID" still holds) until an admin or
-- a province officer of the other household's area moves the person or rejects the registration.
CREATE TABLE member_conflict (
    id                     uuid          PRIMARY KEY,
    status                 varchar(10)   NOT NULL CHECK (status IN ('OPEN', 'RESOLVED')),
    citizen_id             varchar(12)   NOT NULL,
    pending_member_id      uuid          NOT NULL REFERENCES household_member (id),
    new_household_id       uuid          NOT NULL REFERENCES household (id),
    existing_member_id     uuid          NOT NULL REFERENCES household_member (id),
    existing_household_id  uuid          NOT NULL REFERENCES household (id),
    registered_by          varchar(200)  NOT NULL,
    registered_at          timestamptz   NOT NULL,
    outcome                varchar(10)   CHECK (outcome IN ('MOVE', 'REJECT', 'WITHDRAWN')),
    note                   varchar(1000),
    resolved_by            varchar(200),
    resolved_at            timestamptz,
    version                bigint        NOT NULL DEFAULT 0,
    CHECK ((status = 'OPEN') = (outcome IS NULL))
);
CREATE INDEX member_conflict_open ON member_conflict (registered_at, id) WHERE status = 'OPEN';
CREATE INDEX member_conflict_existing ON member_conflict (existing_household_id);

ALTER TABLE household_member
    ADD COLUMN pending      boolean      NOT NULL DEFAULT false,
    ADD COLUMN leave_reason varchar(30)  CHECK (leave_reason IN ('LEFT', 'MOVED', 'REGISTRATION_REJECTED'));
UPDATE household_member SET leave_reason = CASE WHEN moved_to_household_id IS NULL THEN 'LEFT' ELSE 'MOVED' END
WHERE NOT active;
ALTER TABLE household_member ADD CONSTRAINT household_member_pending_not_active CHECK (NOT (pending AND active));
CREATE INDEX household_member_pending_citizen ON household_member (citizen_id) WHERE pending;

-- What the uploader could read (the households their roles may see), decided at upload, for the worker: a conflict
-- with a household outside it is never reported. And how long the uploaded file is kept.
ALTER TABLE household_import
    ADD COLUMN read_scope          varchar(1000) NOT NULL DEFAULT '',
    ADD COLUMN content_deleted_at  timestamptz;

-- One audit trail per service (service-kit's audit_log): the household trail moves there.
INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
SELECT at, actor, action, 'HOUSEHOLD', CAST(household_id AS text), detail FROM household_audit ORDER BY at, id;
DROP TABLE household_audit;
