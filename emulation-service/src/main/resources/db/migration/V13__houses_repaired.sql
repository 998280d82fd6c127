-- Great Solidarity houses repaired are told apart from houses built new (docs/domain-rules.md): their own measure,
-- each household's repair counted once under the credit kind HOUSE_REPAIR.
ALTER TABLE criterion DROP CONSTRAINT criterion_measure_check;
ALTER TABLE criterion ADD CONSTRAINT criterion_measure_check CHECK (measure IN ('DONATED_VND', 'DONATIONS',
    'HOUSEHOLDS_ESCAPED', 'HOUSEHOLDS_RE_POOR', 'HOUSEHOLDS_NEWLY_POOR', 'HOUSES_BUILT', 'HOUSES_REPAIRED',
    'SUPPORT_RECEIVED_VND', 'MANUAL'));
ALTER TABLE score_credit DROP CONSTRAINT score_credit_source_kind_check;
ALTER TABLE score_credit ADD CONSTRAINT score_credit_source_kind_check CHECK (source_kind IN ('DONATION',
    'RECOGNITION', 'DISBURSEMENT', 'EVIDENCE', 'HOUSE', 'HOUSE_REPAIR'));
