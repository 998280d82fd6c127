-- Funds (Quỹ "Vì người nghèo") at central, province and commune level (district level before 1 July 2025), each
-- tied to an area code and keeping its own ledger.
CREATE TABLE fund (
    id          uuid          PRIMARY KEY,
    code        varchar(30)   NOT NULL UNIQUE,
    name        varchar(300)  NOT NULL,
    level       varchar(10)   NOT NULL CHECK (level IN ('CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE')),
    area_code   varchar(20)   NOT NULL,
    valid_from  date          NOT NULL,
    valid_to    date,
    demo        boolean       NOT NULL DEFAULT false,
    created_by  varchar(200)  NOT NULL,
    created_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL DEFAULT 0,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
-- One open fund per area.
CREATE UNIQUE INDEX fund_open_per_area ON fund (area_code) WHERE valid_to IS NULL;

INSERT INTO fund (id, code, name, level, area_code, valid_from, created_by, created_at)
VALUES ('00000000-0000-7000-8000-000000000001', 'TW', 'Quỹ "Vì người nghèo" Trung ương', 'CENTRAL', 'VN',
        DATE '2000-10-17', 'migration', now());

-- Double-entry ledger. A transaction is a balanced set of entries of one fund; nothing is ever changed or removed.
-- Accounts: CASH (money held: bank, office, treasury), IN_KIND (goods held, at their stated value), CAPITAL (what the
-- fund received, a credit balance), SUPPORT_PAID (what it paid out, a debit balance).
CREATE TABLE ledger_transaction (
    id            uuid          PRIMARY KEY,
    fund_id       uuid          NOT NULL REFERENCES fund (id),
    kind          varchar(30)   NOT NULL CHECK (kind IN ('DONATION', 'DONATION_REVERSAL', 'DISBURSEMENT',
                                                         'TRANSFER_OUT', 'TRANSFER_IN')),
    reference_id  uuid          NOT NULL,
    occurred_on   date          NOT NULL,
    description   varchar(500)  NOT NULL,
    recorded_by   varchar(200)  NOT NULL,
    recorded_at   timestamptz   NOT NULL
);
CREATE INDEX ledger_transaction_fund ON ledger_transaction (fund_id, occurred_on, id);
CREATE UNIQUE INDEX ledger_transaction_reference ON ledger_transaction (kind, reference_id);

CREATE TABLE ledger_entry (
    id              bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id  uuid          NOT NULL REFERENCES ledger_transaction (id),
    fund_id         uuid          NOT NULL REFERENCES fund (id),
    account         varchar(20)   NOT NULL CHECK (account IN ('CASH', 'IN_KIND', 'CAPITAL', 'SUPPORT_PAID')),
    debit_vnd       bigint        NOT NULL DEFAULT 0 CHECK (debit_vnd >= 0),
    credit_vnd      bigint        NOT NULL DEFAULT 0 CHECK (credit_vnd >= 0),
    CHECK ((debit_vnd = 0) <> (credit_vnd = 0))
);
CREATE INDEX ledger_entry_transaction ON ledger_entry (transaction_id);
CREATE INDEX ledger_entry_fund_account ON ledger_entry (fund_id, account);

CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER ledger_transaction_append_only BEFORE UPDATE OR DELETE ON ledger_transaction
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();

-- Checked at commit, so that all entries of a transaction are in before the sums are compared.
CREATE FUNCTION ledger_transaction_is_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT sum(debit_vnd) - sum(credit_vnd) FROM ledger_entry WHERE transaction_id = NEW.transaction_id) <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % is not balanced', NEW.transaction_id;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_entry_balanced AFTER INSERT ON ledger_entry DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_transaction_is_balanced();

-- Balances derived from the entries, kept with them in the same transaction (debit minus credit). Money and goods
-- held can never be negative: an update that would make them so fails, and with it the whole transaction.
CREATE TABLE fund_balance (
    fund_id      uuid          NOT NULL REFERENCES fund (id),
    account      varchar(20)   NOT NULL,
    balance_vnd  bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (fund_id, account),
    CHECK (account NOT IN ('CASH', 'IN_KIND') OR balance_vnd >= 0)
);

-- Receipt numbers (số biên lai): per fund and year, without gaps. The counter row is taken in the donation's own
-- transaction, so a rolled-back donation never consumes a number.
CREATE TABLE receipt_counter (
    fund_id      uuid          NOT NULL REFERENCES fund (id),
    year         integer       NOT NULL,
    last_number  integer       NOT NULL,
    PRIMARY KEY (fund_id, year)
);

ALTER TABLE donation
    ADD COLUMN fund_id         uuid REFERENCES fund (id),
    ADD COLUMN receipt_year    integer,
    ADD COLUMN receipt_number  integer,
    ADD COLUMN receipt_no      varchar(60),
    ADD COLUMN channel         varchar(20) CHECK (channel IN ('BANK_TRANSFER', 'CASH_AT_OFFICE', 'TREASURY')),
    ADD COLUMN bank_reference  varchar(100),
    ADD COLUMN status          varchar(10) NOT NULL DEFAULT 'ACCEPTED' CHECK (status IN ('ACCEPTED', 'CANCELLED')),
    ADD COLUMN cancelled_by    varchar(200),
    ADD COLUMN cancelled_at    timestamptz,
    ADD COLUMN cancel_reason   varchar(500),
    ADD COLUMN version         bigint NOT NULL DEFAULT 0;

-- Donations recorded before funds existed: each area gets a fund, each donation its receipt and ledger entries.
INSERT INTO fund (id, code, name, level, area_code, valid_from, created_by, created_at)
SELECT gen_random_uuid(), 'Q' || a, 'Quỹ "Vì người nghèo" ' || a, 'PROVINCE', a, DATE '2000-10-17', 'migration',
       now()
FROM (SELECT DISTINCT fund_area_code AS a FROM donation WHERE fund_area_code <> 'VN') x;
UPDATE donation d SET fund_id = f.id FROM fund f WHERE f.area_code = d.fund_area_code AND f.valid_to IS NULL;
UPDATE donation d SET receipt_year = x.y, receipt_number = x.n, receipt_no = x.code || '/' || x.y || '/' || lpad(x.n::text, 6, '0')
FROM (SELECT d2.id, f.code, extract(year FROM d2.received_on)::int AS y,
             row_number() OVER (PARTITION BY d2.fund_id, extract(year FROM d2.received_on)
                                ORDER BY d2.recorded_at, d2.id)::int AS n
      FROM donation d2 JOIN fund f ON f.id = d2.fund_id) x
WHERE x.id = d.id;
INSERT INTO receipt_counter (fund_id, year, last_number)
SELECT fund_id, receipt_year, max(receipt_number) FROM donation GROUP BY fund_id, receipt_year;
INSERT INTO ledger_transaction (id, fund_id, kind, reference_id, occurred_on, description, recorded_by, recorded_at)
SELECT d.id, d.fund_id, 'DONATION', d.id, d.received_on, 'Biên lai ' || d.receipt_no, d.recorded_by, d.recorded_at
FROM donation d;
INSERT INTO ledger_entry (transaction_id, fund_id, account, debit_vnd, credit_vnd)
SELECT d.id, d.fund_id, CASE WHEN d.kind = 'CASH' THEN 'CASH' ELSE 'IN_KIND' END, d.amount_vnd, 0 FROM donation d
UNION ALL
SELECT d.id, d.fund_id, 'CAPITAL', 0, d.amount_vnd FROM donation d;
INSERT INTO fund_balance (fund_id, account, balance_vnd)
SELECT fund_id, account, sum(debit_vnd) - sum(credit_vnd) FROM ledger_entry GROUP BY fund_id, account;

ALTER TABLE donation ALTER COLUMN fund_id SET NOT NULL,
    ALTER COLUMN receipt_year SET NOT NULL, ALTER COLUMN receipt_number SET NOT NULL,
    ALTER COLUMN receipt_no SET NOT NULL;
CREATE UNIQUE INDEX donation_receipt ON donation (fund_id, receipt_year, receipt_number);

-- Goods given in kind, each with a quantity and the value the donor stated (giá trị quy đổi).
CREATE TABLE donation_item (
    donation_id  uuid          NOT NULL REFERENCES donation (id),
    line         integer       NOT NULL,
    name         varchar(300)  NOT NULL,
    quantity     numeric(14,3) NOT NULL CHECK (quantity > 0),
    unit         varchar(30)   NOT NULL,
    value_vnd    bigint        NOT NULL CHECK (value_vnd > 0),
    PRIMARY KEY (donation_id, line)
);
