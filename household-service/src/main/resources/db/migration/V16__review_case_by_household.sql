-- A household's review cases, looked up whenever its share of the statistics' tallies is counted (every change of
-- the household): without this index each count read every case of the year.
CREATE INDEX review_case_household ON review_case (household_id);
