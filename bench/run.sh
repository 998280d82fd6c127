#!/usr/bin/env bash
# Runs a benchmark against a fresh local stack and prints its figures. Usage: bench/run.sh household [options]
# (see bench/README.md). Builds the suite and the bench module first.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "usage: bench/run.sh household [--households=100000] [--report-households=1000000] [--national-households=5000000]" >&2
  echo "       bench/run.sh fund [--donations=3000] [--clients=8]" >&2
  echo "       bench/run.sh statement [--lines=100000] [--intents=1000] [--known=2000]" >&2
  echo "       bench/run.sh emulation [--rate=200] [--seconds=30]" >&2
  echo "       bench/run.sh gateway [--calls=20000] [--clients=16]   (nginx from Debian: apt-get install nginx)" >&2
  echo "       bench/run.sh all [--quick]   (every benchmark on one stack, one summary table)" >&2
  echo "       bench/run.sh drills [--rate=20] [--clients=8] [--kafka-down=60] [--database-down=20] [--keycloak-down=30]" >&2
  exit 2
fi
which=$1
shift
./mvnw -q -Pbench -DskipTests install
case "$which" in
  household) main=vn.vnn.bench.HouseholdBench ;;
  # One stack for all: the gateway's limits are lifted as for its own benchmark.
  all) main=vn.vnn.bench.AllBench
    export RATE_LIMIT_AUTHENTICATED=${RATE_LIMIT_AUTHENTICATED:-1000000000} RATE_LIMIT_ANONYMOUS=${RATE_LIMIT_ANONYMOUS:-1000000000} RATE_LIMIT_PUBLIC=${RATE_LIMIT_PUBLIC:-1000000000} ;;
  fund) main=vn.vnn.bench.FundBench ;;
  statement) main=vn.vnn.bench.StatementBench ;;
  emulation) main=vn.vnn.bench.EmulationBench ;;
  # The drills' clients share one token: the limits are lifted so that only the faults refuse a donation.
  drills) main=vn.vnn.bench.DrillsBench
    export RATE_LIMIT_AUTHENTICATED=${RATE_LIMIT_AUTHENTICATED:-1000000000} RATE_LIMIT_ANONYMOUS=${RATE_LIMIT_ANONYMOUS:-1000000000} ;;
  # The limits stay on, but high enough not to refuse the load generator's single client.
  gateway) main=vn.vnn.bench.GatewayBench
    export RATE_LIMIT_AUTHENTICATED=${RATE_LIMIT_AUTHENTICATED:-1000000000} RATE_LIMIT_ANONYMOUS=${RATE_LIMIT_ANONYMOUS:-1000000000} RATE_LIMIT_PUBLIC=${RATE_LIMIT_PUBLIC:-1000000000} ;;
  *) echo "unknown benchmark: $which" >&2; exit 2 ;;
esac
exec java -Xmx2g -Dfile.encoding=UTF-8 -cp "bench/target/classes:$(cat bench/target/bench.classpath)" "$main" "$@"
