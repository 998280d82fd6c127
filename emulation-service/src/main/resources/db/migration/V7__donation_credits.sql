-- Every donation credited to the standings, and what it added to each score, so that a cancelled donation
-- (fund.donation-cancelled.v1) takes back exactly that, even from a movement whose criteria changed since.
-- A cancellation may arrive before its donation (another topic): its row is then written first, with
-- credited_at NULL, and the donation credits nothing when it comes.
CREATE TABLE donation_credit (
    donation_id   varchar(64)  PRIMARY KEY,
    donor_ref     varchar(64)  NOT NULL,
    amount_vnd    bigint       NOT NULL CHECK (amount_vnd > 0),
    credited_at   timestamptz,
    cancelled_on  date,
    cancel_reason varchar(1000),
    CHECK (credited_at IS NOT NULL OR cancelled_on IS NOT NULL)
);

CREATE TABLE donation_score_credit (
    donation_id    varchar(64)    NOT NULL REFERENCES donation_credit (donation_id),
    criterion_id   uuid           NOT NULL REFERENCES criterion (id),
    participant_id uuid           NOT NULL REFERENCES participant (id),
    value          numeric(20, 2) NOT NULL,
    PRIMARY KEY (donation_id, criterion_id)
);
