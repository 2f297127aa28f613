#!/usr/bin/env bash
# Writes src/test/resources/test-class-seconds.txt (the order testing/LongestFirst starts test classes in)
# from the surefire reports of the last `mvn test` (or of the folder given): one line per class, its seconds then its name.
set -euo pipefail
cd "$(dirname "$0")/.."
reports=${1:-target/surefire-reports}
ls "$reports"/*.txt >/dev/null
{
    echo "# seconds class: per-class times of a whole mvn test run (bench/test-class-seconds.sh), longest first"
    grep -h "Tests run" "$reports"/*.txt |
        sed -E 's/.*Time elapsed: ([0-9.]+) s.* in (.*)/\1 \2/' |
        sort -rn
} > src/test/resources/test-class-seconds.txt
wc -l src/test/resources/test-class-seconds.txt
