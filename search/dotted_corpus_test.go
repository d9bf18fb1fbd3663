package search_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/testrun"
)

// dottedWord is a word of a title written with full stops: a file name
// ("Setup.exe", ".pst"), an API name ("Outlook.MailItem"), a script
// ("Export-ModernPublicFolderStatistics.ps1"), a version or code ("4.6",
// "5.7.64").
var dottedWord = regexp.MustCompile(`\.?[\p{L}\p{N}][\p{L}\p{N}_-]*(\.[\p{L}\p{N}][\p{L}\p{N}_-]*)*`)

// TestSuggestDottedCorpus types the titles of the Microsoft corpus that
// hold dotted words the way people type them: every prefix of the title
// that ends inside a dotted word ("Cannot use Setup.e", "Fix NDR error
// 5.7.", "…the .NET Framework 4."), and, in the part after the last full
// stop, with one typo ("…Statistics.psq"). Autocomplete must have the
// article among the first three suggestions most of the time; prefixes
// that many titles share ("Fix NDR error 5.", "O") cannot all have it.
// Before a full stop just typed was read as the middle of a dotted word
// and a typo in the part after it was forgiven: 453 of 585 prefixes
// ending after a full stop, 110 of 121 with a typo.
func TestSuggestDottedCorpus(t *testing.T) {
	testrun.SerialLater(t)
	if testing.Short() {
		t.Skip("corpus evaluation skipped in short mode")
	}
	needCorpus(t)
	ix, v := contentIndex(t, corpusDir)
	rng := rand.New(rand.NewPCG(2026, 12))
	type tally struct{ n, top3 int }
	var all, afterDot, typos tally
	var missed []string
	miss := func(q string) {
		if len(missed) < 12 {
			missed = append(missed, q)
		}
	}
	top3 := func(q, id string) bool {
		r, err := ix.Suggest(context.Background(), site.SearchRequest{Query: q, Locale: "en", Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range r.Hits {
			if h.ID == id {
				return true
			}
		}
		return false
	}
	titles := 0
	for _, a := range v.Lib.Articles {
		if a.Locale != "en" {
			continue
		}
		dotted := false
		for _, m := range dottedWord.FindAllStringIndex(a.Title, -1) {
			word := a.Title[m[0]:m[1]]
			if !strings.Contains(word, ".") {
				continue
			}
			dotted = true
			firstDot := m[0] + strings.IndexByte(word, '.')
			for end := m[0] + 1; end <= m[1]; end++ {
				q := a.Title[:end]
				if !strings.ContainsFunc(q, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
					continue // "." alone: nothing typed yet
				}
				ok := top3(q, a.ID)
				all.n++
				if end > firstDot {
					afterDot.n++
				}
				if ok {
					all.top3++
					if end > firstDot {
						afterDot.top3++
					}
				} else {
					miss(q)
				}
			}
			// One typo in the part being typed after the last full stop
			// ("…Statistics.psq"), each time two letters of it or more are
			// typed, in parts of three or more with a letter (numbers are
			// taken as typed).
			last := m[0] + strings.LastIndexByte(word, '.') + 1
			if last == m[0]+1 || m[1]-last < 3 || !strings.ContainsFunc(a.Title[last:m[1]], unicode.IsLetter) {
				continue
			}
			for end := last + 2; end <= m[1]; end++ {
				q := a.Title[:last] + typo(rng, a.Title[last:end])
				if strings.HasPrefix(a.Title, q) {
					continue
				}
				typos.n++
				if top3(q, a.ID) {
					typos.top3++
				} else {
					miss(q)
				}
			}
		}
		if dotted {
			titles++
		}
	}
	pct := func(x tally) string {
		return fmt.Sprintf("%d of %d (%.1f %%)", x.top3, x.n, 100*float64(x.top3)/float64(max(x.n, 1)))
	}
	t.Logf("%d titles with dotted words; prefixes ending inside one: article in the top 3 %s; of them ending after a full stop %s; with a typo after the last full stop %s (missed e.g. %q)",
		titles, pct(all), pct(afterDot), pct(typos), missed)
	if afterDot.top3*100 < afterDot.n*85 {
		t.Errorf("prefixes ending after a full stop: the article in the top 3 %s; want at least 85 %%", pct(afterDot))
	}
	if typos.top3*100 < typos.n*95 {
		t.Errorf("prefixes with a typo after the last full stop: the article in the top 3 %s; want at least 95 %%", pct(typos))
	}
}

// typo makes one typo in part, not in its first letter: a letter left
// out, two swapped, changed or added.
func typo(rng *rand.Rand, part string) string {
	rs := []rune(part)
	i := 1 + rng.IntN(len(rs)-1)
	c := rune('a' + rng.IntN(26))
	switch rng.IntN(4) {
	case 0:
		return string(rs[:i]) + string(rs[i+1:])
	case 1:
		if i+1 < len(rs) {
			return string(rs[:i]) + string(rs[i+1]) + string(rs[i]) + string(rs[i+2:])
		}
	case 2:
		return string(rs[:i]) + string(c) + string(rs[i+1:])
	}
	return string(rs[:i]) + string(c) + string(rs[i:])
}
