-- Support paid out to households (chi hỗ trợ): requested by a fund officer, approved by another person, then paid.
CREATE TABLE disbursement (
    id               uuid          PRIMARY KEY,
    fund_id          uuid          NOT NULL REFERENCES fund (id),
    household_id     varchar(100)  NOT NULL,
    commune_code     varchar(20)   NOT NULL,
    category         varchar(30)   NOT NULL CHECK (category IN ('GREAT_SOLIDARITY_HOUSE', 'LIVELIHOOD', 'EDUCATION',
                                                                'HEALTHCARE', 'TET_GIFT', 'DISASTER_RELIEF', 'OTHER')),
    amount_vnd       bigint        NOT NULL CHECK (amount_vnd > 0),
    purpose          varchar(500)  NOT NULL,
    eligibility      varchar(20)   NOT NULL CHECK (eligibility IN ('POOR', 'NEAR_POOR', 'HARDSHIP')),
    hardship_reason  varchar(500),
    status           varchar(10)   NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'PAID')),
    requested_by     varchar(200)  NOT NULL,
    requested_at     timestamptz   NOT NULL,
    decided_by       varchar(200),
    decided_at       timestamptz,
    decision_no      varchar(100),
    rejection_reason varchar(500),
    paid_by          varchar(200),
    paid_at          timestamptz,
    paid_on          date,
    version          bigint        NOT NULL DEFAULT 0,
    CHECK (eligibility <> 'HARDSHIP' OR hardship_reason IS NOT NULL),
    CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE INDEX disbursement_fund ON disbursement (fund_id, status, requested_at);
CREATE INDEX disbursement_household ON disbursement (household_id);
