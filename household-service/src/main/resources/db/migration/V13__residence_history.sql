-- Statistics across the 2025 reorganisation (docs/domain-rules.md, "Statistics").

-- Successor links are dated: the day the successor took over (the day after the old version's last day), so that a
-- reused code (Quyết định 19/2025/QĐ-TTg) links its old version to its new one and a tree of a date reads only the
-- links in force on it.
ALTER TABLE admin_unit_successor ADD COLUMN effective_on date;
UPDATE admin_unit_successor s SET effective_on = (
    SELECT max(u.valid_to) + 1 FROM admin_unit u WHERE u.code = s.code AND u.valid_to IS NOT NULL);
UPDATE admin_unit_successor SET effective_on = DATE '2025-07-01' WHERE effective_on IS NULL;
ALTER TABLE admin_unit_successor ALTER COLUMN effective_on SET NOT NULL;
ALTER TABLE admin_unit_successor DROP CONSTRAINT admin_unit_successor_pkey;
ALTER TABLE admin_unit_successor ADD PRIMARY KEY (code, successor_code, effective_on);

-- Where a household lived, over time (nơi cư trú): one row per period in one commune version. A real move starts a
-- new stay; an administrative reorganisation continues the stay under the successor. valid_from null: resident since
-- before the registry's records. unit_valid_from names the version of commune_code the row refers to, so that a
-- reused code is never confused with its predecessor of the same code.
CREATE TABLE household_residence (
    id                      uuid          PRIMARY KEY,
    household_id            uuid          NOT NULL REFERENCES household (id),
    stay                    integer       NOT NULL,
    commune_code            varchar(20)   NOT NULL,
    unit_valid_from         date          NOT NULL,
    province_code           varchar(20)   NOT NULL,
    village_code            varchar(20),
    pre_reform_commune_code varchar(20),
    valid_from              date,
    valid_to                date,
    reason                  varchar(20)   NOT NULL
        CHECK (reason IN ('REGISTERED', 'MOVED', 'REORGANISED')),
    recorded_by             varchar(200)  NOT NULL,
    recorded_at             timestamptz   NOT NULL,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);
CREATE INDEX household_residence_household ON household_residence (household_id, valid_from);
CREATE INDEX household_residence_commune ON household_residence (commune_code);
CREATE INDEX household_residence_province ON household_residence (province_code);

-- Households that existed before this table: resident since before the records, in the version of their commune in
-- force today (or its latest version).
INSERT INTO household_residence (id, household_id, stay, commune_code, unit_valid_from, province_code, village_code,
                                 valid_from, valid_to, reason, recorded_by, recorded_at)
SELECT gen_random_uuid(), h.id, 1, h.commune_code,
       coalesce((SELECT u.valid_from FROM admin_unit u WHERE u.code = h.commune_code
                 ORDER BY (u.valid_to IS NULL) DESC, u.valid_from DESC LIMIT 1), DATE '2000-01-01'),
       h.province_code, h.village_code, NULL, NULL, 'REGISTERED', 'migration', now()
FROM household h;

-- A household that no longer exists (tách, nhập, chuyển đi hết) stops counting from the day after.
ALTER TABLE household ADD COLUMN dissolved_on date;
ALTER TABLE household ADD COLUMN dissolution_reason varchar(300);

-- Resident households per commune and year as the province supplies them (many registries hold only poor and
-- near-poor households): the denominator of the poverty rate where present; the report names the source.
CREATE TABLE resident_household_count (
    commune_code  varchar(20)   NOT NULL,
    year          integer       NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    households    bigint        NOT NULL CHECK (households >= 0),
    source        varchar(300)  NOT NULL,
    imported_by   varchar(200)  NOT NULL,
    imported_at   timestamptz   NOT NULL,
    PRIMARY KEY (commune_code, year)
);
