#!/usr/bin/env bash
# Starts the whole system on this machine: Kafka (KRaft) and the embedded MongoDB-wire store in one JVM,
# each service in its own JVM. Options: --services intake,treatment,outcomes|all|none  --data-dir PATH  --restart
# Data (topics, offsets, documents, logs) lives in ./.local-data unless --data-dir or FOOTDROP_DATA_DIR says otherwise.
set -euo pipefail
cd "$(dirname "$0")"

./mvnw -B -q -DskipTests install

# The broker and the store share this heap; the serial GC keeps the footprint small on a 2-core machine.
exec java -Xms128m -Xmx512m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:+ExitOnOutOfMemoryError \
    -jar local-launcher/target/local-launcher-0.1.0-SNAPSHOT.jar "$@"
