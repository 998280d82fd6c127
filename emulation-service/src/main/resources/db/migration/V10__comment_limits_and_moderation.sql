-- Public comments: a keyed hash of the sender's address (never the address itself) for the per-address limit, a
-- hash of the normalised text to suppress repeats, and a moderation state the emulation office sets. Hidden
-- comments stay in the record.
ALTER TABLE nomination_comment
    ADD COLUMN sender_hash       varchar(64),
    ADD COLUMN text_hash         varchar(64),
    ADD COLUMN moderation        varchar(20) NOT NULL DEFAULT 'VISIBLE' CHECK (moderation IN ('VISIBLE', 'HIDDEN')),
    ADD COLUMN moderation_reason varchar(500),
    ADD COLUMN moderated_by      varchar(200),
    ADD COLUMN moderated_at      timestamptz,
    ADD COLUMN version           bigint      NOT NULL DEFAULT 0;
CREATE INDEX nomination_comment_in_order ON nomination_comment (nomination_id, received_at, id);
CREATE INDEX nomination_comment_by_sender ON nomination_comment (sender_hash, received_at);
CREATE INDEX nomination_comment_repeats ON nomination_comment (nomination_id, text_hash);
