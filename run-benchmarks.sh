#!/usr/bin/env bash
# The benchmark run of issue 8: builds everything, starts the embedded stack on free ports, measures
# ingest, projection, freshness, queries and footprint against baselines of the same run, and writes
# BENCHMARKS.md. Options (see org.footdrop.launcher.Benchmarks): --events N (default 1000000)
# --small-patients N --seconds S --concurrency C --bulk-events N --out FILE --data-dir DIR --smoke.
# MONGODB_URI=mongodb://host:27017 runs the services and the baselines against that MongoDB instead.
set -euo pipefail
cd "$(dirname "$0")"

# package, not install: the services' jars, the launcher's test-jar and the harness's classpath, all in */target
./mvnw -B -q -DskipTests package

# The harness JVM holds the broker and the store, with the launcher's flags (run-local.sh), plus the load generator.
# Two malloc arenas per process (glibc's default is 8 per core): less resident memory, children included.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
exec java -Xms64m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=50 -XX:GCTimeRatio=4 -XX:TieredStopAtLevel=1 \
    "-Dbenchmark.command=./run-benchmarks.sh $*" \
    -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/classpath.txt)" \
    org.footdrop.launcher.Benchmarks "$@"
