CREATE TABLE thing (
    id          uuid          PRIMARY KEY,
    name        varchar(200)  NOT NULL,
    amount_vnd  bigint        NOT NULL,
    version     bigint        NOT NULL
);
CREATE TABLE thing_credit (
    donor_id    varchar(100)  PRIMARY KEY,
    total_vnd   bigint        NOT NULL,
    credits     integer       NOT NULL
);
