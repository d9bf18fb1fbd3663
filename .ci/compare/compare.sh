#!/usr/bin/env bash
# Side-by-side search comparison (issue 3): Guichet vs MiniSearch vs Pagefind
# on the same test set (search/testdata/relevance.jsonl by default).
#
#   bash .ci/compare/compare.sh                      # from the repo root
#   TESTSET=/tmp/relevance.jsonl bash .ci/compare/compare.sh
#   CONTENT=/path/to/content bash .ci/compare/compare.sh
#   DETAILS=/tmp/details.json bash .ci/compare/compare.sh   # per-query ranks
#   KEEP_TMP=1 bash .ci/compare/compare.sh   # keep the crawl and indexes
#   STRICT=1 bash .ci/compare/compare.sh     # exit 1 unless Guichet beats both on hit@3 and MRR
#
# It builds guichet, serves CONTENT (default ./content) on a free loopback
# port with a throw-away data dir, crawls every same-origin page reachable
# from / and /fr/ into a temp folder (the HTML Pagefind indexes and MiniSearch
# documents are built from), runs compare.mjs, then stops the server and
# removes everything it made. Guichet is built from the working tree as it is
# (uncommitted changes included). Needs go, node (>= 20), npm, curl; runs
# `npm ci` in .ci/compare when node_modules is missing.
# Loopback only; every loop is bounded.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

content=${CONTENT:-content}
testset=${TESTSET:-search/testdata/relevance.jsonl}
max_pages=${MAX_PAGES:-20000}

die() { echo "compare.sh: $*" >&2; exit 1; }

for tool in go node npm curl; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not installed (needs go, node >= 20, npm, curl)"
done
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "node >= 20 is needed, found $(node --version)"
[ -f "$testset" ] || die "test set $testset not found (set TESTSET=...)"
[ -d "$content" ] || die "content folder $content not found (set CONTENT=...)"
testset=$(cd "$(dirname "$testset")" && pwd)/$(basename "$testset")

if [ ! -d "$here/node_modules/minisearch" ] || [ ! -d "$here/node_modules/pagefind" ]; then
  echo "== npm ci in .ci/compare" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci failed in $here"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/guichet-compare.XXXXXX")
pid=
cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  if [ -n "${KEEP_TMP:-}" ]; then echo "compare.sh: kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== building guichet" >&2
go build -o "$tmp/guichet" ./cmd/guichet || die "go build failed"

# A free loopback port: ask the kernel for one, then give it back.
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
[ -n "$port" ] || die "could not find a free loopback port"
base="http://127.0.0.1:$port"

"$tmp/guichet" serve --content "$content" --data "$tmp/data" --addr "127.0.0.1:$port" \
  >"$tmp/server.out" 2>"$tmp/server.err" &
pid=$!

ready=
for _ in $(seq 1 600); do # at most ~120 s
  if curl -fs --max-time 2 "$base/healthz" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$ready" ]; then
  tail -n 20 "$tmp/server.err" >&2 || true
  die "guichet did not become healthy on $base"
fi
grep -h 'content published' "$tmp/server.err" >&2 || true

# Crawl: breadth-first over same-origin links from / and /fr/. Each page is
# saved as site/<n>.html and listed in pages.tsv as
#   url <TAB> file <TAB> lang <TAB> article id (empty for non-article pages)
echo "== crawling $base" >&2
site="$tmp/site"
mkdir -p "$site"
: >"$tmp/pages.tsv"
declare -A seen=()
queue=("/" "/fr/")
seen["/"]=1
seen["/fr/"]=1
n=0
head_i=0
while [ "$head_i" -lt "${#queue[@]}" ] && [ "$n" -lt "$max_pages" ]; do
  path=${queue[$head_i]}
  head_i=$((head_i + 1))
  file="$site/$n.html"
  meta=$(curl -s --max-time 10 -o "$file" -w '%{http_code} %{content_type}' -H 'Accept: text/html' "$base$path" || echo 000)
  case "$meta" in
    "200 text/html"*) ;;
    *) rm -f "$file"; continue ;;
  esac
  lang=$(grep -o -m1 '<html lang="[^"]*"' "$file" | sed 's/.*lang="\([^"]*\)"/\1/' || true)
  id=$(grep -o -m1 '<input type="hidden" name="article" value="[^"]*"' "$file" | sed 's/.*value="\([^"]*\)"/\1/' || true)
  printf '%s\t%s\t%s\t%s\n' "$path" "$n.html" "${lang%%-*}" "$id" >>"$tmp/pages.tsv"
  n=$((n + 1))
  # Same-origin links: absolute paths, or absolute URLs on this origin.
  while IFS= read -r href; do
    href=${href//&amp;/&}
    case "$href" in
      "$base"/*) href=${href#"$base"} ;;
    esac
    case "$href" in
      //* | /static/* | /_content/* | /api/* | /feedback* | /search* | /healthz* | /_dev/*) continue ;;
      /*) ;;
      *) continue ;;
    esac
    href=${href%%#*}
    href=${href%%\?*} # the same page: articles link to others with ?view= and the like
    [ -n "$href" ] || continue
    if [ -z "${seen[$href]+x}" ]; then
      seen[$href]=1
      queue+=("$href")
    fi
  done < <(grep -o 'href="[^"]*"' "$file" | sed 's/^href="//; s/"$//')
done
articles=$(awk -F'\t' '$4 != ""' "$tmp/pages.tsv" | wc -l)
echo "== crawled $n pages, $articles article pages" >&2
[ "$articles" -gt 0 ] || die "the crawl found no article page"

node "$here/compare.mjs" --base "$base" --pages "$tmp/pages.tsv" --site "$site" \
  --work "$tmp/work" --testset "$testset" ${DETAILS:+--details "$DETAILS"} \
  ${STRICT:+--strict "$STRICT"}
