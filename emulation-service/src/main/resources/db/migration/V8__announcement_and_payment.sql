-- Optional public announcement (công khai, lấy ý kiến) between the council and the decision: the nominee is posted
-- on the public board for a period in which anyone may comment; the chairman decides only after it ends. Per award
-- form, announcement_days says the step is required and how long it lasts (NULL: optional, the office chooses).
ALTER TABLE award_form ADD COLUMN announcement_days integer CHECK (announcement_days BETWEEN 1 AND 90);

ALTER TABLE nomination DROP CONSTRAINT nomination_status_check;
ALTER TABLE nomination ADD CONSTRAINT nomination_status_check CHECK (status IN ('SUBMITTED', 'APPRAISED',
    'AT_COUNCIL', 'COUNCIL_APPROVED', 'ANNOUNCED', 'DECIDED', 'REJECTED', 'REVOKED'));
ALTER TABLE nomination ADD COLUMN announced_on date;
ALTER TABLE nomination ADD COLUMN comments_until date;
ALTER TABLE nomination ADD CONSTRAINT nomination_comment_period CHECK (comments_until >= announced_on);
-- The reward is paid once (chi tiền thưởng), against a voucher; a revocation recovers at most what was paid.
ALTER TABLE nomination ADD COLUMN reward_paid_on date;
ALTER TABLE nomination ADD COLUMN payment_voucher varchar(100);
ALTER TABLE nomination ADD COLUMN paid_by varchar(200);
ALTER TABLE nomination ADD CONSTRAINT nomination_paid_once CHECK ((reward_paid_on IS NULL) = (payment_voucher IS NULL));

CREATE TABLE nomination_comment (
    id             uuid          PRIMARY KEY,
    nomination_id  uuid          NOT NULL REFERENCES nomination (id),
    author_name    varchar(200),
    contact        varchar(200),
    text           varchar(4000) NOT NULL,
    received_at    timestamptz   NOT NULL
);
CREATE INDEX nomination_comment_by_nomination ON nomination_comment (nomination_id, received_at);
