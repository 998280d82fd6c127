#!/usr/bin/env bash
# Run once by docker compose (kafka-init) after the broker is up, as the admin user: creates the topics and grants
# each service exactly what it needs. A service writes only the topics it owns (an event's source is its owner, which
# consumers check too), reads the topics it consumes with its own consumer group, and writes its own dead-letter
# topics. Everything else is denied (allow.everyone.if.no.acl.found=false).
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?}"
admin=/tmp/admin.properties
cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES
kafka() { "/opt/kafka/bin/kafka-$1.sh" --bootstrap-server kafka:9092 --command-config "$admin" "${@:2}"; }

topic() { kafka topics --create --if-not-exists --topic "$1" --partitions 3 --replication-factor 1; }
writes() { kafka acls --add --allow-principal "User:$1" --operation Write --operation Describe --topic "$2"; }
reads() {
  kafka acls --add --allow-principal "User:$1" --operation Read --operation Describe --topic "$2"
  kafka acls --add --allow-principal "User:$1" --operation Read --group "$1"
  topic "$2.dlq.$1"
  writes "$1" "$2.dlq.$1"
}

for owned in household.status-recognized.v1 household.commune-poverty-rate.v1 fund.donation-received.v1 fund.donation-cancelled.v1 \
             fund.disbursement-paid.v1 emulation.award-decided.v1; do
  topic "$owned"
  writes "${owned%%.*}-service" "$owned"
done

reads fund-service household.status-recognized.v1
reads emulation-service fund.donation-received.v1
reads emulation-service fund.donation-cancelled.v1
reads emulation-service fund.disbursement-paid.v1
reads emulation-service household.status-recognized.v1
reads emulation-service household.commune-poverty-rate.v1
# Idempotent producers (the outbox relay, the dead-letter queues).
for service in household-service fund-service emulation-service; do
  kafka acls --add --allow-principal "User:$service" --operation IdempotentWrite --cluster
done
echo "Kafka topics and ACLs are in place."
