#!/usr/bin/env bash
# Load test: serve the real corpus and hit an article page and the suggest
# API with wrk on loopback. Needs wrk (apt-get install wrk) and the corpus in
# ../shared/corpora/officedocs-support. Bounded: 10 s per run, loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpora/officedocs-support}
data=$(mktemp -d)
addr=127.0.0.1:18080
go build -o "$data/guichet" ./cmd/guichet
"$data/guichet" serve --content "$corpus" --data "$data/data" --addr "$addr" >"$data/out" 2>"$data/err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://$addr/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
article=$(curl -fs "http://$addr/api/v1/search?q=outlook+calendar&limit=1" | sed -n 's/.*"url":"\([^"]*\)".*/\1/p')
echo "== article page $article (gzip)"
wrk -t2 -c64 -d10s -H 'Accept-Encoding: gzip' "http://$addr$article"
echo "== suggest"
wrk -t2 -c64 -d10s "http://$addr/api/v1/suggest?q=outlook+cal"
