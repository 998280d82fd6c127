-- Statistics from maintained tallies: what the reports used to aggregate from every household, kept per year and
-- recorded place, moved in the same transaction as each registration, recognition, move, dissolution and survey
-- (statistics.Tallies). A report reads the rows of its area — a few hundred to a few thousand, whatever the number of
-- households — and places them on the year's tree as before. Key columns hold '' where a value is absent, so that
-- they can be a primary key. Places keep the village and the commune before the reorganisation only where the place's
-- commune version is not in force on the year's reference day (they are what places it then).

-- Households resident on the year's reference day, per recorded place: by end status and minority, the year's
-- recognitions (escaped, newly poor, re-poor, first recorded), and those poor at the start of the year that were in the
-- same stay then (poor_at_start) or resident nowhere (arrived_poor).
CREATE TABLE tally_status (
    year                     integer      NOT NULL,
    province_code            varchar(20)  NOT NULL,
    commune_code             varchar(20)  NOT NULL,
    unit_valid_from          varchar(10)  NOT NULL,
    village_code             varchar(20)  NOT NULL,
    pre_reform_commune_code  varchar(20)  NOT NULL,
    households               bigint       NOT NULL,
    poor                     bigint       NOT NULL,
    near_poor                bigint       NOT NULL,
    average                  bigint       NOT NULL,
    minority                 bigint       NOT NULL,
    minority_poor            bigint       NOT NULL,
    minority_near_poor       bigint       NOT NULL,
    escaped                  bigint       NOT NULL,
    newly_poor               bigint       NOT NULL,
    re_poor                  bigint       NOT NULL,
    first_recorded           bigint       NOT NULL,
    poor_at_start            bigint       NOT NULL,
    arrived_poor             bigint       NOT NULL,
    PRIMARY KEY (year, province_code, commune_code, unit_valid_from, village_code, pre_reform_commune_code)
);
CREATE INDEX tally_status_commune ON tally_status (year, commune_code);

-- Poor households at the end of the year, per recorded place and cause of their poverty.
CREATE TABLE tally_cause (
    year                     integer      NOT NULL,
    province_code            varchar(20)  NOT NULL,
    commune_code             varchar(20)  NOT NULL,
    unit_valid_from          varchar(10)  NOT NULL,
    village_code             varchar(20)  NOT NULL,
    pre_reform_commune_code  varchar(20)  NOT NULL,
    cause                    varchar(40)  NOT NULL,
    households               bigint       NOT NULL,
    PRIMARY KEY (year, province_code, commune_code, unit_valid_from, village_code, pre_reform_commune_code, cause)
);
CREATE INDEX tally_cause_commune ON tally_cause (year, commune_code);

-- Households whose stay of the end of the previous year ended during the year (to_commune_code '': dissolved).
CREATE TABLE tally_move (
    year                          integer     NOT NULL,
    from_province_code            varchar(20) NOT NULL,
    from_commune_code             varchar(20) NOT NULL,
    from_unit_valid_from          varchar(10) NOT NULL,
    from_village_code             varchar(20) NOT NULL,
    from_pre_reform_commune_code  varchar(20) NOT NULL,
    to_province_code              varchar(20) NOT NULL,
    to_commune_code               varchar(20) NOT NULL,
    to_unit_valid_from            varchar(10) NOT NULL,
    to_village_code               varchar(20) NOT NULL,
    to_pre_reform_commune_code    varchar(20) NOT NULL,
    poor_at_start                 boolean     NOT NULL,
    households                    bigint      NOT NULL,
    PRIMARY KEY (year, from_province_code, from_commune_code, from_unit_valid_from, from_village_code,
                 from_pre_reform_commune_code, to_province_code, to_commune_code, to_unit_valid_from,
                 to_village_code, to_pre_reform_commune_code, poor_at_start)
);
CREATE INDEX tally_move_to_province ON tally_move (year, to_province_code);
CREATE INDEX tally_move_from_commune ON tally_move (year, from_commune_code);
CREATE INDEX tally_move_to_commune ON tally_move (year, to_commune_code);

-- Households of a place found deprived of an indicator in the year's review rounds.
CREATE TABLE tally_indicator (
    year                     integer     NOT NULL,
    province_code            varchar(20) NOT NULL,
    commune_code             varchar(20) NOT NULL,
    unit_valid_from          varchar(10) NOT NULL,
    village_code             varchar(20) NOT NULL,
    pre_reform_commune_code  varchar(20) NOT NULL,
    indicator                varchar(40) NOT NULL,
    households               bigint      NOT NULL,
    PRIMARY KEY (year, province_code, commune_code, unit_valid_from, village_code, pre_reform_commune_code, indicator)
);
CREATE INDEX tally_indicator_commune ON tally_indicator (year, commune_code);

-- Which years' tallies reports may trust: built from a full count on the tree of tree_day and maintained since.
-- STALE after a change of the unit tree; rebuilt by the statistics' build job.
CREATE TABLE tally_year (
    year        integer      PRIMARY KEY,
    state       varchar(10)  NOT NULL CHECK (state IN ('BUILT', 'STALE')),
    tree_day    date         NOT NULL,
    built_at    timestamptz  NOT NULL
);

-- Bumped by every import of units or links, so that each instance knows when the trees and histories it keeps in
-- memory (areas.UnitTrees) are out of date.
CREATE TABLE unit_tree_revision (
    id        integer  PRIMARY KEY CHECK (id = 1),
    revision  bigint   NOT NULL
);
INSERT INTO unit_tree_revision (id, revision) VALUES (1, 0);
-- from a sequence: a revision taken by a transaction that rolled back is never reused
CREATE SEQUENCE unit_tree_revision_seq;
