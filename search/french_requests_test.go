package search

import (
	"slices"
	"testing"
)

// TestFrenchRequestWords: the words a French customer wraps a request in
// ("être", "besoin", the conditional of pouvoir, vouloir, aimer) say
// nothing about the answer, as "be", "need", "could" and "would" in
// English: autocomplete still suggests the answer, and search does not
// call it weak.
func TestFrenchRequestWords(t *testing.T) {
	ix := buildLib(t, testLibrary(), "")
	for _, q := range []string{
		"je veux être remboursé",
		"etre rembourse",
		"j'aimerais être remboursé",
		"j'ai besoin d'un remboursement",
		"pourriez-vous me rembourser",
		"nous voudrions être remboursés",
	} {
		if r := suggest(t, ix, q, "fr"); len(r.Hits) == 0 || r.Hits[0].ID != "refund" || r.Hits[0].Locale != "fr" {
			t.Errorf("Suggest(%q) = %v, want the French refund article first", q, ids(r))
		}
		if r := search(t, ix, q, "fr"); len(r.Hits) == 0 || r.Hits[0].ID != "refund" || r.Weak {
			t.Errorf("Search(%q) = %v (weak %t), want the French refund article, an answer", q, ids(r), r.Weak)
		}
	}
}

// TestFrenchBodyPrefixDoubledLetters: the French stemmer writes body
// words with their doubled letters single ("commande" is "comand", "affiche"
// "afich"), so a word being typed with its double letters ("comm", "affi")
// is looked up in the body undoubled too, as it is from its fifth letter
// in titles.
func TestFrenchBodyPrefixDoubledLetters(t *testing.T) {
	ix := buildLib(t, testLibrary(), "")
	for _, q := range []string{"comm", "Comm"} { // "commande", "commandes"
		if r := suggest(t, ix, q, "fr"); len(r.Hits) != 2 || !slices.Contains(ids(r), "refund") || !slices.Contains(ids(r), "invoice") {
			t.Errorf("Suggest(%q) = %v, want the French refund and invoice articles, whose text has \"commande\"", q, ids(r))
		}
	}
	for _, q := range []string{"remboursement comm", "rest"} {
		if r := suggest(t, ix, q, "fr"); len(r.Hits) == 0 || r.Hits[0].ID != "refund" || r.Hits[0].Locale != "fr" {
			t.Errorf("Suggest(%q) = %v, want the French refund article", q, ids(r))
		}
	}
}
