#!/usr/bin/env bash
# Starts the whole system on this machine: Kafka (KRaft) and the embedded MongoDB-wire store in one JVM,
# the authorization server (port 9000) and each service in its own JVM.
# Options: --services intake,treatment,outcomes|all|none  --data-dir PATH  --restart  --no-auth
# Data (topics, offsets, documents, service logs) lives in ./.local-data unless --data-dir or FOOTDROP_DATA_DIR says otherwise.
set -euo pipefail
cd "$(dirname "$0")"

# Every module, the authorization server included: the launcher runs their jars from */target.
./mvnw -B -q -DskipTests install

# Broker and store share this heap. No ExitOnOutOfMemoryError here: exiting would skip the shutdown
# hook and leave the child JVMs running without their infrastructure. G1 with a 50 ms pause goal:
# with the serial GC this JVM stopped 38 times for 130-240 ms in a five-minute benchmark (full
# collections every broker and store request waited for); G1 had none, at 512 MiB of heap.
# Two malloc arenas per process (glibc's default is 8 per core): less resident memory, children included.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
exec java -Xms64m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=50 -XX:GCTimeRatio=4 -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=128m \
    -jar local-launcher/target/local-launcher-0.1.0-SNAPSHOT.jar "$@"
