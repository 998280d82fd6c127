-- National multidimensional poverty standards as dated data (DOMAIN.md §1.3), editable by an admin.
CREATE TABLE poverty_standard (
    code                       varchar(40)   PRIMARY KEY,
    name                       varchar(200)  NOT NULL,
    legal_basis                varchar(300)  NOT NULL,
    valid_from                 date          NOT NULL,
    valid_to                   date          NOT NULL,
    rural_income_line_vnd      bigint        NOT NULL CHECK (rural_income_line_vnd > 0),
    urban_income_line_vnd      bigint        NOT NULL CHECK (urban_income_line_vnd > 0),
    -- Top of the average-living-standard band (mức sống trung bình); null where the law gives none.
    rural_upper_band_vnd       bigint        CHECK (rural_upper_band_vnd > rural_income_line_vnd),
    urban_upper_band_vnd       bigint        CHECK (urban_upper_band_vnd > urban_income_line_vnd),
    -- Score A thresholds of the scoring form (Thông tư 07/2021); null where the standard defines none.
    rural_score_threshold      integer       CHECK (rural_score_threshold > 0),
    urban_score_threshold      integer       CHECK (urban_score_threshold > 0),
    min_deprivations_for_poor  integer       NOT NULL CHECK (min_deprivations_for_poor > 0),
    points_per_deprivation     integer       NOT NULL CHECK (points_per_deprivation > 0),
    updated_by                 varchar(200)  NOT NULL,
    updated_at                 timestamptz   NOT NULL,
    version                    bigint        NOT NULL DEFAULT 0,
    CHECK (valid_from <= valid_to)
);

CREATE TABLE poverty_standard_indicator (
    standard_code  varchar(40)  NOT NULL REFERENCES poverty_standard (code) ON DELETE CASCADE,
    indicator      varchar(40)  NOT NULL,
    PRIMARY KEY (standard_code, indicator)
);

-- Who changed a standard, when, and what it was afterwards.
CREATE TABLE poverty_standard_audit (
    id             uuid          PRIMARY KEY,
    standard_code  varchar(40)   NOT NULL,
    action         varchar(20)   NOT NULL,
    changed_by     varchar(200)  NOT NULL,
    changed_at     timestamptz   NOT NULL,
    snapshot       text          NOT NULL
);
CREATE INDEX poverty_standard_audit_code ON poverty_standard_audit (standard_code, changed_at);

INSERT INTO poverty_standard VALUES
  ('VN-MPS-2022', 'Chuẩn nghèo đa chiều 2022–2025 (áp dụng cả năm 2026)', 'Nghị định 07/2021/NĐ-CP; Thông tư 07/2021/TT-BLĐTBXH',
   DATE '2022-01-01', DATE '2026-12-31', 1500000, 2000000, 2250000, 3000000, 140, 175, 3, 10,
   'migration', now(), 0),
  ('VN-MPS-2027', 'Chuẩn nghèo đa chiều 2027–2030', 'Nghị định 351/2025/NĐ-CP',
   DATE '2027-01-01', DATE '2030-12-31', 2200000, 2800000, NULL, NULL, NULL, NULL, 3, 10,
   'migration', now(), 0);

INSERT INTO poverty_standard_indicator (standard_code, indicator)
SELECT 'VN-MPS-2022', unnest(ARRAY['EMPLOYMENT', 'DEPENDANTS', 'NUTRITION', 'HEALTH_INSURANCE', 'ADULT_EDUCATION',
  'CHILD_SCHOOL_ATTENDANCE', 'HOUSING_QUALITY', 'HOUSING_AREA', 'DOMESTIC_WATER', 'HYGIENIC_LATRINE',
  'TELECOM_SERVICES', 'INFORMATION_DEVICES']);
INSERT INTO poverty_standard_indicator (standard_code, indicator)
SELECT 'VN-MPS-2027', unnest(ARRAY['EMPLOYMENT', 'DEPENDANTS', 'NUTRITION', 'HEALTH_INSURANCE', 'ADULT_EDUCATION',
  'CHILD_SCHOOL_ATTENDANCE', 'HOUSING_QUALITY', 'HOUSING_AREA', 'DOMESTIC_WATER', 'HYGIENIC_LATRINE',
  'DIGITAL_SERVICES', 'WASTE_TREATMENT']);
