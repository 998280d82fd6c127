-- Delta sync for field apps (issue 18): every synced table keeps when each row last changed, whatever code path
-- changed it, and is read in the order (updated_at, id).
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END $$;

ALTER TABLE household_member ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

ALTER TABLE review_round ADD COLUMN updated_at timestamptz;
ALTER TABLE review_round ADD COLUMN province_code varchar(20);
UPDATE review_round SET updated_at = created_at;
-- the round's province, on the tree in force when it opened (the same walk up as AdminUnit.provinceOf)
UPDATE review_round r SET province_code = (
    WITH RECURSIVE up (code, parent_code, depth) AS (
        SELECT u.code, u.parent_code, 0 FROM admin_unit u
        WHERE u.code = r.commune_code AND u.valid_from <= r.opens_on AND (u.valid_to IS NULL OR u.valid_to >= r.opens_on)
        UNION ALL
        SELECT p.code, p.parent_code, up.depth + 1 FROM up JOIN admin_unit p ON p.code = up.parent_code
            AND p.valid_from <= r.opens_on AND (p.valid_to IS NULL OR p.valid_to >= r.opens_on)
        WHERE up.depth < 5)
    SELECT code FROM up WHERE parent_code IS NULL LIMIT 1);
UPDATE review_round SET province_code = commune_code WHERE province_code IS NULL;
ALTER TABLE review_round ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE review_round ALTER COLUMN updated_at SET DEFAULT now();
ALTER TABLE review_round ALTER COLUMN province_code SET NOT NULL;

CREATE TRIGGER household_touched BEFORE UPDATE ON household FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER household_member_touched BEFORE UPDATE ON household_member
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER review_round_touched BEFORE UPDATE ON review_round FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER review_case_touched BEFORE UPDATE ON review_case FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

CREATE INDEX household_changes ON household (updated_at, id);
CREATE INDEX household_member_changes ON household_member (updated_at, id);
CREATE INDEX review_round_changes ON review_round (updated_at, id);
CREATE INDEX review_case_changes ON review_case (updated_at, id);
