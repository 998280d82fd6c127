-- Tables of the service-kit building blocks, created in every service's own database.
-- Numbered below the services' own migrations (V1 and up) so that they always run first.

-- Transactional outbox: written in the same transaction as the change; the relay publishes in seq order.
CREATE TABLE outbox_event (
    id              uuid          PRIMARY KEY,
    seq             bigserial     NOT NULL UNIQUE,
    aggregate_type  varchar(100)  NOT NULL,
    aggregate_id    varchar(100)  NOT NULL,
    event_type      varchar(200)  NOT NULL,
    topic           varchar(200)  NOT NULL,
    payload         json          NOT NULL,  -- json, not jsonb: published byte for byte as written
    occurred_at     timestamptz   NOT NULL,
    sent_at         timestamptz,
    attempts        integer       NOT NULL DEFAULT 0,
    last_error      varchar(1000)
);
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL;

-- Idempotent consumer: one row per (consumer, event id), inserted in the same transaction as the effect.
CREATE TABLE inbox_message (
    consumer     varchar(100)  NOT NULL,
    event_id     varchar(200)  NOT NULL,
    event_type   varchar(200)  NOT NULL,
    received_at  timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Idempotency-Key records: the first response to a key, stored in the same transaction as the write.
CREATE TABLE idempotency_record (
    scope              varchar(300)   NOT NULL,
    idempotency_key    varchar(255)   NOT NULL,
    request_hash       char(64)       NOT NULL,
    response_status    integer        NOT NULL,
    response_body      text,
    response_location  varchar(2000),
    created_at         timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
