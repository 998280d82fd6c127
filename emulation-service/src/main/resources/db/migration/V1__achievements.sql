-- What each participant of the movement achieved, measured from events (here: donations to the fund).
CREATE TABLE achievement (
    participant_id      varchar(100)  PRIMARY KEY,
    participant_name    varchar(300)  NOT NULL,
    participant_type    varchar(20)   NOT NULL CHECK (participant_type IN ('INDIVIDUAL', 'COLLECTIVE')),
    total_donated_vnd   bigint        NOT NULL CHECK (total_donated_vnd >= 0),
    donation_count      integer       NOT NULL CHECK (donation_count >= 0),
    last_donation_on    date,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL DEFAULT 0
);
CREATE INDEX achievement_ranking ON achievement (total_donated_vnd DESC, participant_id);
