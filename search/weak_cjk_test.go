package search

import "testing"

// TestWeakResultsCountWordsNotChunks: a query word no article has counts
// against the results as a whole word in Japanese as in German, though
// Japanese is indexed in chunks of two ideographs: "除石灰 牛乳" (descaling,
// milk; no article mentions milk) found the descaling article as an
// answer, its word's two chunks (除石, 石灰) outweighing the one of 牛乳,
// while "Entkalken Milch" was called weak (related articles).
func TestWeakResultsCountWordsNotChunks(t *testing.T) {
	lib := helpLibrary("weak-cjk",
		art("descale", "de", "pflege", "Entkalken", "Alle zwei Monate entkalken.", nil,
			sec("", "", "Füllen Sie den Tank mit Entkalker und starten Sie das Entkalken.")),
		art("water", "de", "pflege", "Wassertank füllen", "Frisches Wasser.", nil,
			sec("", "", "Vor dem Entkalken den Wassertank leeren.")),
		art("descale", "ja", "pflege", "除石灰の方法", "二か月ごとに除石灰します。", nil,
			sec("", "", "タンクに除石灰剤を入れて除石灰を始めます。")),
		art("water", "ja", "pflege", "給水タンク", "新しい水を入れます。", nil,
			sec("", "", "除石灰の前にタンクを空にします。")),
	)
	lib.Config.DefaultLocale, lib.Config.Locales = "de", []string{"de", "ja"}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct {
		query, locale string
		weak          bool
	}{
		{"Entkalken Milch", "de", true},
		{"除石灰 牛乳", "ja", true},
		{"Entkalken", "de", false},
		{"除石灰", "ja", false},
		{"除石灰 タンク", "ja", false},
	} {
		r := search(t, ix, tt.query, tt.locale)
		if len(r.Hits) == 0 || r.Hits[0].ID != "descale" && tt.query != "除石灰 タンク" {
			t.Errorf("Search(%q) = %v, want descale first", tt.query, ids(r))
		}
		if r.Weak != tt.weak {
			t.Errorf("Search(%q).Weak = %v, want %v (hits %v)", tt.query, r.Weak, tt.weak, ids(r))
		}
	}
}
