-- Newly poor households (hộ nghèo phát sinh) of a commune as a measured criterion; with re-poverty it is a measure
-- where more is worse: it lowers a participant's score and never makes a candidate (docs/domain-rules.md).
ALTER TABLE criterion DROP CONSTRAINT criterion_measure_check;
ALTER TABLE criterion ADD CONSTRAINT criterion_measure_check CHECK (measure IN ('DONATED_VND', 'DONATIONS',
    'HOUSEHOLDS_ESCAPED', 'HOUSEHOLDS_RE_POOR', 'HOUSEHOLDS_NEWLY_POOR', 'HOUSES_BUILT', 'SUPPORT_RECEIVED_VND',
    'MANUAL'));

-- A house (nhà Đại đoàn kết) counts once however many payments it took: its credit is kept under the kind HOUSE with
-- the household as reference, and a second payment for the same household's house adds nothing to HOUSES_BUILT.
ALTER TABLE score_credit DROP CONSTRAINT score_credit_source_kind_check;
ALTER TABLE score_credit ADD CONSTRAINT score_credit_source_kind_check CHECK (source_kind IN ('DONATION',
    'RECOGNITION', 'DISBURSEMENT', 'EVIDENCE', 'HOUSE'));
CREATE INDEX score_credit_once ON score_credit (criterion_id, participant_id, source_kind, source_ref);
