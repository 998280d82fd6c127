-- How often a worker took the job: a job whose worker died (out of memory, killed) is taken again, but not forever.
ALTER TABLE household_import ADD COLUMN attempts integer NOT NULL DEFAULT 0;
