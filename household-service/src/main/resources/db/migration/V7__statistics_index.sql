-- The statistics read a year's recognitions (transitions) by review year.
CREATE INDEX status_recognition_year ON status_recognition (review_year, household_id, recorded_at);
