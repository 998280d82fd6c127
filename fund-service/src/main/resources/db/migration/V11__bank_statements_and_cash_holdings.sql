-- The ledger's cash split by where it is held (sổ chi tiết tiền): each of the fund's bank accounts ('BANK:<id>'), the
-- office's cash ('OFFICE'), the State Treasury account ('TREASURY'), and bank money recorded before the fund's accounts
-- were registered ('BANK'). Every CASH entry names one holding, so the CASH balance stays the sum of the holdings.
ALTER TABLE ledger_entry ADD COLUMN holding varchar(60);
ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_append_only;
UPDATE ledger_entry e SET holding = coalesce(
        (SELECT CASE d.channel WHEN 'CASH_AT_OFFICE' THEN 'OFFICE' WHEN 'TREASURY' THEN 'TREASURY' ELSE 'BANK' END
         FROM ledger_transaction t JOIN donation d ON d.id = t.reference_id
         WHERE t.id = e.transaction_id AND t.kind IN ('DONATION', 'DONATION_REVERSAL')), 'BANK')
WHERE e.account = 'CASH';
ALTER TABLE ledger_entry ENABLE TRIGGER ledger_entry_append_only;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_cash_holding
    CHECK ((account = 'CASH') = (holding IS NOT NULL)
           AND (holding IS NULL OR holding IN ('BANK', 'OFFICE', 'TREASURY') OR holding ~ '^BANK:[0-9a-f-]{36}$'));
CREATE INDEX ledger_entry_holding ON ledger_entry (fund_id, holding) WHERE holding IS NOT NULL;

-- A payment by bank transfer names the account it left from and the bank's transfer reference, which its debit on
-- the bank statement carries (đối chiếu khoản chi).
ALTER TABLE disbursement ADD COLUMN bank_account_id uuid REFERENCES bank_account (id);
ALTER TABLE disbursement ADD COLUMN transfer_reference varchar(100);
CREATE UNIQUE INDEX disbursement_transfer_reference ON disbursement (bank_account_id, transfer_reference)
    WHERE transfer_reference IS NOT NULL;

-- An uploaded bank statement (sao kê ngân hàng) and its processing: queued with its file, then read, checked against
-- its balances, its lines stored and matched. The same file for the same account is the same job; a statement number
-- is taken once per account.
CREATE TABLE bank_statement (
    id                   uuid          PRIMARY KEY,
    bank_account_id      uuid          NOT NULL REFERENCES bank_account (id),
    fund_id              uuid          NOT NULL REFERENCES fund (id),
    format               varchar(20)   NOT NULL,
    file_name            varchar(255),
    content              bytea,
    content_sha256       varchar(64)   NOT NULL,
    status               varchar(10)   NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'REJECTED', 'FAILED')),
    statement_number     varchar(35),
    opened_on            date,
    opening_balance_vnd  bigint,
    closed_on            date,
    closing_balance_vnd  bigint,
    line_count           integer,
    lines_stored         integer       NOT NULL DEFAULT 0,
    matched              integer       NOT NULL DEFAULT 0,
    suggested            integer       NOT NULL DEFAULT 0,
    unmatched            integer       NOT NULL DEFAULT 0,
    ignored              integer       NOT NULL DEFAULT 0,
    failure              varchar(1000),
    submitted_by         varchar(100)  NOT NULL,
    submitted_at         timestamptz   NOT NULL,
    started_at           timestamptz,
    heartbeat_at         timestamptz,
    finished_at          timestamptz,
    attempts             integer       NOT NULL DEFAULT 0,
    version              bigint        NOT NULL
);
CREATE UNIQUE INDEX bank_statement_same_file ON bank_statement (bank_account_id, content_sha256)
    WHERE status <> 'REJECTED' AND status <> 'FAILED';
CREATE UNIQUE INDEX bank_statement_number ON bank_statement (bank_account_id, statement_number)
    WHERE status = 'DONE';
CREATE INDEX bank_statement_queue ON bank_statement (submitted_at) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX bank_statement_account ON bank_statement (bank_account_id, closed_on);

-- One movement of a statement and what became of it: MATCHED to a donation or a payment (or an intent whose donation
-- was recorded from it), SUGGESTED for an officer to confirm, UNMATCHED, or IGNORED (zero amounts, or set aside by an
-- officer with a reason). A donation and a payment are each the match of one line at most.
CREATE TABLE bank_statement_line (
    id                     uuid          PRIMARY KEY,
    statement_id           uuid          NOT NULL REFERENCES bank_statement (id),
    line_no                integer       NOT NULL,
    bank_account_id        uuid          NOT NULL REFERENCES bank_account (id),
    booked_on              date          NOT NULL,
    amount_vnd             bigint        NOT NULL,
    bank_reference         varchar(100),
    message                varchar(500),
    counterparty_name      varchar(300),
    counterparty_account   varchar(60),
    outcome                varchar(10)   NOT NULL CHECK (outcome IN ('MATCHED', 'SUGGESTED', 'UNMATCHED', 'IGNORED')),
    matched_by             varchar(20),
    intent_id              uuid          REFERENCES donation_intent (id),
    donation_id            uuid          REFERENCES donation (id),
    suggested_donation_id  uuid          REFERENCES donation (id),
    payment_id             uuid          REFERENCES disbursement (id),
    note                   varchar(500),
    decided_by             varchar(100),
    decided_at             timestamptz,
    version                bigint        NOT NULL DEFAULT 0,
    UNIQUE (statement_id, line_no),
    CHECK (outcome <> 'MATCHED' OR donation_id IS NOT NULL OR payment_id IS NOT NULL OR intent_id IS NOT NULL)
);
CREATE UNIQUE INDEX bank_statement_line_donation ON bank_statement_line (donation_id) WHERE donation_id IS NOT NULL;
CREATE UNIQUE INDEX bank_statement_line_payment ON bank_statement_line (payment_id) WHERE payment_id IS NOT NULL;
CREATE UNIQUE INDEX bank_statement_line_intent ON bank_statement_line (intent_id) WHERE intent_id IS NOT NULL;
CREATE INDEX bank_statement_line_account ON bank_statement_line (bank_account_id, booked_on);

-- What could not be read, by row where the file has rows; never a cell's value.
CREATE TABLE bank_statement_error (
    statement_id  uuid          NOT NULL REFERENCES bank_statement (id),
    seq           integer       NOT NULL,
    row_no        integer,
    field         varchar(100),
    message       varchar(1000) NOT NULL,
    PRIMARY KEY (statement_id, seq)
);

-- A month of a bank account that reconciled: bank balance = ledger balance and nothing unmatched on either side.
CREATE TABLE bank_reconciliation (
    bank_account_id   uuid          NOT NULL REFERENCES bank_account (id),
    month             date          NOT NULL,
    bank_balance_vnd  bigint        NOT NULL,
    reconciled_by     varchar(100)  NOT NULL,
    reconciled_at     timestamptz   NOT NULL,
    PRIMARY KEY (bank_account_id, month)
);

-- The bank account that received a transfer, where the donation's cash is held.
ALTER TABLE donation ADD COLUMN bank_account_id uuid REFERENCES bank_account (id);

-- Cash moved between holdings, e.g. a bank transfer recorded without its account, placed in the account the
-- statement shows it on (the statement line is its reference).
ALTER TABLE ledger_transaction DROP CONSTRAINT ledger_transaction_kind_check;
ALTER TABLE ledger_transaction ADD CONSTRAINT ledger_transaction_kind_check
    CHECK (kind IN ('DONATION', 'DONATION_REVERSAL', 'DISBURSEMENT', 'TRANSFER_OUT', 'TRANSFER_IN', 'CASH_MOVED'));
