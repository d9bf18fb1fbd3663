package site

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// BenchmarkNewView measures the View of 100,000 articles in 200 categories,
// made at every publication and restart.
func BenchmarkNewView(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	lib := &Library{Config: Config{DefaultLocale: "en", Locales: []string{"en"}}}
	for i := range 100000 {
		lib.Articles = append(lib.Articles, &Article{
			ID: fmt.Sprintf("a%d", i), Locale: "en", URL: fmt.Sprintf("/c%d/a%d", i%200, i),
			CategoryID: fmt.Sprintf("c%d", r.IntN(200)), SectionID: fmt.Sprintf("c%d", r.IntN(200)),
			Weight: r.IntN(3), Title: fmt.Sprintf("Title %d of something", r.IntN(1000000)),
		})
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for range b.N {
		NewView(lib, now, false)
	}
}
