package search

import (
	"strings"
	"testing"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"

	"github.com/guichet/guichet/site/textnorm"
)

// TestFoldAgreesWithBleve checks that the one text normalisation folds
// every letter and digit of Latin-1 Supplement, Latin Extended-A and
// Latin Extended-B as bleve's asciifolding char filter (Lucene's
// ASCIIFoldingFilter) does, so the index, queries, highlighting and the
// gap report keep agreeing with what bleve users expect. (The ordinal
// indicators ª and º stay as in Lucene.) Symbols and punctuation may
// differ: the tokenizer drops them either way.
func TestFoldAgreesWithBleve(t *testing.T) {
	bleveFold := asciifolding.New()
	checked := 0
	for r := rune(0xA0); r <= 0x24F; r++ {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			continue
		}
		want := strings.ToLower(string(bleveFold.Filter([]byte(string(r)))))
		got := textnorm.Fold(string(r))
		if unicode.IsNumber(r) {
			// "¼" is "1/4" for Lucene and "1⁄4" (fraction slash) for
			// Unicode: the same digits.
			want, got = digits(want), digits(got)
		}
		if got != want {
			t.Errorf("%U %q: textnorm.Fold = %q, bleve asciifolding = %q", r, string(r), got, want)
		}
		checked++
	}
	if checked < 400 {
		t.Fatalf("only %d runes checked", checked)
	}
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// TestIndexUsesTheOneFolding checks that the analyzers fold through
// textnorm: a word and its folded form are the same term, ligatures and
// letters bleve's old table did not know included.
func TestIndexUsesTheOneFolding(t *testing.T) {
	for _, locale := range []string{"en", "fr", "de"} {
		m, err := newMapping(locale)
		if err != nil {
			t.Fatal(err)
		}
		an, err := loadAnalyzers(m)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"Œuvre", "Straße", "Łódź", "Ærø", "ﬁlm", "Ｗｉｆｉ", "pass\u00ADword", "cafe\u0301"} {
			got := terms(an.plain.Analyze([]byte(w)))
			want := terms(an.plain.Analyze([]byte(textnorm.Fold(w))))
			if strings.Join(got, " ") != strings.Join(want, " ") || len(got) != 1 || got[0] != textnorm.Fold(w) {
				t.Errorf("%s: %q → %v, its fold %q → %v", locale, w, got, textnorm.Fold(w), want)
			}
		}
	}
}

func terms(toks analysis.TokenStream) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = string(t.Term)
	}
	return out
}
