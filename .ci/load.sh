#!/usr/bin/env bash
# Load test on loopback: serve a content folder and hit an article page and
# the suggest API with wrk. Needs wrk (apt-get install wrk). Bounded: 10 s
# per run, loopback only.
#   bash .ci/load.sh                         # the real corpus in ../shared
#   CONTENT=/tmp/c10k bash .ci/load.sh       # e.g. go run ./cmd/gencontent -n 10000 -out /tmp/c10k
set -euo pipefail
cd "$(dirname "$0")/.."
content=${CONTENT:-../shared/corpora/officedocs-support}
tmp=$(mktemp -d)
addr=127.0.0.1:18080
go build -o "$tmp/guichet" ./cmd/guichet
# wrk is one client: the per-client protection limit (50 requests a second
# by default) would answer it 429, so it is raised for the measure.
"$tmp/guichet" serve --content "$content" --data "$tmp/data" --addr "$addr" \
  --request-rate 1000000 --request-burst 1000000 >"$tmp/out" 2>"$tmp/err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 1 "${WAIT:-300}"); do
  curl -fs "http://$addr/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
grep -h 'content published' "$tmp/err" || true
echo "RSS after load: $(grep VmRSS /proc/$pid/status)"
article=$(curl -fs "http://$addr/api/v1/search?q=password&limit=1" | sed -n 's/.*"url":"\([^"]*\)".*/\1/p')
echo "== article page $article (gzip)"
wrk -t2 -c64 -d10s -H 'Accept-Encoding: gzip' "http://$addr$article"
echo "== suggest, one query (answered from the result cache after the first call)"
wrk -t2 -c64 -d10s "http://$addr/api/v1/suggest?q=password+res"
echo "== suggest, ~600 different prefixes (.ci/suggest.lua)"
wrk -t2 -c64 -d10s -s .ci/suggest.lua "http://$addr"
echo "RSS after load test: $(grep VmRSS /proc/$pid/status)"
