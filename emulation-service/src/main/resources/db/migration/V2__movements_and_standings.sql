-- Emulation movements (phong trào thi đua), regular or thematic, each with a period, a scope and weighted criteria.
CREATE TABLE movement (
    id          uuid          PRIMARY KEY,
    code        varchar(30)   NOT NULL UNIQUE,
    name        varchar(300)  NOT NULL,
    kind        varchar(10)   NOT NULL CHECK (kind IN ('REGULAR', 'THEMATIC')),
    area_code   varchar(20)   NOT NULL,
    starts_on   date          NOT NULL,
    ends_on     date          NOT NULL,
    goals       text,
    created_by  varchar(200)  NOT NULL,
    created_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on)
);

-- A criterion is a named, weighted measure with a target; measured ones are fed by events.
CREATE TABLE criterion (
    id                   uuid           PRIMARY KEY,
    movement_id          uuid           NOT NULL REFERENCES movement (id),
    code                 varchar(40)    NOT NULL,
    name                 varchar(300)   NOT NULL,
    measure              varchar(30)    NOT NULL CHECK (measure IN ('DONATED_VND', 'DONATIONS', 'MANUAL')),
    weight               numeric(6, 3)  NOT NULL CHECK (weight > 0),
    target               numeric(20, 2) NOT NULL CHECK (target > 0),
    candidate_threshold  numeric(20, 2),
    UNIQUE (movement_id, code)
);

-- Collectives, individuals and households taking part; those known from events keep their source's id.
CREATE TABLE participant (
    id          uuid          PRIMARY KEY,
    kind        varchar(12)   NOT NULL CHECK (kind IN ('COLLECTIVE', 'INDIVIDUAL', 'HOUSEHOLD')),
    name        varchar(300)  NOT NULL,
    area_code   varchar(20),
    source      varchar(10)   NOT NULL CHECK (source IN ('DONOR', 'MANUAL')),
    source_ref  varchar(100),
    created_at  timestamptz   NOT NULL,
    UNIQUE (source, source_ref)
);

-- Đăng ký thi đua: who takes part in which movement.
CREATE TABLE registration (
    movement_id     uuid          NOT NULL REFERENCES movement (id),
    participant_id  uuid          NOT NULL REFERENCES participant (id),
    registered_on   date          NOT NULL,
    how             varchar(10)   NOT NULL CHECK (how IN ('APPLIED', 'MEASURED')),
    PRIMARY KEY (movement_id, participant_id)
);

-- A participant's value on a criterion, moved by each event once (the consumer's inbox) and never recomputed from
-- scratch; the standings read it.
CREATE TABLE score (
    criterion_id    uuid           NOT NULL REFERENCES criterion (id),
    participant_id  uuid           NOT NULL REFERENCES participant (id),
    movement_id     uuid           NOT NULL REFERENCES movement (id),
    value           numeric(20, 2) NOT NULL,
    events          integer        NOT NULL,
    first_reached   timestamptz,
    updated_at      timestamptz    NOT NULL,
    PRIMARY KEY (criterion_id, participant_id)
);
CREATE INDEX score_ranking ON score (criterion_id, value DESC, participant_id);
