#!/usr/bin/env bash
# The benchmark run of issue 8: builds everything, starts the embedded stack on free ports, measures
# ingest, projection, freshness, queries and footprint against baselines of the same run, and writes
# docs/benchmarks.md. Options (see org.footdrop.benchmarks.Benchmarks): --events N (default 1000000)
# --small-patients N --seconds S --concurrency C --bulk-events N --import-only --fhir-entries N --fhir-only
# --out FILE --data-dir DIR --smoke.
# MONGODB_URI=mongodb://host:27017 runs the services and the baselines against that MongoDB instead.
set -euo pipefail
cd "$(dirname "$0")"

# package, not install: the services' jars (copied to benchmarks/target/services) and the harness's
# classpath, all in */target
./mvnw -B -q -DskipTests package

# The harness JVM (load generator and clients) runs with the stack's flags for the broker-and-store JVM,
# which it starts as a child with the same file.
# Two malloc arenas per process (glibc's default is 8 per core): less resident memory, children included.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
exec java @stack/src/main/resources/org/footdrop/stack/infrastructure.jvm-args \
    "-Dbenchmark.command=./run-benchmarks.sh $*" \
    -cp "benchmarks/target/benchmarks.jar:$(cat benchmarks/target/classpath.txt)" \
    org.footdrop.benchmarks.Benchmarks "$@"
