#!/usr/bin/env bash
# The long fault-injection run (issue 9): 12 SIGKILLs, a 30 s broker outage, 10,000 hostile requests,
# two outcomes instances with one killed; a 200,000-line bulk import with three SIGKILLs.
# Writes docs/reliability.md and docs/reliability-import.md.
# The short version of the same scenarios runs in ./mvnw -B verify.
set -euo pipefail
cd "$(dirname "$0")"
# -am builds the services the system tests run (their unit tests left out: -Dtest=none); Failsafe
# hands these user properties to the test JVM as system properties.
./mvnw -B -pl system-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ReliabilityTest,ImportSystemTest -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dfootdrop.reliability.long=true -Dfootdrop.reliability.report="$(pwd)/docs/reliability.md" \
  -Dfootdrop.reliability.import-report="$(pwd)/docs/reliability-import.md"
echo "docs/reliability.md and docs/reliability-import.md written"
