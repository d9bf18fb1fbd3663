package search_test

import (
	"context"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/testrun"
)

// TestSuggestTypedTyposCorpus types words of the Microsoft corpus's titles
// the way people do on a phone: one typo (a letter left out, added,
// changed or two swapped) in the first five letters, then stopped before
// the word is finished ("auomatica" for "automatically"). Autocomplete
// must suggest something nearly every time, and an article whose title has
// the word meant among the first three most of the time. Before the word
// being typed was forgiven, 130 of 150 such prefixes suggested nothing.
func TestSuggestTypedTyposCorpus(t *testing.T) {
	testrun.SerialLater(t)
	if testing.Short() {
		t.Skip("corpus evaluation skipped in short mode")
	}
	needCorpus(t)
	ix, v := contentIndex(t, corpusDir)
	letters := regexp.MustCompile(`[A-Za-z]{7,}`)
	rng := rand.New(rand.NewPCG(2026, 11))
	typo := func(w string) string {
		i := 1 + rng.IntN(len(w)-2)
		c := string(rune('a' + rng.IntN(26)))
		switch rng.IntN(4) {
		case 0:
			return w[:i] + w[i+1:]
		case 1:
			return w[:i] + w[i+1:i+2] + w[i:i+1] + w[i+2:]
		case 2:
			return w[:i] + c + w[i+1:]
		}
		return w[:i] + c + w[i:]
	}
	const samples = 200
	empty, found, n := 0, 0, 0
	var missed []string
	for n < samples {
		a := v.Lib.Articles[rng.IntN(len(v.Lib.Articles))]
		words := letters.FindAllString(a.Title, -1)
		if len(words) == 0 {
			continue
		}
		w := strings.ToLower(words[rng.IntN(len(words))])
		typed := typo(w[:5]) + w[5:]
		typed = typed[:5+rng.IntN(len(typed)-5)]
		if strings.HasPrefix(w, typed) {
			continue // not a typo after all
		}
		n++
		r, err := ix.Suggest(context.Background(), site.SearchRequest{Query: typed, Locale: "en", Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) == 0 {
			empty++
		}
		hit := false
		for _, h := range r.Hits {
			hit = hit || strings.Contains(strings.ToLower(h.Title), w)
		}
		if hit {
			found++
		} else if len(missed) < 10 {
			missed = append(missed, typed+" ("+w+")")
		}
	}
	t.Logf("%d prefixes with a typo: %d suggested nothing, the word meant in a top-3 title %d times (missed e.g. %s)",
		samples, empty, found, strings.Join(missed, ", "))
	if empty > samples/20 {
		t.Errorf("%d of %d prefixes with a typo suggested nothing; want at most 5%%", empty, samples)
	}
	if found < samples*3/4 {
		t.Errorf("the word meant was in a top-3 title %d times of %d; want at least 75%%", found, samples)
	}
}
