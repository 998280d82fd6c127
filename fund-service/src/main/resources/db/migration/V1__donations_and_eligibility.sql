-- Donors of the "Vì người nghèo" fund (organisations and individuals).
CREATE TABLE donor (
    id          uuid          PRIMARY KEY,
    name        varchar(300)  NOT NULL,
    donor_type  varchar(20)   NOT NULL CHECK (donor_type IN ('ORGANISATION', 'INDIVIDUAL')),
    created_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX donor_name_type ON donor (lower(name), donor_type);

-- Cash and in-kind donations, valued in whole đồng.
CREATE TABLE donation (
    id              uuid          PRIMARY KEY,
    donor_id        uuid          NOT NULL REFERENCES donor (id),
    kind            varchar(20)   NOT NULL CHECK (kind IN ('CASH', 'IN_KIND')),
    amount_vnd      bigint        NOT NULL CHECK (amount_vnd > 0),
    received_on     date          NOT NULL,
    fund_area_code  varchar(20)   NOT NULL,
    anonymous       boolean       NOT NULL,
    note            varchar(1000),
    recorded_by     varchar(200)  NOT NULL,
    recorded_at     timestamptz   NOT NULL
);
CREATE INDEX donation_donor ON donation (donor_id);
CREATE INDEX donation_received ON donation (received_on, id);

-- The fund's own view of households' recognised poverty status, fed by household.status-recognized.v1.
CREATE TABLE eligible_household (
    household_id     varchar(100)  PRIMARY KEY,
    household_code   varchar(100),
    commune_code     varchar(20)   NOT NULL,
    province_code    varchar(20),
    status           varchar(40)   NOT NULL,
    eligible         boolean       NOT NULL,
    standard         varchar(40)   NOT NULL,
    review_year      integer       NOT NULL,
    recognized_on    date          NOT NULL,
    last_event_id    varchar(200)  NOT NULL,
    updated_at       timestamptz   NOT NULL
);
CREATE INDEX eligible_household_commune ON eligible_household (commune_code, household_id);
