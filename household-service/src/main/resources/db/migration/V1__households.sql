-- Households (hộ gia đình) and the history of their recognised poverty status.
CREATE TABLE household (
    id              uuid          PRIMARY KEY,
    code            varchar(50)   NOT NULL UNIQUE,
    head_name       varchar(200)  NOT NULL,
    commune_code    varchar(20)   NOT NULL,
    province_code   varchar(20)   NOT NULL,
    area_type       varchar(10)   NOT NULL CHECK (area_type IN ('RURAL', 'URBAN')),
    member_count    integer       NOT NULL CHECK (member_count > 0),
    status          varchar(40),
    status_year     integer,
    ever_poor       boolean       NOT NULL DEFAULT false,
    created_by      varchar(200)  NOT NULL,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL DEFAULT 0
);
CREATE INDEX household_commune ON household (commune_code, id);

CREATE TABLE status_recognition (
    id               uuid          PRIMARY KEY,
    household_id     uuid          NOT NULL REFERENCES household (id),
    review_year      integer       NOT NULL,
    status           varchar(40)   NOT NULL,
    previous_status  varchar(40),
    transition       varchar(20)   NOT NULL,
    standard         varchar(40)   NOT NULL,
    recognized_on    date          NOT NULL,
    decision_no      varchar(100),
    recorded_by      varchar(200)  NOT NULL,
    recorded_at      timestamptz   NOT NULL
);
CREATE INDEX status_recognition_household ON status_recognition (household_id, recognized_on);
