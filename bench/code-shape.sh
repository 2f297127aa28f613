#!/usr/bin/env bash
# The code-shape figures of docs/architecture.md ("Before and after"), measured on the tree it is run in:
#   bench/code-shape.sh            (from the repository root)
# Each figure is a plain grep/wc/find, so anyone can check it by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
main=src/main/java
sql='createQuery|createUpdate|prepareBatch|createBatch|createCall|\.execute\("|h\.execute\(|handle\.execute\('
# files that run SQL through JDBI, outside data-access classes (*Dao) and the db package
outside=$(grep -rlE "$sql" "$main" | grep -vE 'Dao\.java$|/db/' || true)
echo "files running SQL outside *Dao and db/: $(printf '%s' "$outside" | grep -c . || true)"
printf '%s\n' "$outside" | sed '/^$/d; s/^/  /'
echo "SQL call sites (all files): $(grep -rhoE "$sql" "$main" | wc -l)"
# handlers: classes that take a Javalin Context (or are named for pages), holding anything from JDBI
handlers=$( (grep -rlE 'io\.javalin\.http\.Context' "$main"; find "$main" -name '*Pages.java' -o -name '*Api.java' -o -name 'Chrome.java') \
  | sort -u | xargs grep -lE 'org\.jdbi' || true)
echo "handler classes that receive a Jdbi: $(printf '%s' "$handlers" | grep -c . || true)"
printf '%s\n' "$handlers" | sed '/^$/d; s/^/  /'
echo "columns read by position (rs.getX(N)): $(grep -rhoE 'rs\.get[A-Za-z]+\([0-9]+\)' "$main" | wc -l)"
paths='"/(newsroom|sign-in|sign-out|register|account|password|comments|articles|following|follow|unfollow|subscribe|newsletters|sections|authors|topics|archive|feed|sitemap|sitemaps|media|assets|api|gifts|preview|dev/mail|stripe)\b'
# (class-path resources such as "/assets/x.css" read by getResourceAsStream are not routes)
lit=$(grep -rnE "$paths" "$main" src/main/jte | grep -vE '^[^:]*web/(\w*Paths|Routes)\.java:' \
  | grep -v 'getResourceAsStream' | grep -oE "$paths" || true)
echo "literal route paths outside the *Paths builders and Routes: $(printf '%s' "$lit" | grep -c . || true)"
echo "NumberFormatException catches: $(grep -rho 'catch (NumberFormatException' "$main" | wc -l)"
big=$(find src/main -name '*.java' -exec wc -l {} + | awk '$2 != "total" && $1 > 400 {print "  " $1 " " $2}')
echo "files over 400 lines in src/main: $(printf '%s' "$big" | grep -c . || true)"
printf '%s\n' "$big" | sed '/^$/d'
echo "ObjectMapper instances: $(grep -rhoE 'new ObjectMapper\(' "$main" | wc -l)"
echo "reads of the settings table outside db/Settings: $(grep -rlE 'from settings|into settings' "$main" | grep -v 'db/Settings.java' | wc -l)"
echo "lines of Java in src/main: $(find src/main -name '*.java' -exec cat {} + | wc -l)"
if [ -f target/broadsheet.jar ]; then
  echo "target/broadsheet.jar: $(du -m target/broadsheet.jar | cut -f1) MB"
fi
