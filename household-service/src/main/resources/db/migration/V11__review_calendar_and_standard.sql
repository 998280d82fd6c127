-- Review periods counted as Quyết định 24/2021/QĐ-TTg counts them: inclusive, in working days unless a round says
-- calendar days, with public holidays as dated data an admin maintains. A round states the year it decides and the
-- standard it applies (by default the one in force on 1 January of that year), recorded with the round.
CREATE TABLE public_holiday (
    day         date          PRIMARY KEY,
    name        varchar(200)  NOT NULL,
    created_by  varchar(200)  NOT NULL DEFAULT 'migration',
    created_at  timestamptz   NOT NULL DEFAULT now()
);
-- The fixed-date holidays of Bộ luật Lao động 2019 Điều 112 for 2025 and 2026, and the days of 2025 the Government
-- announced (Tết Ất Tỵ, Giỗ Tổ, Quốc khánh); an admin adds each year's Tết and the others as they are announced.
INSERT INTO public_holiday (day, name) VALUES
    (DATE '2025-01-01', 'Tết Dương lịch'),
    (DATE '2025-01-27', 'Tết Nguyên đán'), (DATE '2025-01-28', 'Tết Nguyên đán'),
    (DATE '2025-01-29', 'Tết Nguyên đán'), (DATE '2025-01-30', 'Tết Nguyên đán'),
    (DATE '2025-01-31', 'Tết Nguyên đán'),
    (DATE '2025-04-07', 'Giỗ Tổ Hùng Vương'),
    (DATE '2025-04-30', 'Ngày Chiến thắng'), (DATE '2025-05-01', 'Ngày Quốc tế lao động'),
    (DATE '2025-09-01', 'Quốc khánh'), (DATE '2025-09-02', 'Quốc khánh'),
    (DATE '2026-01-01', 'Tết Dương lịch'),
    (DATE '2026-04-30', 'Ngày Chiến thắng'), (DATE '2026-05-01', 'Ngày Quốc tế lao động'),
    (DATE '2026-09-02', 'Quốc khánh');

ALTER TABLE review_round ADD COLUMN working_days boolean NOT NULL DEFAULT true;
ALTER TABLE review_round ADD COLUMN decides_year integer;
ALTER TABLE review_round ADD COLUMN standard_code varchar(40);
UPDATE review_round SET decides_year = CASE kind WHEN 'PERIODIC' THEN review_year + 1 ELSE review_year END;
UPDATE review_round r SET standard_code = (
    SELECT s.code FROM poverty_standard s
    WHERE s.valid_from <= make_date(r.decides_year, 1, 1)
      AND (s.valid_to IS NULL OR s.valid_to >= make_date(r.decides_year, 1, 1)) ORDER BY s.valid_from DESC LIMIT 1);
ALTER TABLE review_round ALTER COLUMN decides_year SET NOT NULL;
