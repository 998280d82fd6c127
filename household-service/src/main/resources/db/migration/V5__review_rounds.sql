-- Review rounds (đợt rà soát) per commune and the case of each household in a round.
CREATE TABLE review_round (
    id              uuid          PRIMARY KEY,
    commune_code    varchar(20)   NOT NULL,
    kind            varchar(10)   NOT NULL CHECK (kind IN ('PERIODIC', 'REGULAR')),
    review_year     integer       NOT NULL,
    opens_on        date          NOT NULL,
    closes_on       date          NOT NULL,
    posting_days    integer       NOT NULL CHECK (posting_days >= 0),
    complaint_days  integer       NOT NULL CHECK (complaint_days >= 0),
    created_by      varchar(200)  NOT NULL,
    created_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL DEFAULT 0,
    CHECK (opens_on <= closes_on)
);
-- One periodic round per commune and year.
CREATE UNIQUE INDEX review_round_periodic ON review_round (commune_code, review_year) WHERE kind = 'PERIODIC';

CREATE TABLE review_case (
    id                      uuid          PRIMARY KEY,
    round_id                uuid          NOT NULL REFERENCES review_round (id),
    household_id            uuid          NOT NULL REFERENCES household (id),
    state                   varchar(20)   NOT NULL,
    proposed_status         varchar(40),
    income_per_capita_vnd   bigint,
    deprivations            varchar(400),
    surveyed_on             date,
    meeting_on              date,
    meeting_minutes_no      varchar(100),
    posted_on               date,
    complaints_until        date,
    complaints              integer       NOT NULL DEFAULT 0,
    recognition_id          uuid,
    updated_at              timestamptz   NOT NULL,
    version                 bigint        NOT NULL DEFAULT 0,
    UNIQUE (round_id, household_id)
);

-- Every step of every case: who moved it, from where to where, when, and why.
CREATE TABLE review_case_step (
    id          uuid          PRIMARY KEY,
    case_id     uuid          NOT NULL REFERENCES review_case (id),
    from_state  varchar(20),
    to_state    varchar(20)   NOT NULL,
    actor       varchar(200)  NOT NULL,
    at          timestamptz   NOT NULL,
    note        varchar(1000)
);
CREATE INDEX review_case_step_case ON review_case_step (case_id, at);
