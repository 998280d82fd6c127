-- Award money as the law computes it (docs/domain-rules.md, "Awards"):
-- * an award form's multiple of the base salary is dated: the one in force on the decision's date applies (the
--   provincial Bằng khen was 1.0× under Nghị định 98/2023, 1.5× from 1 July 2025 under Nghị định 152/2025);
-- * each form lists the participant kinds it is for (individual titles never go to households or collectives);
-- * "one achievement, one form" holds per period of achievement, not once per movement.
CREATE TABLE award_form_rate (
    form_code    varchar(40)   NOT NULL REFERENCES award_form (code),
    valid_from   date          NOT NULL,
    multiple     numeric(5, 2) NOT NULL CHECK (multiple > 0),
    legal_basis  varchar(200)  NOT NULL,
    created_by   varchar(200)  NOT NULL DEFAULT 'migration',
    created_at   timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (form_code, valid_from)
);
INSERT INTO award_form_rate (form_code, valid_from, multiple, legal_basis)
SELECT code, valid_from, multiple, 'Nghị định 98/2023/NĐ-CP; Nghị định 152/2025/NĐ-CP'
FROM award_form WHERE code <> 'BANG_KHEN_UBND_TINH';
INSERT INTO award_form_rate (form_code, valid_from, multiple, legal_basis) VALUES
    ('BANG_KHEN_UBND_TINH', DATE '2024-01-01', 1.0, 'Nghị định 98/2023/NĐ-CP'),
    ('BANG_KHEN_UBND_TINH', DATE '2025-07-01', 1.5, 'Nghị định 152/2025/NĐ-CP');

ALTER TABLE award_form ADD COLUMN participant_kinds varchar(40);
UPDATE award_form SET participant_kinds = CASE subject WHEN 'ANY' THEN 'COLLECTIVE,HOUSEHOLD,INDIVIDUAL'
                                                       ELSE subject END;
ALTER TABLE award_form ALTER COLUMN participant_kinds SET NOT NULL;
ALTER TABLE award_form DROP COLUMN multiple;
ALTER TABLE award_form DROP COLUMN subject;

ALTER TABLE base_salary ADD COLUMN created_by varchar(200) NOT NULL DEFAULT 'migration';
ALTER TABLE base_salary ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

ALTER TABLE nomination ADD COLUMN period_from date;
ALTER TABLE nomination ADD COLUMN period_to date;
UPDATE nomination n SET period_from = m.starts_on, period_to = m.ends_on FROM movement m WHERE m.id = n.movement_id;
ALTER TABLE nomination ALTER COLUMN period_from SET NOT NULL;
ALTER TABLE nomination ALTER COLUMN period_to SET NOT NULL;
ALTER TABLE nomination ADD CONSTRAINT nomination_period CHECK (period_to >= period_from);
DROP INDEX nomination_one_form;
CREATE INDEX nomination_by_participant ON nomination (movement_id, participant_id);
