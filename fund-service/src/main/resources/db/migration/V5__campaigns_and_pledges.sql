-- Campaigns (đợt vận động): a fund's named period with a target, e.g. the peak month 17 Oct – 18 Nov.
CREATE TABLE campaign (
    id          uuid          PRIMARY KEY,
    fund_id     uuid          NOT NULL REFERENCES fund (id),
    name        varchar(300)  NOT NULL,
    starts_on   date          NOT NULL,
    ends_on     date          NOT NULL,
    target_vnd  bigint        NOT NULL CHECK (target_vnd > 0),
    created_by  varchar(200)  NOT NULL,
    created_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX campaign_fund ON campaign (fund_id, starts_on);

-- Pledges (cam kết ủng hộ): a promised total from a donor, optionally in instalments; payments are donations.
CREATE TABLE pledge (
    id           uuid          PRIMARY KEY,
    fund_id      uuid          NOT NULL REFERENCES fund (id),
    donor_id     uuid          NOT NULL REFERENCES donor (id),
    campaign_id  uuid          REFERENCES campaign (id),
    pledged_vnd  bigint        NOT NULL CHECK (pledged_vnd > 0),
    pledged_on   date          NOT NULL,
    note         varchar(500),
    created_by   varchar(200)  NOT NULL,
    created_at   timestamptz   NOT NULL,
    version      bigint        NOT NULL DEFAULT 0
);
CREATE INDEX pledge_donor ON pledge (donor_id);

CREATE TABLE pledge_instalment (
    pledge_id   uuid     NOT NULL REFERENCES pledge (id),
    number      integer  NOT NULL CHECK (number > 0),
    due_on      date     NOT NULL,
    amount_vnd  bigint   NOT NULL CHECK (amount_vnd > 0),
    PRIMARY KEY (pledge_id, number)
);

ALTER TABLE donation
    ADD COLUMN campaign_id  uuid REFERENCES campaign (id),
    ADD COLUMN pledge_id    uuid REFERENCES pledge (id);
CREATE INDEX donation_campaign ON donation (campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX donation_pledge ON donation (pledge_id) WHERE pledge_id IS NOT NULL;
