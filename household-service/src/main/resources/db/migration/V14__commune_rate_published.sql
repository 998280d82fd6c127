-- The commune figures last published to the other services (household.commune-poverty-rate.v1), so that only changes
-- are published again.
CREATE TABLE commune_rate_published (
    commune_code     varchar(20)  NOT NULL,
    unit_valid_from  date         NOT NULL,
    year             integer      NOT NULL,
    figures          varchar(100) NOT NULL,
    published_at     timestamptz  NOT NULL,
    PRIMARY KEY (commune_code, unit_valid_from, year)
);
