CREATE TABLE copied_row (
    id          uuid            PRIMARY KEY,
    label       text,
    kind        varchar(20),
    flag        boolean         NOT NULL,
    amount      integer,
    share       numeric(12, 2),
    day         date,
    at          timestamptz,
    version     bigint          NOT NULL,
    UNIQUE (label)
);
