-- The household row carries the transition of its latest recognition next to its status, so that the statistics of
-- the current year read one table once.
ALTER TABLE household ADD COLUMN status_transition varchar(30);
UPDATE household h SET status_transition = (
    SELECT r.transition FROM status_recognition r WHERE r.household_id = h.id
    ORDER BY r.review_year DESC, r.recorded_at DESC LIMIT 1)
WHERE h.status IS NOT NULL;
-- Statistics of a past year look up only the households recognised again after it.
CREATE INDEX household_status_year ON household (status_year);
-- ... and read each one's latest recognition up to that year straight from this index.
CREATE INDEX status_recognition_latest ON status_recognition (household_id, review_year DESC, recorded_at DESC);
