package search

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// helpWords are frequent help-center words; generated words fill the long
// tail of the vocabulary.
var helpWords = strings.Fields(`account password refund invoice ticket cancel order payment card billing
subscription plan upgrade downgrade email address login sign settings profile notification delete export
import report team member invite role permission admin security two factor authentication device app mobile
desktop browser cookie session error message problem issue support contact help guide start setup install
update version release feature integration api key token webhook calendar event booking reservation
schedule transfer share download upload file document attachment storage limit quota price discount coupon
tax receipt currency bank transfer delay shipping delivery return exchange warranty product catalog search
filter sort page language translation privacy data backup restore sync offline connection network reset
change remove add edit create manage configure enable disable verify confirm approve reject close open`)

// corpus generates n articles with a Zipf-like vocabulary of real and
// made-up words, about 400 words each.
func corpus(n int) *site.Library {
	r := rand.New(rand.NewPCG(1, 2))
	syll := strings.Fields("ka ro mi ne tu sa li po ve da gri on al ber tis cor man tel pri sen ver lo qua zen")
	vocab := append([]string{}, helpWords...)
	seen := map[string]bool{}
	for _, w := range vocab {
		seen[w] = true
	}
	for len(vocab) < 12000 {
		var b strings.Builder
		for k := 2 + r.IntN(3); k > 0; k-- {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1))
	stop := strings.Fields("the a to of and in your you is for on with can")
	words := func(k int, stops bool) string {
		out := make([]string, k)
		for i := range out {
			if stops && r.IntN(3) == 0 {
				out[i] = stop[r.IntN(len(stop))]
			} else {
				out[i] = vocab[zipf.Uint64()]
			}
		}
		return strings.Join(out, " ")
	}
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "en", Locales: []string{"en"}},
		Hash:   fmt.Sprintf("bench-%d", n),
	}
	for c := range 20 {
		lib.Categories = append(lib.Categories, &site.Category{ID: fmt.Sprintf("cat%d", c), Locale: "en", Title: words(2, false)})
	}
	for i := range n {
		var secs []site.Section
		secs = append(secs, sec("", "", words(30+r.IntN(60), true)+"."))
		for s := range 2 + r.IntN(4) {
			secs = append(secs, sec(words(2+r.IntN(3), false), fmt.Sprintf("s%d", s), words(40+r.IntN(80), true)+"."))
		}
		title := words(3+r.IntN(5), true)
		lib.Articles = append(lib.Articles, art(fmt.Sprintf("a%d", i), "en", fmt.Sprintf("cat%d", i%20),
			strings.ToUpper(title[:1])+title[1:], words(8+r.IntN(10), true)+".", strings.Fields(words(r.IntN(3), false)), secs...))
	}
	return lib
}

// sampleQueries returns realistic queries: one to three frequent words,
// sometimes with a typo; for autocomplete the last word is cut short.
func sampleQueries(lib *site.Library, suggest bool) []string {
	r := rand.New(rand.NewPCG(3, 4))
	var out []string
	for len(out) < 500 {
		a := lib.Articles[r.IntN(len(lib.Articles))]
		ws := strings.Fields(textnorm.Key(a.Title + " " + a.Description))
		k := 1 + r.IntN(3)
		start := r.IntN(max(1, len(ws)-k))
		q := ws[start:min(len(ws), start+k)]
		if r.IntN(5) == 0 {
			w := []byte(q[0])
			if len(w) > 5 {
				w[2], w[3] = w[3], w[2]
				q[0] = string(w)
			}
		}
		if suggest {
			last := q[len(q)-1]
			q[len(q)-1] = last[:1+r.IntN(len(last))]
		}
		out = append(out, strings.Join(q, " "))
	}
	return out
}

type benchFixture struct {
	lib *site.Library
	ix  *Index
	err error
}

// benchIndexes build the generated indexes once for all benchmarks.
var benchIndexes = map[int]func() *benchFixture{
	2500:   sync.OnceValue(func() *benchFixture { return newBenchFixture(2500) }),
	10000:  sync.OnceValue(func() *benchFixture { return newBenchFixture(10000) }),
	100000: sync.OnceValue(func() *benchFixture { return newBenchFixture(100000) }),
}

// benchSizes are the article counts the query benchmarks run on: 100,000
// too with GUICHET_BENCH_LARGE set (its index takes minutes to build).
func benchSizes() []int {
	if os.Getenv("GUICHET_BENCH_LARGE") != "" {
		return []int{2500, 10000, 100000}
	}
	return []int{2500, 10000}
}

// newBenchFixture builds the index of n generated articles: in memory, or
// kept in $GUICHET_BENCH_DIR when set, so that later runs open it instead
// of building it again (100,000 articles take minutes to index).
func newBenchFixture(n int) *benchFixture {
	lib := corpus(n)
	dir := os.Getenv("GUICHET_BENCH_DIR")
	if dir != "" {
		dir = fmt.Sprintf("%s/articles-%d", dir, n)
	}
	ix, err := Build(context.Background(), testView(lib), dir)
	return &benchFixture{lib, ix, err}
}

func benchQueries(b *testing.B, suggest bool) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) { benchQuery(b, benchIndexes[n](), suggest) })
	}
}

func benchQuery(b *testing.B, f *benchFixture, suggest bool) {
	if f.err != nil {
		b.Fatal(f.err)
	}
	qs := sampleQueries(f.lib, suggest)
	run := f.ix.Search
	if suggest {
		run = f.ix.Suggest
	}
	ctx := context.Background()
	times := make([]time.Duration, 0, b.N)
	runtime.GC() // leave the garbage of the build out of the measure
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		if _, err := run(ctx, site.SearchRequest{Query: qs[i%len(qs)], Limit: 10}); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	// The first round of the distinct queries is also reported alone:
	// autocomplete keeps the champion lists of common words as they are
	// first typed (champions.go), so later rounds find them ready.
	if len(times) > 2*len(qs) {
		first := slices.Clone(times[:len(qs)])
		slices.Sort(first)
		b.ReportMetric(float64(first[len(first)*99/100].Microseconds()), "first-round-p99-µs")
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)*50/100].Microseconds()), "p50-µs")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkSuggest measures autocomplete on 2,500 and 10,000 generated
// articles (and 100,000 with GUICHET_BENCH_LARGE); p50-µs and p99-µs are
// latency percentiles.
func BenchmarkSuggest(b *testing.B) { benchQueries(b, true) }

// BenchmarkSearch measures full search with snippets on 2,500 and 10,000
// generated articles.
func BenchmarkSearch(b *testing.B) { benchQueries(b, false) }

// BenchmarkBuild measures indexing 10,000 generated articles in memory and
// on disk.
func BenchmarkBuild(b *testing.B) {
	lib := corpus(10000)
	size := 0
	for _, a := range lib.Articles {
		size += len(a.Text)
	}
	b.Logf("%d articles, %d MB of text", len(lib.Articles), size>>20)
	for _, disk := range []bool{false, true} {
		b.Run(fmt.Sprintf("disk=%t", disk), func(b *testing.B) {
			runtime.GC()
			peak := watchPeakHeap()
			defer func() { b.ReportMetric(float64(peak()>>20), "peak-heap-MB") }()
			for range b.N {
				dir := ""
				if disk {
					dir = b.TempDir()
				}
				ix, err := Build(context.Background(), testView(lib), dir)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				ix.Close()
				b.StartTimer()
			}
		})
	}
}

// watchPeakHeap samples the heap in use every 5 ms until the returned
// function is called, which returns the largest sample.
func watchPeakHeap() func() uint64 {
	stop := make(chan struct{})
	done := make(chan uint64)
	go func() {
		var peak uint64
		var ms runtime.MemStats
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				done <- peak
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { close(stop); return <-done }
}

// BenchmarkReopen measures Build when the on-disk index exists.
func BenchmarkReopen(b *testing.B) {
	lib := corpus(10000)
	dir := b.TempDir()
	ix, err := Build(context.Background(), testView(lib), dir)
	if err != nil {
		b.Fatal(err)
	}
	ix.Close()
	b.ResetTimer()
	for range b.N {
		ix, err := Build(context.Background(), testView(lib), dir)
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}

// BenchmarkSuggestAgreement compares autocomplete through champion lists
// (champions.go) with scoring every article, on the 500 sample queries of
// BenchmarkSuggest: identical-% of them get the same suggestions in the
// same order, same-first-% the same first suggestion. (Below broadClause
// articles per word nothing differs: the figures matter at 100,000.) One
// iteration is the whole comparison: run it with -benchtime 1x.
func BenchmarkSuggestAgreement(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			f := benchIndexes[n]()
			if f.err != nil {
				b.Fatal(f.err)
			}
			li := f.ix.locales["en"]
			defer func() { li.broad = broadClause }()
			qs := sampleQueries(f.lib, true)
			ctx := context.Background()
			for range b.N {
				same, first := 0, 0
				for _, q := range qs {
					req := site.SearchRequest{Query: q, Limit: 8}
					li.broad = math.MaxInt
					every, err := f.ix.Suggest(ctx, req)
					if err != nil {
						b.Fatal(err)
					}
					li.broad = broadClause
					got, err := f.ix.Suggest(ctx, req)
					if err != nil {
						b.Fatal(err)
					}
					if slices.Equal(ids(got), ids(every)) {
						same++
					}
					if len(got.Hits) == len(every.Hits) && (len(got.Hits) == 0 || got.Hits[0].ID == every.Hits[0].ID) {
						first++
					}
				}
				b.ReportMetric(100*float64(same)/float64(len(qs)), "identical-%")
				b.ReportMetric(100*float64(first)/float64(len(qs)), "same-first-%")
			}
		})
	}
}
