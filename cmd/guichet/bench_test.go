package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

// BenchmarkCorpusColdStart measures load + render + index of the real corpus
// with an empty data folder (what a first start does).
func BenchmarkCorpusColdStart(b *testing.B) {
	needCorpus(b)
	for i := 0; i < b.N; i++ {
		data := b.TempDir()
		m := openCorpus(b, data)
		b.StopTimer()
		m.Close(context.Background())
		os.RemoveAll(data)
		b.StartTimer()
	}
}

// BenchmarkCorpusRestart measures a restart with unchanged content: the
// search index on disk is reused.
func BenchmarkCorpusRestart(b *testing.B) {
	needCorpus(b)
	data := b.TempDir()
	m := openCorpus(b, data)
	m.Close(context.Background())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := openCorpus(b, data)
		b.StopTimer()
		m.Close(context.Background())
		b.StartTimer()
	}
}

// BenchmarkCorpusSuggest measures one autocomplete request through the HTTP
// handler on the corpus, and reports the 50th and 99th percentiles. Queries
// are partial titles ("cannot find any sui"), all different, so the result
// cache does not answer them.
func BenchmarkCorpusSuggest(b *testing.B) {
	needCorpus(b)
	m := openCorpus(b, b.TempDir())
	defer m.Close(context.Background())
	v := m.Server.View()
	var queries []string
	for _, a := range v.ByLocale[v.Lib.Config.DefaultLocale] {
		words := strings.Fields(strings.ToLower(a.Title))
		for n := 1; n <= len(words) && n <= 4; n++ {
			q := strings.Join(words[:n], " ")
			if last := []rune(words[n-1]); len(last) > 3 {
				r := []rune(q)
				q = string(r[:len(r)-len(last)/2]) // the last word half typed
			}
			queries = append(queries, q)
		}
	}
	durs := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := queries[i%len(queries)]
		start := time.Now()
		w := httptest.NewRecorder()
		m.Server.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/suggest?q="+urlQuery(q), nil))
		durs = append(durs, time.Since(start))
		if w.Code != 200 {
			b.Fatalf("status %d", w.Code)
		}
	}
	b.StopTimer()
	reportPercentiles(b, durs)
}

// BenchmarkCorpusArticle measures serving one prepared article page.
func BenchmarkCorpusArticle(b *testing.B) {
	needCorpus(b)
	m := openCorpus(b, b.TempDir())
	defer m.Close(context.Background())
	v := m.Server.View()
	a := v.ByLocale[v.Lib.Config.DefaultLocale][100]
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			w := httptest.NewRecorder()
			r := httptest.NewRequest("GET", a.URL, nil)
			r.Header.Set("Accept-Encoding", "gzip")
			m.Server.ServeHTTP(w, r)
			if w.Code != 200 {
				b.Fatalf("status %d", w.Code)
			}
		}
	})
}

func reportPercentiles(b *testing.B, durs []time.Duration) {
	if len(durs) == 0 {
		return
	}
	sort.Slice(durs, func(i, j int) bool { return durs[i] < durs[j] })
	b.ReportMetric(float64(durs[len(durs)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(durs[len(durs)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkCorpusWidgetFrame measures rendering the widget panel for a host
// page (context matching, the FAQ fallback and the template) on the
// corpus, with a different host path each time. The corpus has no
// guichet.yaml, so no other origin may embed the panel (allowed_origins
// fails closed): the host page is on the help center's own origin.
func BenchmarkCorpusWidgetFrame(b *testing.B) {
	needCorpus(b)
	m := openCorpus(b, b.TempDir())
	defer m.Close(context.Background())
	durs := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		w := httptest.NewRecorder()
		r := httptest.NewRequest("GET", fmt.Sprintf("https://help.example.com/widget/frame?origin=https://help.example.com&path=/settings/team/%d&context=checkout", i), nil)
		r.Header.Set("Accept-Encoding", "gzip")
		m.Server.ServeHTTP(w, r)
		durs = append(durs, time.Since(start))
		if w.Code != 200 {
			b.Fatalf("status %d", w.Code)
		}
	}
	b.StopTimer()
	reportPercentiles(b, durs)
}
