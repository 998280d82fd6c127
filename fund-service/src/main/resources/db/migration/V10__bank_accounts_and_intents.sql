-- A fund's bank accounts (tài khoản ngân hàng của Quỹ), shown to donors with their VietQR codes.
CREATE TABLE bank_account (
    id              uuid          PRIMARY KEY,
    fund_id         uuid          NOT NULL REFERENCES fund (id),
    bank_bin        varchar(6)    NOT NULL CHECK (bank_bin ~ '^[0-9]{6}$'),
    account_number  varchar(19)   NOT NULL CHECK (account_number ~ '^[0-9A-Za-z]{1,19}$'),
    account_name    varchar(200)  NOT NULL,
    active          boolean       NOT NULL,
    created_by      varchar(100)  NOT NULL,
    created_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL,
    UNIQUE (bank_bin, account_number)
);
CREATE INDEX bank_account_fund ON bank_account (fund_id);

-- A donor's intent to give (ý định ủng hộ): the reference code that the transfer message carries back to the fund's
-- bank statement, for a campaign or a pledge, with or without an amount.
CREATE TABLE donation_intent (
    id               uuid          PRIMARY KEY,
    fund_id          uuid          NOT NULL REFERENCES fund (id),
    bank_account_id  uuid          NOT NULL REFERENCES bank_account (id),
    reference_code   varchar(12)   NOT NULL UNIQUE,
    transfer_message varchar(25)   NOT NULL,
    campaign_id      uuid          REFERENCES campaign (id),
    pledge_id        uuid          REFERENCES pledge (id),
    amount_vnd       bigint        CHECK (amount_vnd > 0),
    created_at       timestamptz   NOT NULL
);
CREATE INDEX donation_intent_fund ON donation_intent (fund_id, created_at);
