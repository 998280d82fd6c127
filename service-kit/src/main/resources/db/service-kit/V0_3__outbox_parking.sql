-- An event the broker refuses for good (too large, say) is parked after a few attempts, with its reason, so that the
-- other aggregates' events keep flowing; the events after it of the same aggregate wait, to keep their order.
ALTER TABLE outbox_event ADD COLUMN parked_at timestamptz;
CREATE INDEX outbox_event_parked ON outbox_event (aggregate_type, aggregate_id, seq)
    WHERE parked_at IS NOT NULL AND sent_at IS NULL;
