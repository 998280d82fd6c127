-- Lương cơ sở (base salary) by the date it took effect: reward money is a multiple of the one in force on the
-- decision's date, so a change applies to later decisions only.
CREATE TABLE base_salary (
    valid_from   date          PRIMARY KEY,
    amount_vnd   bigint        NOT NULL CHECK (amount_vnd > 0),
    legal_basis  varchar(200)  NOT NULL
);
INSERT INTO base_salary VALUES
    (DATE '2023-07-01', 1800000, 'Nghị định 24/2023/NĐ-CP'),
    (DATE '2024-07-01', 2340000, 'Nghị định 73/2024/NĐ-CP');

-- Award forms (hình thức khen thưởng, danh hiệu thi đua) as dated configuration, with their reward multiples
-- (Nghị định 152/2025/NĐ-CP; DOMAIN.md Part 2 §E4).
CREATE TABLE award_form (
    code        varchar(40)   PRIMARY KEY,
    name        varchar(200)  NOT NULL,
    award_type  varchar(30)   NOT NULL CHECK (award_type IN ('CERTIFICATE_OF_MERIT', 'LETTER_OF_COMMENDATION',
                                                              'TITLE')),
    level       varchar(10)   NOT NULL CHECK (level IN ('COMMUNE', 'PROVINCE', 'NATIONAL')),
    subject     varchar(12)   NOT NULL CHECK (subject IN ('INDIVIDUAL', 'COLLECTIVE', 'ANY')),
    multiple    numeric(5, 2) NOT NULL CHECK (multiple > 0),
    valid_from  date          NOT NULL,
    valid_to    date
);
INSERT INTO award_form VALUES
    ('BANG_KHEN_UBND_TINH', 'Bằng khen của Chủ tịch UBND tỉnh', 'CERTIFICATE_OF_MERIT', 'PROVINCE', 'ANY', 1.5,
     DATE '2024-01-01', NULL),
    ('GIAY_KHEN_UBND_XA', 'Giấy khen của Chủ tịch UBND xã', 'LETTER_OF_COMMENDATION', 'COMMUNE', 'ANY', 0.3,
     DATE '2024-01-01', NULL),
    ('CHIEN_SI_THI_DUA_TINH', 'Chiến sĩ thi đua cấp tỉnh', 'TITLE', 'PROVINCE', 'INDIVIDUAL', 3.0,
     DATE '2024-01-01', NULL),
    ('CHIEN_SI_THI_DUA_CO_SO', 'Chiến sĩ thi đua cơ sở', 'TITLE', 'COMMUNE', 'INDIVIDUAL', 1.0,
     DATE '2024-01-01', NULL),
    ('LAO_DONG_TIEN_TIEN', 'Lao động tiên tiến', 'TITLE', 'COMMUNE', 'INDIVIDUAL', 0.3, DATE '2024-01-01', NULL),
    ('TAP_THE_LAO_DONG_XUAT_SAC', 'Tập thể lao động xuất sắc', 'TITLE', 'PROVINCE', 'COLLECTIVE', 1.5,
     DATE '2024-01-01', NULL),
    ('TAP_THE_LAO_DONG_TIEN_TIEN', 'Tập thể lao động tiên tiến', 'TITLE', 'COMMUNE', 'COLLECTIVE', 0.8,
     DATE '2024-01-01', NULL);

-- A nomination from submission to decision (or rejection, or revocation). One achievement earns one form: a
-- participant has at most one live nomination per movement.
CREATE TABLE nomination (
    id                  uuid           PRIMARY KEY,
    movement_id         uuid           NOT NULL REFERENCES movement (id),
    participant_id      uuid           NOT NULL REFERENCES participant (id),
    award_form          varchar(40)    NOT NULL REFERENCES award_form (code),
    status              varchar(20)    NOT NULL CHECK (status IN ('SUBMITTED', 'APPRAISED', 'AT_COUNCIL',
                                           'COUNCIL_APPROVED', 'DECIDED', 'REJECTED', 'REVOKED')),
    achievement_summary text           NOT NULL,
    attachments         text           NOT NULL,
    submitted_by        varchar(200)   NOT NULL,
    submitted_at        timestamptz    NOT NULL,
    appraised_by        varchar(200),
    appraisal_note      varchar(1000),
    council_members     varchar(2000),
    quorum              integer,
    decision_no         varchar(100),
    decided_on          date,
    decided_by          varchar(200),
    reward_vnd          bigint,
    base_salary_vnd     bigint,
    rejection_reason    varchar(1000),
    revoked_reason      varchar(1000),
    recovered_vnd       bigint,
    version             bigint         NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX nomination_one_form ON nomination (movement_id, participant_id)
    WHERE status NOT IN ('REJECTED');
CREATE UNIQUE INDEX nomination_decision ON nomination (decision_no) WHERE decision_no IS NOT NULL;

CREATE TABLE council_vote (
    nomination_id  uuid          NOT NULL REFERENCES nomination (id),
    member         varchar(200)  NOT NULL,
    vote           varchar(8)    NOT NULL CHECK (vote IN ('YES', 'NO', 'ABSTAIN')),
    voted_at       timestamptz   NOT NULL,
    PRIMARY KEY (nomination_id, member)
);

-- Every step of every nomination: who, when, what.
CREATE TABLE nomination_step (
    id             uuid          PRIMARY KEY,
    nomination_id  uuid          NOT NULL REFERENCES nomination (id),
    step           varchar(30)   NOT NULL,
    actor          varchar(200)  NOT NULL,
    at             timestamptz   NOT NULL,
    detail         varchar(1000)
);
CREATE INDEX nomination_step_nomination ON nomination_step (nomination_id, at);
