// Side-by-side relevance and latency: Guichet vs MiniSearch vs Pagefind on the
// same test set. Run through compare.sh, which serves Guichet, crawls the
// rendered site and passes:
//   --base URL       the running Guichet (loopback)
//   --pages FILE     pages.tsv: url, file, lang, article id (empty if not an article)
//   --site DIR       the crawled HTML files
//   --work DIR       scratch folder (Pagefind bundles are written here)
//   --testset FILE   JSONL: {"kind","locale","query","expect":"<article id>"}
//   --details FILE   optional: per-query results as JSON
//   --strict 1       optional: exit 1 unless Guichet beats every other system on hit@3 and MRR@10
// Node 20+, no dependencies other than minisearch and pagefind.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL, fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import * as pagefindService from "pagefind";

const K = 10; // results looked at per query (MRR@10)

function parseArgs(argv) {
  const a = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith("--")) throw new Error(`unexpected argument ${argv[i]}`);
    a[argv[i].slice(2)] = argv[++i];
  }
  for (const k of ["base", "pages", "site", "work", "testset"]) {
    if (!a[k]) throw new Error(`missing --${k}`);
  }
  return a;
}

// ---------- HTML helpers (the pages are Guichet's own, well-formed templates)

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}
function textOf(html) {
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, " ")
      .replace(/<[^>]+>/g, " ")
  ).replace(/\s+/g, " ").trim();
}
function articleDoc(html) {
  const h1 = html.match(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i);
  const title = h1 ? textOf(h1[1]) : "";
  let body =
    html.match(/<article\b[^>]*>([\s\S]*?)<\/article>/i)?.[1] ??
    html.match(/<main\b[^>]*>([\s\S]*?)<\/main>/i)?.[1] ??
    "";
  // Drop the article header (title, "Last updated") and the table of contents,
  // which only repeats the headings.
  body = body.replace(/<header\b[\s\S]*?<\/header>/i, " ").replace(/<nav\b[^>]*class="toc"[\s\S]*?<\/nav>/i, " ");
  return { title, text: textOf(body) };
}

// ---------- metrics

function rankOf(ids, expect) {
  const i = ids.slice(0, K).indexOf(expect);
  return i < 0 ? 0 : i + 1;
}
function percentile(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

// ---------- systems

function guichet(base) {
  return {
    name: "guichet",
    async search(q) {
      const ep = q.kind === "prefix" ? "suggest" : "search";
      const u = `${base}/api/v1/${ep}?q=${encodeURIComponent(q.query)}&locale=${encodeURIComponent(q.locale)}&limit=${K}`;
      const res = await fetch(u);
      if (!res.ok) throw new Error(`guichet ${u}: HTTP ${res.status} ${await res.text()}`);
      const body = await res.json();
      return (body.results ?? []).map((r) => ({ id: r.id, url: r.url }));
    },
  };
}

function minisearch(articles) {
  const byLocale = new Map();
  for (const a of articles) {
    if (!byLocale.has(a.locale)) {
      byLocale.set(
        a.locale,
        new MiniSearch({
          idField: "url",
          fields: ["title", "text"],
          storeFields: ["article"],
          searchOptions: { prefix: true, fuzzy: 0.2 },
        })
      );
    }
    byLocale.get(a.locale).add({ url: a.url, article: a.id, title: a.title, text: a.text });
  }
  return {
    name: "minisearch",
    async search(q) {
      const ms = byLocale.get(q.locale);
      if (!ms) return [];
      return ms.search(q.query).slice(0, K).map((r) => ({ id: r.article, url: r.id }));
    },
  };
}

// Pagefind's search runtime is the browser bundle pagefind.js (ESM + WASM). In
// Node it runs on the main thread (no window, no Worker); the only browser
// things it needs are fetch() for its files, served here from disk, and
// <html lang> to choose the language index, given by a tiny document stub.
let fetchShimmed = false;
function shimFetch() {
  if (fetchShimmed) return;
  fetchShimmed = true;
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const u = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (u.startsWith("file:")) {
      const p = fileURLToPath(u.split(/[?#]/)[0]);
      let body;
      try {
        body = await fs.promises.readFile(p);
      } catch {
        return new Response("not found", { status: 404 });
      }
      const type = p.endsWith(".json") ? "application/json" : p.endsWith(".pagefind") ? "application/wasm" : "application/octet-stream";
      return new Response(body, { status: 200, headers: { "content-type": type } });
    }
    return realFetch(input, init);
  };
}
let stubLang = "unknown";
function stubDocument() {
  if (globalThis.document) return;
  globalThis.document = {
    currentScript: null,
    querySelector: (sel) => (sel === "html" ? { getAttribute: (a) => (a === "lang" ? stubLang : null) } : null),
  };
}

async function buildPagefind(pages, siteDir, outDir, { articleBodyOnly }) {
  const { index, errors } = await pagefindService.createIndex({});
  if (errors.length || !index) throw new Error(`pagefind createIndex: ${errors.join("; ")}`);
  let added = 0;
  for (const p of pages) {
    if (articleBodyOnly && !p.id) continue;
    let html = fs.readFileSync(path.join(siteDir, p.file), "utf8");
    if (articleBodyOnly) {
      // What a site owner tuning Pagefind would do: index only the article
      // element (Pagefind then skips every page without data-pagefind-body).
      html = html.replace(/<article\b/i, "<article data-pagefind-body");
    }
    const r = await index.addHTMLFile({ url: p.url, content: html });
    if (r.errors.length) throw new Error(`pagefind addHTMLFile ${p.url}: ${r.errors.join("; ")}`);
    added++;
  }
  const w = await index.writeFiles({ outputPath: outDir });
  if (w.errors.length) throw new Error(`pagefind writeFiles: ${w.errors.join("; ")}`);
  return added;
}

async function pagefind(name, outDir, locales) {
  shimFetch();
  stubDocument();
  const inst = new Map();
  for (const loc of locales) {
    // One module instance per language: the WASM glue in pagefind.js is
    // module-level state, so two languages cannot share one import.
    const mod = await import(pathToFileURL(path.join(outDir, "pagefind.js")).href + `?lang=${encodeURIComponent(loc)}`);
    stubLang = loc; // read by createInstance (detectLanguage)
    const pf = mod.createInstance();
    await pf.init();
    inst.set(loc, pf);
  }
  return {
    name,
    async search(q) {
      const pf = inst.get(q.locale);
      const r = await pf.search(q.query);
      const data = await Promise.all(r.results.slice(0, K).map((x) => x.data()));
      return data.map((d) => ({ url: d.url }));
    },
  };
}

// ---------- main

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const pages = fs
    .readFileSync(args.pages, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => {
      const [url, file, lang, id] = l.split("\t");
      return { url, file, lang: lang || "en", id: id || "" };
    });
  const idByURL = new Map();
  const norm = (u) => {
    let s = u.replace(/[?#].*$/, "");
    try {
      s = decodeURI(s);
    } catch {}
    return s.length > 1 ? s.replace(/\/+$/, "") : s;
  };
  for (const p of pages) if (p.id) idByURL.set(norm(p.url), p.id);

  const articles = pages
    .filter((p) => p.id)
    .map((p) => ({ ...p, locale: p.lang, ...articleDoc(fs.readFileSync(path.join(args.site, p.file), "utf8")) }));

  const tests = fs
    .readFileSync(args.testset, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("//"))
    .map((l, i) => {
      let t;
      try {
        t = JSON.parse(l);
      } catch (e) {
        throw new Error(`${args.testset}:${i + 1}: ${e.message}`);
      }
      if (!t.query || !t.expect) throw new Error(`${args.testset}:${i + 1}: needs query and expect`);
      return { kind: t.kind || "other", locale: t.locale || "en", query: t.query, expect: t.expect };
    });
  const locales = [...new Set(tests.map((t) => t.locale))];

  // Test lines whose expected article is not on the site in that locale
  // (Guichet may fall back to the default locale there; the others cannot).
  const have = new Set(articles.map((a) => `${a.locale}\t${a.id}`));
  const absent = tests.filter((t) => !have.has(`${t.locale}\t${t.expect}`));

  const log = (...m) => console.error(...m);
  log(`== ${articles.length} articles (${[...new Set(articles.map((a) => a.locale))].map((l) => `${l}: ${articles.filter((a) => a.locale === l).length}`).join(", ")}), ${tests.length} queries`);
  if (absent.length) log(`   note: ${absent.length} queries expect an article absent from the crawl in their locale: ${absent.map((t) => `${t.locale}:${t.expect}`).join(", ")}`);

  fs.mkdirSync(args.work, { recursive: true });
  log("== indexing with pagefind (whole pages, default settings)");
  let t0 = performance.now();
  const nAll = await buildPagefind(pages, args.site, path.join(args.work, "pf-all"), { articleBodyOnly: false });
  log(`   ${nAll} pages in ${(performance.now() - t0).toFixed(0)} ms`);
  log("== indexing with pagefind (article element only, data-pagefind-body)");
  t0 = performance.now();
  const nBody = await buildPagefind(pages, args.site, path.join(args.work, "pf-body"), { articleBodyOnly: true });
  log(`   ${nBody} pages in ${(performance.now() - t0).toFixed(0)} ms`);
  await pagefindService.close();

  t0 = performance.now();
  const systems = [
    guichet(args.base),
    minisearch(articles),
    await pagefind("pagefind", path.join(args.work, "pf-all"), locales),
    await pagefind("pagefind (article body)", path.join(args.work, "pf-body"), locales),
  ];
  log(`== minisearch + pagefind runtime ready in ${(performance.now() - t0).toFixed(0)} ms`);

  // The cost of one loopback HTTP round trip from Node, for reading Guichet's figures.
  const floor = [];
  for (let i = 0; i < 200; i++) {
    const s0 = performance.now();
    const r = await fetch(`${args.base}/healthz`);
    await r.text();
    floor.push(performance.now() - s0);
  }
  floor.splice(0, 20); // warm-up

  const details = [];
  const stats = [];
  for (const sys of systems) {
    // One untimed query first (connection, lazy WASM/index loading).
    for (const loc of locales) await sys.search({ kind: "natural", locale: loc, query: "warm up" });
    const st = { name: sys.name, ranks: [], lat: [], byKind: new Map() };
    for (const t of tests) {
      const s0 = performance.now();
      const res = await sys.search(t);
      const ms = performance.now() - s0;
      const ids = res.map((r) => r.id ?? idByURL.get(norm(r.url)) ?? `(page ${r.url})`);
      const rank = rankOf(ids, t.expect);
      st.ranks.push(rank);
      st.lat.push(ms);
      if (!st.byKind.has(t.kind)) st.byKind.set(t.kind, []);
      st.byKind.get(t.kind).push(rank);
      details.push({ system: sys.name, ...t, rank, ms: +ms.toFixed(3), top: ids.slice(0, 3) });
    }
    stats.push(st);
  }

  // ---------- report
  const n = tests.length;
  const hit = (ranks, k) => ranks.filter((r) => r > 0 && r <= k).length / (ranks.length || 1);
  const mrr = (ranks) => ranks.reduce((s, r) => s + (r ? 1 / r : 0), 0) / (ranks.length || 1);
  const pct = (x) => (100 * x).toFixed(1) + "%";
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
  const table = (head, rows) => {
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
    const line = (r) => "| " + r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join(" | ") + " |";
    const sep = "|" + w.map((x, i) => "-".repeat(x + 1) + (i === 0 ? "-" : ":") + "|").join("");
    return [line(head), sep, ...rows.map(line)].join("\n");
  };

  console.log(`\nSearch comparison on ${n} queries (${path.basename(args.testset)}), ${articles.length} articles, top ${K} results per query\n`);
  console.log(
    table(
      ["system", "hit@1", "hit@3", "MRR@10", "mean latency ms", "p95 latency ms"],
      stats.map((s) => [
        s.name === "guichet" ? "guichet (HTTP)" : s.name,
        pct(hit(s.ranks, 1)),
        pct(hit(s.ranks, 3)),
        mrr(s.ranks).toFixed(3),
        mean(s.lat).toFixed(2),
        percentile(s.lat, 95).toFixed(2),
      ])
    )
  );
  console.log(
    "\nLatency: guichet is timed over HTTP on loopback (request, JSON answer, and the search event Guichet records, as in production);" +
      `\n(a bare GET /healthz round trip from this Node process: mean ${mean(floor).toFixed(2)} ms, p95 ${percentile(floor, 95).toFixed(2)} ms);` +
      "\nminisearch and pagefind are timed in-process in Node, pagefind reading its index chunks and fragments from local disk" +
      "\n(a browser would fetch them over the network once). Single pass; one untimed warm-up query per system and locale first."
  );

  const kinds = [...new Set(tests.map((t) => t.kind))];
  console.log("\nhit@3 per kind\n");
  console.log(
    table(
      ["system", ...kinds.map((k) => `${k} (${tests.filter((t) => t.kind === k).length})`)],
      stats.map((s) => [s.name, ...kinds.map((k) => pct(hit(s.byKind.get(k) ?? [], 3)))])
    )
  );
  console.log(
    "\nguichet: /api/v1/search, kind prefix through /api/v1/suggest, with the query's locale." +
      "\nminisearch: one index per locale over the crawled article pages (title from <h1>, text of <article>), fields title+text, searchOptions {prefix: true, fuzzy: 0.2}." +
      "\npagefind: every crawled page (home, categories, articles) with default settings, searched with the pagefind.js runtime for the query's language;" +
      "\n  'pagefind (article body)' indexes only article pages' <article> element (data-pagefind-body). Non-article results count as misses."
  );

  if (args.details) fs.writeFileSync(args.details, JSON.stringify(details, null, 1));

  // Issue 3: Guichet must beat both on hit@3 and MRR.
  const g = stats.find((s) => s.name === "guichet");
  const lost = stats
    .filter((s) => s !== g)
    .flatMap((s) => [
      hit(g.ranks, 3) > hit(s.ranks, 3) ? null : `hit@3 vs ${s.name}`,
      mrr(g.ranks) > mrr(s.ranks) ? null : `MRR@10 vs ${s.name}`,
    ])
    .filter(Boolean);
  console.log(lost.length ? `\nverdict: guichet does NOT beat the others on ${lost.join(", ")}` : "\nverdict: guichet beats every other system on hit@3 and MRR@10");
  if (lost.length && args.strict === "1") process.exitCode = 1;
}

main().catch((e) => {
  console.error(`compare.mjs: ${e?.stack ?? e}`);
  process.exit(1);
});
