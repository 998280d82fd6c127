-- Criteria measured for communes from household-service and fund-service events: households that escaped poverty,
-- households that fell back into it, Great Solidarity houses built and support received.
ALTER TABLE criterion DROP CONSTRAINT criterion_measure_check;
ALTER TABLE criterion ADD CONSTRAINT criterion_measure_check CHECK (measure IN ('DONATED_VND', 'DONATIONS',
    'HOUSEHOLDS_ESCAPED', 'HOUSEHOLDS_RE_POOR', 'HOUSES_BUILT', 'SUPPORT_RECEIVED_VND', 'MANUAL'));
ALTER TABLE participant DROP CONSTRAINT participant_source_check;
ALTER TABLE participant ADD CONSTRAINT participant_source_check CHECK (source IN ('DONOR', 'COMMUNE', 'MANUAL'));
