-- The fall of a commune's poverty rate over a movement (docs/domain-rules.md, emulation rule 12): the communes'
-- figures of each year as household-service publishes them, and a measure that follows them.
CREATE TABLE commune_poverty_rate (
    commune_code          varchar(20)  NOT NULL,
    commune_version_from  date         NOT NULL,
    year                  integer      NOT NULL,
    province_code         varchar(20)  NOT NULL,
    resident_households   bigint       NOT NULL CHECK (resident_households >= 0),
    poor_households       bigint       NOT NULL CHECK (poor_households >= 0),
    as_of                 date         NOT NULL,
    PRIMARY KEY (commune_code, commune_version_from, year)
);
ALTER TABLE criterion DROP CONSTRAINT criterion_measure_check;
ALTER TABLE criterion ADD CONSTRAINT criterion_measure_check CHECK (measure IN ('DONATED_VND', 'DONATIONS',
    'HOUSEHOLDS_ESCAPED', 'HOUSEHOLDS_RE_POOR', 'HOUSEHOLDS_NEWLY_POOR', 'HOUSES_BUILT', 'HOUSES_REPAIRED',
    'POVERTY_RATE_FALL', 'SUPPORT_RECEIVED_VND', 'MANUAL'));
ALTER TABLE score_credit DROP CONSTRAINT score_credit_source_kind_check;
ALTER TABLE score_credit ADD CONSTRAINT score_credit_source_kind_check CHECK (source_kind IN ('DONATION',
    'RECOGNITION', 'DISBURSEMENT', 'EVIDENCE', 'HOUSE', 'HOUSE_REPAIR', 'STATISTICS'));
