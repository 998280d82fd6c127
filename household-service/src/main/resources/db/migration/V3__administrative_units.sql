-- Administrative units (đơn vị hành chính), versioned by date: the three-tier tree before 1 July 2025
-- (province → district → commune) and the two-tier tree after it (province → commune), villages under communes.
CREATE TABLE admin_unit (
    id           uuid          PRIMARY KEY,
    code         varchar(20)   NOT NULL,
    name         varchar(200)  NOT NULL,
    level        varchar(10)   NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE')),
    parent_code  varchar(20),
    area_type    varchar(10)   NOT NULL CHECK (area_type IN ('RURAL', 'URBAN')),
    valid_from   date          NOT NULL,
    valid_to     date,
    demo         boolean       NOT NULL DEFAULT false,
    updated_by   varchar(200)  NOT NULL,
    updated_at   timestamptz   NOT NULL,
    CHECK (valid_to IS NULL OR valid_from <= valid_to),
    CHECK ((level = 'PROVINCE') = (parent_code IS NULL)),
    UNIQUE (code, valid_from)
);
CREATE INDEX admin_unit_parent ON admin_unit (parent_code, valid_from);

-- Old unit → new unit(s) it became part of (the crosswalk that rolls history up into the current tree).
CREATE TABLE admin_unit_successor (
    code            varchar(20)  NOT NULL,
    successor_code  varchar(20)  NOT NULL,
    PRIMARY KEY (code, successor_code)
);
CREATE INDEX admin_unit_successor_new ON admin_unit_successor (successor_code);
