-- The donor's name as written on each donation, and so on its receipt and in the published statement: renaming a
-- donor later never rewrites what was issued.
ALTER TABLE donation ADD COLUMN donor_name varchar(300);
UPDATE donation d SET donor_name = o.name FROM donor o WHERE o.id = d.donor_id;
ALTER TABLE donation ALTER COLUMN donor_name SET NOT NULL;

-- Names are stored in Unicode NFC, so that one name typed two ways is one name.
UPDATE donor SET name = normalize(name, NFC) WHERE name IS NOT NFC NORMALIZED;

-- Individuals are known by a citizen ID, a phone or an e-mail address, never by their name alone (two people may
-- share one); organisations without a tax code are still known by their name.
ALTER TABLE donor ADD COLUMN citizen_id varchar(12);
CREATE UNIQUE INDEX donor_citizen_id ON donor (citizen_id) WHERE citizen_id IS NOT NULL;
DROP INDEX donor_name_type;
CREATE UNIQUE INDEX donor_organisation_name ON donor (lower(name))
    WHERE tax_code IS NULL AND donor_type = 'ORGANISATION';
CREATE INDEX donor_individual_phone ON donor (regexp_replace(phone, '[^0-9]', '', 'g'))
    WHERE phone IS NOT NULL AND donor_type = 'INDIVIDUAL';
CREATE INDEX donor_individual_email ON donor (lower(email)) WHERE email IS NOT NULL AND donor_type = 'INDIVIDUAL';

-- Donors are seen through the funds they gave to.
CREATE INDEX donation_fund_donor ON donation (fund_id, donor_id);
CREATE INDEX pledge_fund_donor ON pledge (fund_id, donor_id);
