-- What the review needs to know about a household (phiếu rà soát): place, contact, situation, housing, services.
ALTER TABLE household
    ADD COLUMN village_code         varchar(20),
    ADD COLUMN address              varchar(300),
    ADD COLUMN phone                varchar(20),
    ADD COLUMN ethnic_minority      boolean       NOT NULL DEFAULT false,
    ADD COLUMN revolutionary_merit  boolean       NOT NULL DEFAULT false,
    ADD COLUMN monthly_income_vnd   bigint        CHECK (monthly_income_vnd >= 0),
    ADD COLUMN floor_area_m2        numeric(7, 1) CHECK (floor_area_m2 >= 0),
    ADD COLUMN wall_material        varchar(30),
    ADD COLUMN column_material      varchar(30),
    ADD COLUMN roof_material        varchar(30),
    ADD COLUMN water_source         varchar(30),
    ADD COLUMN latrine_type         varchar(30),
    ADD COLUMN telecom_use          boolean,
    ADD COLUMN information_devices  varchar(300),
    ADD COLUMN causes_of_poverty    varchar(300);

-- Members (nhân khẩu). A member who leaves keeps the row (active = false) so the household's history stays.
CREATE TABLE household_member (
    id                uuid          PRIMARY KEY,
    household_id      uuid          NOT NULL REFERENCES household (id),
    full_name         varchar(200)  NOT NULL,
    birth_date        date          NOT NULL,
    sex               varchar(10)   NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
    relationship      varchar(20)   NOT NULL,
    citizen_id        varchar(12),
    health_insurance  boolean       NOT NULL,
    school_status     varchar(20)   NOT NULL,
    education_level   varchar(30)   NOT NULL,
    diploma           varchar(30)   NOT NULL,
    disability        boolean       NOT NULL,
    working_capacity  varchar(10)   NOT NULL,
    employment        varchar(20)   NOT NULL,
    active            boolean       NOT NULL DEFAULT true,
    joined_on         date          NOT NULL,
    left_on           date,
    moved_to_household_id uuid      REFERENCES household (id),
    version           bigint        NOT NULL DEFAULT 0
);
CREATE INDEX household_member_household ON household_member (household_id) WHERE active;
-- A citizen ID belongs to at most one active household.
CREATE UNIQUE INDEX household_member_active_citizen ON household_member (citizen_id)
    WHERE active AND citizen_id IS NOT NULL;
CREATE INDEX household_member_name ON household_member (lower(full_name));

-- Every change to a household: who, when, what.
CREATE TABLE household_audit (
    id            uuid          PRIMARY KEY,
    household_id  uuid          NOT NULL,
    actor         varchar(200)  NOT NULL,
    at            timestamptz   NOT NULL,
    action        varchar(40)   NOT NULL,
    detail        text          NOT NULL
);
CREATE INDEX household_audit_household ON household_audit (household_id, at);
