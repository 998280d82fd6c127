-- Who donors are (nhà tài trợ): the kind of organisation, overseas or domestic, an enterprise's tax code, contact data
-- (personal data: masked for roles that do not need it).
ALTER TABLE donor
    ADD COLUMN organisation_kind  varchar(30) CHECK (organisation_kind IN ('ENTERPRISE', 'AGENCY', 'COLLECTIVE',
                                                                          'RELIGIOUS_OR_CHARITABLE', 'OTHER')),
    ADD COLUMN overseas           boolean      NOT NULL DEFAULT false,
    ADD COLUMN country            varchar(2),
    ADD COLUMN tax_code           varchar(14),
    ADD COLUMN phone              varchar(20),
    ADD COLUMN email              varchar(200),
    ADD COLUMN address            varchar(300),
    ADD COLUMN updated_by         varchar(200),
    ADD COLUMN updated_at         timestamptz;
UPDATE donor SET organisation_kind = 'OTHER' WHERE donor_type = 'ORGANISATION';
ALTER TABLE donor ADD CONSTRAINT donor_kind_of_organisation
    CHECK ((donor_type = 'ORGANISATION') = (organisation_kind IS NOT NULL));
CREATE UNIQUE INDEX donor_tax_code ON donor (tax_code) WHERE tax_code IS NOT NULL;

-- Every change to a donor, a donation or a disbursement: who, when, what.
CREATE TABLE fund_audit (
    id           uuid          PRIMARY KEY,
    entity       varchar(20)   NOT NULL,
    entity_id    uuid          NOT NULL,
    action       varchar(30)   NOT NULL,
    actor        varchar(200)  NOT NULL,
    at           timestamptz   NOT NULL,
    detail       text          NOT NULL
);
CREATE INDEX fund_audit_entity ON fund_audit (entity, entity_id, at);

-- Two enterprises may share a name; the tax code tells them apart. Donors without one are told apart by name.
DROP INDEX donor_name_type;
CREATE UNIQUE INDEX donor_name_type ON donor (lower(name), donor_type) WHERE tax_code IS NULL;
