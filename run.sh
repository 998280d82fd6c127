#!/usr/bin/env bash
# Runs the whole suite on this machine without Docker: embedded PostgreSQL, Kafka and Keycloak, then the four
# services. Builds first when any source changed since the last build. Options: ./run.sh --help
set -euo pipefail
cd "$(dirname "$0")"
stamp=local-stack/target/run.build-stamp
if [ ! -f "$stamp" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src deploy -newer "$stamp" -print -quit)" ]; then
  echo "Building (./mvnw -DskipTests install) ..."
  ./mvnw -q -DskipTests install
  touch "$stamp"
fi
exec java -Xmx512m -XX:+UseSerialGC -Dfile.encoding=UTF-8 \
  -cp "local-stack/target/classes:$(cat local-stack/target/classes/local-stack.classpath)" \
  vn.vnn.localstack.LocalStackMain "$@"
