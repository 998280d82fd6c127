#!/usr/bin/env bash
# Runs the whole suite on this machine without Docker: embedded PostgreSQL, Kafka and Keycloak, then the four
# services. Builds first (quick when nothing changed). Options: see ./run.sh --help.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -DskipTests install
exec java -Xmx512m -XX:+UseSerialGC -Dfile.encoding=UTF-8 \
  -cp "local-stack/target/classes:$(cat local-stack/target/classes/local-stack.classpath)" \
  vn.vnn.localstack.LocalStackMain "$@"
