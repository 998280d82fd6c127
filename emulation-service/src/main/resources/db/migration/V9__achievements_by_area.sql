-- What a donor gave, per area of the receiving fund: a ranking shows each caller the gifts to the funds of their own
-- areas only. Rows from before this change carry no area; they stay under '-', which only national callers reach.
ALTER TABLE achievement ADD COLUMN area_code varchar(20) NOT NULL DEFAULT '-';
ALTER TABLE achievement ALTER COLUMN area_code DROP DEFAULT;
ALTER TABLE achievement DROP CONSTRAINT achievement_pkey;
ALTER TABLE achievement ADD PRIMARY KEY (participant_id, area_code);
DROP INDEX achievement_ranking;
CREATE INDEX achievement_area_ranking ON achievement (area_code, total_donated_vnd DESC, participant_id);

-- An anonymous gift is never attributed to its donor: it credits no one, and its cancellation names no donor.
ALTER TABLE donation_credit ALTER COLUMN donor_ref DROP NOT NULL;
ALTER TABLE donation_credit ADD COLUMN area_code varchar(20);
