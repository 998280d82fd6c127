-- The DCI Social Registry API (issue 18, docs/dci-profile.md).

-- Look-ups through DCI go to the same access log as status verifications: by household id too, and by predicate
-- (a list: how many matched, never whom).
ALTER TABLE verification_log DROP CONSTRAINT verification_log_subject_kind_check;
ALTER TABLE verification_log ADD CONSTRAINT verification_log_subject_kind_check
    CHECK (subject_kind IN ('CITIZEN_ID', 'HOUSEHOLD_REF', 'HOUSEHOLD_ID', 'PREDICATE'));
ALTER TABLE verification_log DROP CONSTRAINT verification_log_result_check;
ALTER TABLE verification_log ADD CONSTRAINT verification_log_result_check
    CHECK (result IN ('POOR', 'NEAR_POOR', 'OTHER', 'NOT_FOUND', 'LIST'));
ALTER TABLE verification_log ADD COLUMN channel varchar(10) NOT NULL DEFAULT 'API' CHECK (channel IN ('API', 'DCI'));
ALTER TABLE verification_log ADD COLUMN matched integer;

-- The registry's own Ed25519 signing key, made once when none is configured (DCI_SIGNING_KEY), shared by every
-- instance of the service; its public half is published as JWKS.
CREATE TABLE dci_registry_key (
    id           smallint      PRIMARY KEY CHECK (id = 1),
    private_key  text          NOT NULL,
    created_at   timestamptz   NOT NULL
);

-- A DCI sender (an SPMIS of a partner): the client it belongs to, its public keys, where callbacks go.
CREATE TABLE dci_sender (
    sender_id     varchar(100)   PRIMARY KEY,
    client_id     varchar(200)   NOT NULL,
    callback_uri  varchar(2000),
    jwks          jsonb          NOT NULL,
    created_at    timestamptz    NOT NULL,
    updated_at    timestamptz    NOT NULL,
    version       bigint         NOT NULL DEFAULT 0
);
CREATE INDEX dci_sender_client ON dci_sender (client_id);

-- An asynchronous DCI request (search, subscribe, unsubscribe, txn-status): what was asked, on whose behalf (the
-- caller's reach, as its token gave it), the answer, and the callback that carries it.
CREATE TABLE dci_transaction (
    id               uuid           PRIMARY KEY,
    correlation_id   varchar(99)    NOT NULL UNIQUE,
    transaction_id   varchar(99)    NOT NULL,
    client_id        varchar(200)   NOT NULL,
    sender_id        varchar(100)   NOT NULL REFERENCES dci_sender (sender_id),
    action           varchar(20)    NOT NULL CHECK (action IN ('search', 'subscribe', 'unsubscribe', 'txn-status')),
    reach            varchar(4000)  NOT NULL,
    purposes         text[]         NOT NULL,
    admin            boolean        NOT NULL,
    callback_uri     varchar(2000)  NOT NULL,
    request          jsonb          NOT NULL,
    response         jsonb,
    state            varchar(4)     NOT NULL CHECK (state IN ('rcvd', 'pdng', 'succ', 'rjct')),
    callback_state   varchar(10)    NOT NULL DEFAULT 'PENDING' CHECK (callback_state IN ('PENDING', 'DELIVERED', 'PARKED')),
    attempts         integer        NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz    NOT NULL,
    first_attempt_at timestamptz,
    last_error       varchar(500),
    created_at       timestamptz    NOT NULL,
    completed_at     timestamptz,
    delivered_at     timestamptz
);
CREATE INDEX dci_transaction_client ON dci_transaction (client_id, transaction_id);
CREATE INDEX dci_transaction_due ON dci_transaction (next_attempt_at) WHERE callback_state = 'PENDING';

-- A DCI subscription is a subscription like the webhooks', delivered as a signed DCI notify message.
ALTER TABLE webhook_subscription ADD COLUMN kind varchar(10) NOT NULL DEFAULT 'WEBHOOK' CHECK (kind IN ('WEBHOOK', 'DCI'));
ALTER TABLE webhook_subscription ADD COLUMN status_filter text[];
ALTER TABLE webhook_subscription ADD COLUMN dci_code varchar(99) UNIQUE;
ALTER TABLE webhook_subscription ADD COLUMN dci_sender_id varchar(100) REFERENCES dci_sender (sender_id);
