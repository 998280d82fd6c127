#!/usr/bin/env bash
# The single Kafka broker of docker compose, with authentication and authorisation: clients authenticate with
# SASL/SCRAM-SHA-512 (one user per service, created when the storage is formatted), and ACLs (deploy/kafka/acls.sh)
# let each service write only its own topics. The controller listener is bound to the container's loopback.
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?}" "${KAFKA_HOUSEHOLD_PASSWORD:?}" "${KAFKA_FUND_PASSWORD:?}" "${KAFKA_EMULATION_PASSWORD:?}"

config=/tmp/server.properties
cat > "$config" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
listeners=SASL_PLAINTEXT://:9092,CONTROLLER://localhost:9093
advertised.listeners=SASL_PLAINTEXT://kafka:9092
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
controller.listener.names=CONTROLLER
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
# The broker itself (admin) and the in-process controller (loopback, plain text) manage the cluster.
super.users=User:admin;User:ANONYMOUS
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=false
log.dirs=/var/lib/kafka/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES

/opt/kafka/bin/kafka-storage.sh format --config "$config" --cluster-id "${KAFKA_CLUSTER_ID:-vnn-kafka-cluster-0001}" \
  --ignore-formatted \
  --add-scram "SCRAM-SHA-512=[name=admin,password=${KAFKA_ADMIN_PASSWORD}]" \
  --add-scram "SCRAM-SHA-512=[name=household-service,password=${KAFKA_HOUSEHOLD_PASSWORD}]" \
  --add-scram "SCRAM-SHA-512=[name=fund-service,password=${KAFKA_FUND_PASSWORD}]" \
  --add-scram "SCRAM-SHA-512=[name=emulation-service,password=${KAFKA_EMULATION_PASSWORD}]"
exec /opt/kafka/bin/kafka-server-start.sh "$config"
