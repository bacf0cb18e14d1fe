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
# hook and leave the child JVMs running without their infrastructure.
exec java -Xms64m -Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=128m \
    -jar local-launcher/target/local-launcher-0.1.0-SNAPSHOT.jar "$@"
