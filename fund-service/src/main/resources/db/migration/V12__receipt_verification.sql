-- The code printed on each receipt (mã xác minh): with the receipt's number it lets anyone check the receipt on the
-- public verification page, and without it numbers cannot be walked.
ALTER TABLE donation ADD COLUMN verification_code varchar(12);
UPDATE donation SET verification_code = upper(substr(md5(random()::text || id::text), 1, 10));
ALTER TABLE donation ALTER COLUMN verification_code SET NOT NULL;
CREATE UNIQUE INDEX donation_receipt_no ON donation (receipt_no);
