#!/usr/bin/env bash
# Starts the whole system on this machine: Kafka (KRaft) and the embedded MongoDB-wire store in one JVM,
# the authorization server (port 9000), each service and the web app (port 8080) in its own JVM; the FHIR
# facade (port 8084) when asked.
# Options: --services intake,treatment,outcomes,fhir|all|none  --with-fhir  --data-dir PATH  --restart  --no-auth
#          --demo
# Data (topics, offsets, documents, service logs) lives in ./.local-data unless --data-dir or FOOTDROP_DATA_DIR says otherwise.
set -euo pipefail
cd "$(dirname "$0")"

# Every module, the authorization server included: the launcher runs the jars the build copied to
# local-launcher/target/services.
./mvnw -B -q -DskipTests install

# Broker and store share this JVM; its flags are the stack's, in the file passed as @argfile.
# Two malloc arenas per process (glibc's default is 8 per core): less resident memory, children included.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
exec java @stack/src/main/resources/org/footdrop/stack/infrastructure.jvm-args -jar local-launcher/target/local-launcher.jar "$@"
