-- A Great Solidarity house payment says whether it builds a new house or repairs one (docs/domain-rules.md); payments
-- recorded before were new builds, the usual case.
ALTER TABLE disbursement ADD COLUMN house_work varchar(10) CHECK (house_work IN ('NEW_BUILD', 'REPAIR'));
UPDATE disbursement SET house_work = 'NEW_BUILD' WHERE category = 'GREAT_SOLIDARITY_HOUSE';
ALTER TABLE disbursement ADD CONSTRAINT disbursement_house_work_only_for_houses
    CHECK ((category = 'GREAT_SOLIDARITY_HOUSE') = (house_work IS NOT NULL));
