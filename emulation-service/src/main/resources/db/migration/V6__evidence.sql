-- Manual evidence for MANUAL criteria (minh chứng): a value claimed with its documents, counted once an officer
-- other than the one who entered it has verified it.
CREATE TABLE evidence (
    id              uuid           PRIMARY KEY,
    movement_id     uuid           NOT NULL REFERENCES movement (id),
    criterion_id    uuid           NOT NULL REFERENCES criterion (id),
    participant_id  uuid           NOT NULL REFERENCES participant (id),
    value           numeric(20, 2) NOT NULL CHECK (value > 0),
    description     varchar(2000)  NOT NULL,
    attachments     text           NOT NULL,
    status          varchar(10)    NOT NULL CHECK (status IN ('PENDING', 'VERIFIED', 'REJECTED')),
    submitted_by    varchar(200)   NOT NULL,
    submitted_at    timestamptz    NOT NULL,
    verified_by     varchar(200),
    verified_at     timestamptz,
    note            varchar(1000),
    CHECK (verified_by IS NULL OR verified_by <> submitted_by)
);
CREATE INDEX evidence_movement ON evidence (movement_id, status);
