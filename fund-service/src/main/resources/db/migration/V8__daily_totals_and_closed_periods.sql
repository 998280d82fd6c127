-- Totals of the ledger per fund, day, account and kind of movement, kept in the same transaction as each posting:
-- a statement's balances and totals are sums over days, never a re-sum of every ledger entry.
CREATE TABLE ledger_daily_total (
    fund_id     uuid        NOT NULL,
    occurred_on date        NOT NULL,
    account     varchar(30) NOT NULL,
    kind        varchar(30) NOT NULL,
    debit_vnd   bigint      NOT NULL DEFAULT 0,
    credit_vnd  bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (fund_id, occurred_on, account, kind)
);
INSERT INTO ledger_daily_total (fund_id, occurred_on, account, kind, debit_vnd, credit_vnd)
SELECT e.fund_id, t.occurred_on, e.account, t.kind, sum(e.debit_vnd), sum(e.credit_vnd)
FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id
GROUP BY e.fund_id, t.occurred_on, e.account, t.kind;

-- Khóa sổ: a month of a fund closed by its officer. Nothing dated in it is recorded afterwards; corrections are new
-- entries in an open month. A closed month is never reopened.
CREATE TABLE fund_closed_period (
    fund_id   uuid         NOT NULL REFERENCES fund (id),
    month     date         NOT NULL CHECK (extract(day FROM month) = 1),
    closed_at timestamptz  NOT NULL,
    closed_by varchar(200) NOT NULL,
    PRIMARY KEY (fund_id, month)
);

-- Donors look their gift up by bank reference, amount and date in the public statement.
CREATE INDEX donation_public_search ON donation (fund_id, received_on, amount_vnd);
CREATE INDEX donation_bank_reference ON donation (fund_id, bank_reference) WHERE bank_reference IS NOT NULL;
