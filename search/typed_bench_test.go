package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// zeroMatchKeystrokes returns n distinct autocomplete keystrokes of the
// generated corpus that match nothing as typed (Verbatim suggests
// nothing), the keystrokes whose typo the word being typed may have
// (typed.go): at even places a title word with one typo in its first five
// letters, cut before its end (as TestSuggestTypedTyposCorpus types them),
// at odd places random letters (garbage). It depends on the articles
// only, so two versions of the code get the same keystrokes.
func zeroMatchKeystrokes(b *testing.B, f *benchFixture, n int) (typos, garbage []string) {
	r := rand.New(rand.NewPCG(5, 6))
	const letters = "abcdefghijklmnopqrstuvwxyz"
	seen := map[string]bool{}
	empty := func(q string) bool {
		if seen[q] {
			return false
		}
		seen[q] = true
		res, err := f.ix.Suggest(context.Background(), site.SearchRequest{Query: q, Limit: 10, Verbatim: true})
		if err != nil {
			b.Fatal(err)
		}
		return len(res.Hits) == 0
	}
	for tries := 0; len(typos) < n/2 && tries < 100*n; tries++ {
		a := f.lib.Articles[r.IntN(len(f.lib.Articles))]
		ws := strings.Fields(textnorm.Key(a.Title))
		w := ws[r.IntN(len(ws))]
		if len(w) < 7 || strings.IndexFunc(w, func(c rune) bool { return c < 'a' || c > 'z' }) >= 0 {
			continue
		}
		i, c := 1+r.IntN(4), string(letters[r.IntN(26)])
		var t string
		switch r.IntN(4) {
		case 0:
			t = w[:i] + w[i+1:]
		case 1:
			t = w[:i] + w[i+1:i+2] + w[i:i+1] + w[i+2:]
		case 2:
			t = w[:i] + c + w[i+1:]
		default:
			t = w[:i] + c + w[i:]
		}
		t = t[:5+r.IntN(len(t)-5)]
		if !strings.HasPrefix(w, t) && empty(t) {
			typos = append(typos, t)
		}
	}
	for len(garbage) < n/2 {
		g := make([]byte, 5+r.IntN(8))
		for i := range g {
			g[i] = letters[r.IntN(26)]
		}
		if empty(string(g)) {
			garbage = append(garbage, string(g))
		}
	}
	return typos, garbage
}

// zeroMatchCount is how many distinct keystrokes BenchmarkSuggestZeroMatch
// has: run it with -benchtime of at most that many iterations (1000x) for
// every keystroke to be new to the index's memos, as in a flood of
// keystrokes nobody typed before.
const zeroMatchCount = 1000

// BenchmarkSuggestZeroMatch measures autocomplete on keystrokes that match
// nothing as typed (see zeroMatchKeystrokes), each met for the first time:
// p50-µs and p99-µs over all, typo-… and garbage-… over each kind;
// answered-% is the share of them that suggest something; retained-B/key
// is the heap still in use after them (memos of corrections, champion
// lists), per keystroke, after a GC. Each keystroke is new to the memos
// only in the first run of a process: compare versions with -count 1.
func BenchmarkSuggestZeroMatch(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			f := benchIndexes[n]()
			if f.err != nil {
				b.Fatal(f.err)
			}
			typos, garbage := zeroMatchKeystrokes(b, f, zeroMatchCount)
			var qs []string
			for i := range typos {
				qs = append(qs, typos[i], garbage[i])
			}
			ctx := context.Background()
			times := map[bool][]time.Duration{}
			answered := 0
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				q := qs[i%len(qs)]
				start := time.Now()
				r, err := f.ix.Suggest(ctx, site.SearchRequest{Query: q, Limit: 10})
				if err != nil {
					b.Fatal(err)
				}
				times[i%2 == 0] = append(times[i%2 == 0], time.Since(start))
				if len(r.Hits) > 0 {
					answered++
				}
			}
			b.StopTimer()
			runtime.GC()
			runtime.ReadMemStats(&after)
			pct := func(ts []time.Duration, p int) float64 {
				ts = slices.Clone(ts)
				slices.Sort(ts)
				if len(ts) == 0 {
					return 0
				}
				return float64(ts[len(ts)*p/100].Microseconds())
			}
			all := slices.Concat(times[true], times[false])
			b.ReportMetric(pct(all, 50), "p50-µs")
			b.ReportMetric(pct(all, 99), "p99-µs")
			b.ReportMetric(pct(times[true], 50), "typo-p50-µs")
			b.ReportMetric(pct(times[true], 99), "typo-p99-µs")
			b.ReportMetric(pct(times[false], 50), "garbage-p50-µs")
			b.ReportMetric(pct(times[false], 99), "garbage-p99-µs")
			b.ReportMetric(100*float64(answered)/float64(b.N), "answered-%")
			b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/float64(b.N), "retained-B/key")
		})
	}
}

// BenchmarkSuggestGarbageFlood sends b.N distinct keystrokes of random
// letters (5 to 12) to autocomplete on 10,000 generated articles, as a
// flood nobody typed: retained-MB is the heap still in use after them,
// after a GC (the memos of corrections and fuzzy expansions, bounded at
// maxTypoCache and maxFuzzyExpansions keys), typo-keys and fuzzy-keys how
// many keys those memos hold. Run it with -benchtime 100000x to reach the
// bound of the typo memos.
func BenchmarkSuggestGarbageFlood(b *testing.B) {
	f := benchIndexes[10000]()
	if f.err != nil {
		b.Fatal(f.err)
	}
	li := f.ix.locales["en"]
	r := rand.New(rand.NewPCG(7, 8))
	ctx := context.Background()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for range b.N {
		g := make([]byte, 5+r.IntN(8))
		for i := range g {
			g[i] = byte('a' + r.IntN(26))
		}
		if _, err := f.ix.Suggest(ctx, site.SearchRequest{Query: string(g), Limit: 10}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/1e6, "retained-MB")
	b.ReportMetric(float64(li.typos.len()), "typo-keys")
	b.ReportMetric(float64(li.prefixTypos.len()), "prefix-keys")
	b.ReportMetric(float64(li.fuzzy.len()), "fuzzy-keys")
}
