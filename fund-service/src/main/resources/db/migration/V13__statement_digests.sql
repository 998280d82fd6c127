-- The public statement sealed day by day (niêm phong sao kê): the hash of what a fund published on a day (its receipts,
-- cancellations and support paid, as canonical lines) chained to the previous day's digest. Never changed once written.
CREATE TABLE statement_digest (
    fund_id          uuid          NOT NULL REFERENCES fund (id),
    day              date          NOT NULL,
    line_count       integer       NOT NULL,
    lines_sha256     varchar(64)   NOT NULL,
    previous_digest  varchar(64)   NOT NULL,
    digest           varchar(64)   NOT NULL,
    sealed_at        timestamptz   NOT NULL,
    PRIMARY KEY (fund_id, day)
);
CREATE TRIGGER statement_digest_append_only BEFORE UPDATE OR DELETE ON statement_digest
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();
