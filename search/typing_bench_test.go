package search

import (
	"context"
	"math/rand/v2"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// longWordKeystrokes returns n distinct autocomplete keystrokes of the
// generated corpus of the kind typingTypos (typed.go) looks corrections
// up for before ranking: a word of 8 letters or more that is no word of
// the articles and that no title, heading, keyword or tag word starts
// with (its first maxNgram letters, as indexed). At even places a title
// word of 8 letters or more with one typo (a letter left out, added,
// changed or two swapped, not the first one), typed in full, with meant
// the word; at odd places random letters (8 to 14). It depends on the
// articles only, so two versions of the code get the same keystrokes.
func longWordKeystrokes(lib *site.Library, n int) (typos, meant, garbage []string) {
	vocab := map[string]bool{}
	var starts []string // words of titles, headings, keywords and tags
	add := func(text string, start bool) {
		for _, w := range strings.Fields(textnorm.Key(text)) {
			if start && !vocab[w] {
				starts = append(starts, w)
			}
			vocab[w] = true
		}
	}
	for _, a := range lib.Articles {
		add(a.Title, true)
		add(strings.Join(a.Keywords, " "), true)
		add(strings.Join(a.Tags, " "), true)
		for _, s := range a.Sections {
			add(s.Heading.Text, true)
		}
	}
	for _, a := range lib.Articles {
		add(a.Description, false)
		for _, s := range a.Sections {
			add(s.Text, false)
		}
	}
	for _, c := range lib.Categories {
		add(c.Title, false)
	}
	slices.Sort(starts)
	starts = slices.Compact(starts)
	startsWord := func(t string) bool {
		p := t[:min(len(t), maxNgram)]
		i, _ := slices.BinarySearch(starts, p)
		return i < len(starts) && strings.HasPrefix(starts[i], p)
	}
	seen := map[string]bool{}
	fresh := func(t string) bool {
		if len(t) < twoEdits || seen[t] || vocab[t] || startsWord(t) {
			return false
		}
		seen[t] = true
		return true
	}
	r := rand.New(rand.NewPCG(9, 10))
	const letters = "abcdefghijklmnopqrstuvwxyz"
	for tries := 0; len(typos) < n/2 && tries < 100*n; tries++ {
		a := lib.Articles[r.IntN(len(lib.Articles))]
		ws := strings.Fields(textnorm.Key(a.Title))
		w := ws[r.IntN(len(ws))]
		if len(w) < twoEdits || strings.IndexFunc(w, func(c rune) bool { return c < 'a' || c > 'z' }) >= 0 {
			continue
		}
		i, c := 1+r.IntN(len(w)-2), string(letters[r.IntN(26)])
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
		if fresh(t) {
			typos, meant = append(typos, t), append(meant, w)
		}
	}
	for len(garbage) < n/2 {
		g := make([]byte, 8+r.IntN(7))
		for i := range g {
			g[i] = letters[r.IntN(26)]
		}
		if fresh(string(g)) {
			garbage = append(garbage, string(g))
		}
	}
	return typos, meant, garbage
}

// longWordCount is how many distinct keystrokes BenchmarkSuggestLongWord
// has: run it with -benchtime 1000x for every keystroke to be new to the
// index's memos.
const longWordCount = 1000

// BenchmarkSuggestLongWord measures autocomplete on 10,000 generated
// articles on the keystrokes whose corrections typingTypos looks up before
// ranking (see longWordKeystrokes), each met for the first time: p50-µs
// and p99-µs over all, typo-… and garbage-… over each kind, with the
// bytes and allocations of each kind per keystroke, and its CPU time
// (cpu-µs/key: the whole process's, the garbage collector's too, which
// moves less than latency with the load of a shared machine);
// meant-top3-% is the share of typo keystrokes that have the word meant
// in the title of one of their first three suggestions, typo-answered-%
// and garbage-answered-% the shares that suggest something;
// retained-B/key is the heap still in use after them, per keystroke,
// after a GC. Each keystroke is new to the memos only in the first run of
// a process: compare versions with -count 1.
func BenchmarkSuggestLongWord(b *testing.B) {
	f := benchIndexes[10000]()
	if f.err != nil {
		b.Fatal(f.err)
	}
	typos, meant, garbage := longWordKeystrokes(f.lib, longWordCount)
	if len(typos) < longWordCount/2 {
		b.Fatalf("%d typo keystrokes, want %d", len(typos), longWordCount/2)
	}
	var qs []string
	for i := range typos {
		qs = append(qs, typos[i], garbage[i])
	}
	ctx := context.Background()
	times := map[bool][]time.Duration{}
	bytes, objects := map[bool]uint64{}, map[bool]uint64{}
	cpu := map[bool]time.Duration{}
	answered := map[bool]int{}
	top3 := 0
	ms := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}, {Name: "/gc/heap/allocs:objects"}}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		q, typo := qs[i%len(qs)], i%2 == 0
		metrics.Read(ms)
		b0, o0 := ms[0].Value.Uint64(), ms[1].Value.Uint64()
		c0 := processCPU()
		start := time.Now()
		r, err := f.ix.Suggest(ctx, site.SearchRequest{Query: q, Limit: 10})
		if err != nil {
			b.Fatal(err)
		}
		times[typo] = append(times[typo], time.Since(start))
		cpu[typo] += processCPU() - c0
		metrics.Read(ms)
		bytes[typo] += ms[0].Value.Uint64() - b0
		objects[typo] += ms[1].Value.Uint64() - o0
		if len(r.Hits) > 0 {
			answered[typo]++
		}
		if typo {
			for _, h := range r.Hits[:min(3, len(r.Hits))] {
				if slices.Contains(strings.Fields(textnorm.Key(h.Title)), meant[(i%len(qs))/2]) {
					top3++
					break
				}
			}
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
	per := func(total uint64, typo bool) float64 {
		if len(times[typo]) == 0 {
			return 0
		}
		return float64(total) / float64(len(times[typo]))
	}
	share := func(k int, typo bool) float64 {
		if len(times[typo]) == 0 {
			return 0
		}
		return 100 * float64(k) / float64(len(times[typo]))
	}
	all := slices.Concat(times[true], times[false])
	b.ReportMetric(pct(all, 50), "p50-µs")
	b.ReportMetric(pct(all, 99), "p99-µs")
	b.ReportMetric(pct(times[true], 50), "typo-p50-µs")
	b.ReportMetric(pct(times[true], 99), "typo-p99-µs")
	b.ReportMetric(pct(times[false], 50), "garbage-p50-µs")
	b.ReportMetric(pct(times[false], 99), "garbage-p99-µs")
	b.ReportMetric(per(uint64(cpu[true].Microseconds()), true), "typo-cpu-µs/key")
	b.ReportMetric(per(uint64(cpu[false].Microseconds()), false), "garbage-cpu-µs/key")
	b.ReportMetric(per(bytes[true], true), "typo-B/key")
	b.ReportMetric(per(objects[true], true), "typo-allocs/key")
	b.ReportMetric(per(bytes[false], false), "garbage-B/key")
	b.ReportMetric(per(objects[false], false), "garbage-allocs/key")
	b.ReportMetric(share(top3, true), "meant-top3-%")
	b.ReportMetric(share(answered[true], true), "typo-answered-%")
	b.ReportMetric(share(answered[false], false), "garbage-answered-%")
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/float64(b.N), "retained-B/key")
}
