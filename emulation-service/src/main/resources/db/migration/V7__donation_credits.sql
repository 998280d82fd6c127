-- What each event added to each score (the evidence behind a standing and a candidate), and every donation credited
-- to the standings, so that a cancelled donation (fund.donation-cancelled.v1) takes back exactly what it added, even
-- from a movement whose criteria changed since. A cancellation may arrive before its donation (another topic): its
-- row is then written first, with credited_at NULL, and the donation credits nothing when it comes.
CREATE TABLE donation_credit (
    donation_id   varchar(64)  PRIMARY KEY,
    donor_ref     varchar(64)  NOT NULL,
    amount_vnd    bigint       NOT NULL CHECK (amount_vnd > 0),
    credited_at   timestamptz,
    cancelled_on  date,
    cancel_reason varchar(1000),
    CHECK (credited_at IS NOT NULL OR cancelled_on IS NOT NULL)
);

CREATE TABLE score_credit (
    id             bigint         GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    movement_id    uuid           NOT NULL REFERENCES movement (id),
    criterion_id   uuid           NOT NULL REFERENCES criterion (id),
    participant_id uuid           NOT NULL REFERENCES participant (id),
    source_kind    varchar(12)    NOT NULL CHECK (source_kind IN ('DONATION', 'RECOGNITION', 'DISBURSEMENT',
                                                                  'EVIDENCE')),
    source_ref     varchar(100)   NOT NULL,
    occurred_on    date           NOT NULL,
    value          numeric(20, 2) NOT NULL,
    taken_back     boolean        NOT NULL DEFAULT false,
    credited_at    timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX score_credit_source ON score_credit (source_kind, source_ref);
CREATE INDEX score_credit_participant ON score_credit (movement_id, participant_id, occurred_on DESC, id DESC);
