-- The trace of the request that wrote an event (W3C traceparent), so that its trace goes on through Kafka into the
-- consumer's transaction in another service. Null when tracing is off.
ALTER TABLE outbox_event ADD COLUMN traceparent varchar(55);
