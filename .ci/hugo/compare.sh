#!/usr/bin/env bash
# Guichet against Hugo on the same generated articles, side by side in one
# run: ROUNDS alternating rounds (Hugo first in odd rounds, Guichet first in
# even ones), medians and ratios. Not part of CI or of `go test ./...`: at
# 10,000 articles a round takes a minute or two on a quiet 2-core machine.
#
#   bash .ci/hugo/compare.sh                 # 10,000 articles, 3 rounds
#   N=100000 ROUNDS=1 bash .ci/hugo/compare.sh
#
# Per round:
#   hugo build      `hugo` on a fresh destination and cache folder (the
#                   layouts in .ci/hugo do comparable work: head, breadcrumbs,
#                   table of contents, section lists, RSS, sitemap)
#   cold start      `guichet serve` on a fresh --data until /readyz answers
#   restart         the same again on that --data, content unchanged
#   reload          one article's body edited, SIGHUP, the `took` of the
#                   publication it logs
# Peak memory is the process's VmHWM (Hugo's from /usr/bin/time), memory
# after load Guichet's VmRSS two seconds after it is ready.
# Hugo v0.160.0 is installed with `go install` when `hugo` is absent or
# another version (about five minutes of compiling).
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${N:-10000}
rounds=${ROUNDS:-3}
hugo_version=v0.160.0
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT

hugo=$(command -v hugo || true)
[ -z "$hugo" ] && [ -x "$(go env GOPATH)/bin/hugo" ] && hugo="$(go env GOPATH)/bin/hugo"
if [ -z "$hugo" ] || ! "$hugo" version | grep -q "hugo $hugo_version"; then
  echo "installing hugo $hugo_version with go install" >&2
  GOBIN="$tmp/bin" go install "github.com/gohugoio/hugo@$hugo_version"
  hugo="$tmp/bin/hugo"
fi
"$hugo" version

go build -o "$tmp/guichet" ./cmd/guichet
go run ./cmd/gencontent -n "$n" -out "$tmp/content" >/dev/null
echo "$n articles, $(du -sh "$tmp/content" | cut -f1) of Markdown; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

now() { date +%s.%N; }
addr=127.0.0.1:${PORT:-18317}

run_hugo() {
  rm -rf "$tmp/public" "$tmp/hugocache"
  /usr/bin/time -f '%e %M' -o "$tmp/hugo.time" "$hugo" --quiet --source .ci/hugo --contentDir "$tmp/content" \
    --destination "$tmp/public" --cacheDir "$tmp/hugocache" --noBuildLock >/dev/null
  read -r secs kb <"$tmp/hugo.time"
  echo "hugo_build $secs" >>"$tmp/results"
  echo "hugo_peak $((kb / 1024))" >>"$tmp/results"
}

# start_guichet NAME: serve until ready; records NAME's seconds and peak MB.
start_guichet() {
  local t0 t1
  t0=$(now)
  "$tmp/guichet" serve --content "$tmp/content" --data "$tmp/data" --addr "$addr" >/dev/null 2>"$tmp/log" &
  pid=$!
  until curl -fs "http://$addr/readyz" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { cat "$tmp/log" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(now)
  echo "$1 $(echo "$t1 - $t0" | bc | xargs printf '%.2f')" >>"$tmp/results"
  echo "$1_peak $(($(awk '/VmHWM/ {print $2}' /proc/$pid/status) / 1024))" >>"$tmp/results"
}

stop_guichet() {
  kill $pid
  wait $pid 2>/dev/null || true
  pid=""
}

run_guichet() {
  rm -rf "$tmp/data"
  start_guichet cold
  sleep 2
  echo "rss_after_load $(($(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024))" >>"$tmp/results"
  curl -fs "http://$addr/" >/dev/null
  stop_guichet
  start_guichet restart
  # Incremental reload: one article's body changes.
  local article
  article=$(find "$tmp/content" -name '*.md' ! -name '_index.md' | sort | awk 'NR == 1')
  cp "$article" "$tmp/saved.md"
  printf '\nEdited by the benchmark at %s.\n' "$(now)" >>"$article"
  local before
  before=$(grep -c 'content published' "$tmp/log")
  kill -HUP $pid
  until [ "$(grep -c 'content published' "$tmp/log")" -gt "$before" ]; do sleep 0.02; done
  local took
  took=$(grep 'content published' "$tmp/log" | tail -1 | sed -n 's/.* took=\([^ ]*\).*/\1/p')
  echo "reload $(duration "$took")" >>"$tmp/results"
  stop_guichet
  cp "$tmp/saved.md" "$article"
}

# duration turns a Go duration (1.2s, 850ms, 1m3.5s) into seconds.
duration() {
  echo "$1" | awk '{ s = $0; t = 0
    if (match(s, /[0-9.]+m[^s]/)) { t += substr(s, RSTART, RLENGTH - 2) * 60; s = substr(s, RSTART + RLENGTH - 1) }
    if (s ~ /ms$/) { sub(/ms$/, "", s); t += s / 1000 } else if (s ~ /µs$/) { t += 0 } else { sub(/s$/, "", s); t += s }
    printf "%.3f\n", t }'
}

for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then run_hugo; run_guichet; else run_guichet; run_hugo; fi
  echo "round $r: $(grep -c . "$tmp/results") figures, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done

median() { grep "^$1 " "$tmp/results" | awk '{print $2}' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
all() { grep "^$1 " "$tmp/results" | awk '{printf "%s%s", sep, $2; sep=", "}'; }
hb=$(median hugo_build)
hp=$(median hugo_peak)
echo
echo "| $n articles, $rounds rounds, medians (all runs) | Guichet | Hugo $hugo_version build | ratio |"
echo "|---|---|---|---|"
printf '| cold start (fresh --data) until ready | %s s (%s) | %s s (%s) | %.2f × Hugo |\n' "$(median cold)" "$(all cold)" "$hb" "$(all hugo_build)" "$(echo "$(median cold) / $hb" | bc -l)"
printf '| restart, content unchanged | %s s (%s) | — | %.2f × Hugo build |\n' "$(median restart)" "$(all restart)" "$(echo "$(median restart) / $hb" | bc -l)"
printf '| reload after one article edited | %s s (%s) | — | %.2f × Hugo build |\n' "$(median reload)" "$(all reload)" "$(echo "$(median reload) / $hb" | bc -l)"
printf '| peak memory, cold start | %s MB (%s) | %s MB (%s) | %.2f × Hugo |\n' "$(median cold_peak)" "$(all cold_peak)" "$hp" "$(all hugo_peak)" "$(echo "$(median cold_peak) / $hp" | bc -l)"
printf '| peak memory, restart | %s MB (%s) | — | %.2f × Hugo |\n' "$(median restart_peak)" "$(all restart_peak)" "$(echo "$(median restart_peak) / $hp" | bc -l)"
printf '| memory after load (2 s after ready) | %s MB (%s) | — | — |\n' "$(median rss_after_load)" "$(all rss_after_load)"
