-- One audit trail per service (service-kit's audit_log): the fund's trail moves there.
INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
SELECT at, actor, action, entity, CAST(entity_id AS text), detail FROM fund_audit ORDER BY at, id;
DROP TABLE fund_audit;
