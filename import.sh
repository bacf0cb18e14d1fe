#!/usr/bin/env bash
# Imports a clinic's NDJSON file of records into the running system (./run-local.sh), with progress.
# Usage: ./import.sh FILE [--system NAME] [--intake URL] [--treatment URL] [--auth URL]; see docs/importing.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -f "$here/local-launcher/target/local-launcher.jar" ]; then
  (cd "$here" && ./mvnw -B -q -DskipTests install)
fi
exec java -cp "$here/local-launcher/target/local-launcher.jar" org.footdrop.stack.ImportCommand "$@"
