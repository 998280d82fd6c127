-- What partners are told (issue 18): every event of the types partners may follow, as they may see it (status and
-- area, no personal data), in the order recorded; feeds read it and subscriptions deliver it.
CREATE TABLE partner_event (
    id             uuid          PRIMARY KEY,      -- the CloudEvents id
    type           varchar(100)  NOT NULL,
    occurred_at    timestamptz   NOT NULL,
    recorded_at    timestamptz   NOT NULL,
    commune_code   varchar(20),
    province_code  varchar(20),
    payload        jsonb         NOT NULL
);
CREATE INDEX partner_event_order ON partner_event (type, recorded_at, id);
CREATE INDEX partner_event_time ON partner_event (recorded_at, id);

INSERT INTO partner_event (id, type, occurred_at, recorded_at, commune_code, province_code, payload)
SELECT r.id, 'household.status-recognized.v1', r.recorded_at, r.recorded_at, h.commune_code, h.province_code,
       jsonb_build_object('householdId', r.household_id, 'communeCode', h.commune_code,
                          'provinceCode', h.province_code, 'status', r.status, 'previousStatus', r.previous_status,
                          'transition', r.transition, 'reviewYear', r.review_year, 'recognizedOn', r.recognized_on,
                          'decisionNo', r.decision_no)
FROM status_recognition r JOIN household h ON h.id = r.household_id;

-- A partner's subscription: event types, the areas it hears from (within the client's granted areas; null:
-- national), where to deliver, and the signing secrets (Standard Webhooks: a previous secret keeps signing too
-- until previous_secret_until, so that the partner can switch without losing a delivery).
CREATE TABLE webhook_subscription (
    id                     uuid           PRIMARY KEY,
    client_id              varchar(200)   NOT NULL,
    url                    varchar(2000)  NOT NULL,
    event_types            text[]         NOT NULL,
    area_codes             text[],
    secret                 varchar(100)   NOT NULL,
    previous_secret        varchar(100),
    previous_secret_until  timestamptz,
    active                 boolean        NOT NULL DEFAULT true,
    created_at             timestamptz    NOT NULL,
    updated_at             timestamptz    NOT NULL,
    version                bigint         NOT NULL DEFAULT 0
);
CREATE INDEX webhook_subscription_client ON webhook_subscription (client_id);

-- One event to one subscription: written in the transaction that records the event, sent in order per
-- subscription, retried with backoff for 24 h, then parked.
CREATE TABLE webhook_delivery (
    id               uuid          PRIMARY KEY,
    subscription_id  uuid          NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         uuid          NOT NULL REFERENCES partner_event (id),
    state            varchar(10)   NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'PARKED')),
    replay           boolean       NOT NULL DEFAULT false,
    attempts         integer       NOT NULL DEFAULT 0,
    created_at       timestamptz   NOT NULL,
    next_attempt_at  timestamptz   NOT NULL,
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    last_status      integer,
    last_error       varchar(500),
    delivered_at     timestamptz
);
CREATE INDEX webhook_delivery_pending ON webhook_delivery (subscription_id, created_at, id) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_of ON webhook_delivery (subscription_id, created_at DESC);
