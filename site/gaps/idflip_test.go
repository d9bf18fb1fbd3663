package gaps

import (
	"fmt"
	"testing"
	"time"
)

// rereadAnalyzer is plainAnalyzer with some words read as others: the
// content of the day reads a typo as the word it misspells.
type rereadAnalyzer struct {
	plainAnalyzer
	as map[string]string
}

func (a rereadAnalyzer) Analyze(locale, text string) Analysis {
	r := a.plainAnalyzer.Analyze(locale, text)
	for i, w := range r.Words {
		if t, ok := a.as[w.Plain]; ok {
			r.Words[i].Term, r.Terms[i] = t, t
		}
	}
	return r
}

// TestRegroupedGapKeepsItsID: a French gap held "carte cadeau", "cartes
// cadeaux", "bon cadeau", "offrir une box" and the typo "carte cadau". An
// article answered it, and the typo (whose own search did not find it)
// split off as its own answered gap; both decisions were saved at the
// same time. The article went back to draft: the typo read as "carte
// cadeau" again and the gap regrouped, but under the typo's ID, the
// smaller: both decisions held the meaning key (the typo's by its text,
// read with the content of the day), the tie went to the smaller ID, and
// the key alone gave it every phrasing. Each phrasing belongs first to
// the decision holding its text (a newcomer's finding).
func TestRegroupedGapKeepsItsID(t *testing.T) {
	an := rereadAnalyzer{as: map[string]string{"cards": "card", "crad": "card"}}
	var in []Record
	add := func(q string, visitors int) {
		for i := range visitors {
			in = append(in, rec(q, fmt.Sprintf("%s/%d", q, i), 0, false, time.Duration(len(in)+1)*time.Hour))
		}
	}
	add("gift card", 4)
	add("gift cards", 1)
	add("gift crad", 1)
	if rep := Group(in, an, nil, Options{Now: now}); len(rep.Gaps) != 1 || len(rep.Gaps[0].Variants) != 3 {
		t.Fatalf("gaps %v, want the three phrasings in one gap", summary(rep))
	}
	answered := now.Add(-30 * time.Minute)
	big := makeID(KindSearch, "en", idKey(KindSearch, "gift card"))
	typo := makeID(KindSearch, "en", idKey(KindSearch, "gift crad"))
	// Whichever ID is the smaller: the tie of Updated must not decide.
	for _, ids := range [][2]string{{big, typo}, {typo, big}} {
		large := Decision{ID: ids[0], Kind: KindSearch, Locale: "en", AnsweredAt: &answered, AnsweredBy: "gift-cards",
			Keys: []string{"card gift", textMark + "gift card", textMark + "gift cards"}, Updated: answered}
		// The typo's meaning key as the content read it when it split off.
		small := Decision{ID: ids[1], Kind: KindSearch, Locale: "en", AnsweredAt: &answered, AnsweredBy: "gift-cards",
			Keys: []string{"crad gift", textMark + "gift crad"}, Updated: answered}
		for _, order := range [][]Decision{{large, small}, {small, large}} {
			rep := Group(in, an, order, Options{Now: now})
			if len(rep.Gaps) != 1 || len(rep.Gaps[0].Variants) != 3 {
				t.Fatalf("gaps %v, want the three phrasings in one gap", summary(rep))
			}
			if got := rep.Gaps[0].ID; got != large.ID {
				t.Errorf("regrouped gap %s, want %s, the decision holding most of its phrasings (not %s, the typo's)", got, large.ID, small.ID)
			}
		}
	}
}
