-- The thresholds that turn registry data into deprivation flags are data of each standard (Nghị định 07/2021/NĐ-CP
-- Điều 3 for VN-MPS-2022; VN-MPS-2027 starts with the same values until its text is verified): an admin changes them
-- with the standard, never in code. Working age ends at the statutory retirement age (by sex and year, in code:
-- Bộ luật Lao động 2019 Điều 169).
ALTER TABLE poverty_standard ADD COLUMN health_insurance_from_age integer NOT NULL DEFAULT 6;
ALTER TABLE poverty_standard ADD COLUMN working_age_from integer NOT NULL DEFAULT 15;
ALTER TABLE poverty_standard ADD COLUMN elderly_from_age integer NOT NULL DEFAULT 60;
ALTER TABLE poverty_standard ADD COLUMN dependant_child_under_age integer NOT NULL DEFAULT 16;
ALTER TABLE poverty_standard ADD COLUMN dependants_over_percent integer NOT NULL DEFAULT 50
    CHECK (dependants_over_percent BETWEEN 1 AND 99);
ALTER TABLE poverty_standard ADD COLUMN education_from_age integer NOT NULL DEFAULT 16;
ALTER TABLE poverty_standard ADD COLUMN education_to_age integer NOT NULL DEFAULT 30;
ALTER TABLE poverty_standard ADD COLUMN school_from_age integer NOT NULL DEFAULT 3;
ALTER TABLE poverty_standard ADD COLUMN school_under_age integer NOT NULL DEFAULT 16;
ALTER TABLE poverty_standard ADD COLUMN min_area_per_person_m2 numeric(5, 1) NOT NULL DEFAULT 8
    CHECK (min_area_per_person_m2 > 0);
