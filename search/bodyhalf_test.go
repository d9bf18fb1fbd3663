package search

import (
	"fmt"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestEveryWordInBodyAnswers: an article that has every word of the query
// in its body has exactly half of what the query says, and answers it;
// however the words weigh, it is never called weak ("plazo reentrada",
// "version 4" were on one help center of 20 articles and not on others:
// the weighted halves added up to 0.49999…).
func TestEveryWordInBodyAnswers(t *testing.T) {
	for others := 0; others < 24; others++ {
		arts := []*site.Article{
			art("soil", "en", "help", "Soil test results", "Upload lab results.", nil,
				sec("", "", "The lab measures acidity; it also reports organic matter and magnesium.")),
		}
		for i := range others {
			text := "Nothing to add."
			switch i % 3 {
			case 0:
				text = "The lab sends its report by mail."
			case 1:
				text = "Magnesium shows in green."
			}
			arts = append(arts, art(fmt.Sprint("o", i), "en", "help", fmt.Sprint("Other topic ", i), "", nil, sec("", "", text)))
		}
		ix := buildLib(t, helpLibrary(fmt.Sprint("body-half-", others), arts...), "")
		for _, q := range []string{"acidity magnesium", "lab acidity", "organic magnesium", "lab magnesium acidity"} {
			r := search(t, ix, q, "en")
			if got := ids(r); len(got) == 0 || got[0] != "soil" || r.Weak {
				t.Errorf("%d other articles: Search(%q) = %v (weak %t), want soil answering", others, q, got, r.Weak)
			}
		}
	}
}
