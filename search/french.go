package search

import (
	"strings"
	"unicode/utf8"

	"github.com/guichet/guichet/site/i18n"
)

// French verb forms. bleve's French light stemmer leaves a verb's forms
// apart: "rendre" is "rendr", "rends" and "rend" are "rend", "rendez"
// stays; "ouvre" is "ouvr", "ouvrir" "ouvri". A French query word no
// article has is also searched as the forms of the same verb the content
// writes: its ending (of the present, imperfect, future or past
// participle) is taken off and the infinitives and common forms of the
// root are analysed; those the vocabulary holds are the word's forms
// (formFactor), and it is then not corrected into another word ("comment
// je rends le vélo" was read as "rendu", a participle of another article,
// and "rends" found "Rendre le vélo" only as related).

// frenchEndings are the verb endings taken off a word, longest first.
var frenchEndings = []string{
	"eraient", "iraient", "erions", "eriez", "erons", "eront", "aient", "erais", "erait", "irais", "irait",
	"erai", "eras", "erez", "ions", "iez", "ons", "ent", "ais", "ait", "era", "ira", "rez", "oir", "ez", "es", "ee", "ie", "is", "it", "us", "ue",
	"er", "ir", "re", "e", "s", "t", "u", "i",
}

// frenchForms are the endings tried on a root: infinitives, then the
// forms help articles write most (imperative, present plural); endings
// nouns share ("s", "e") are not tried, so "cadenat" is a typo of
// "cadenas", not a form of it.
var frenchForms = []string{"er", "ir", "re", "oir", "ez", "ons", "ent"}

// erEndings are the endings of frenchEndings an -er verb's forms have
// (present, imperfect, future, participle): a word ending so may be such
// a form even where the stemmer cuts the infinitive to its root. "s" and
// "t", which nouns end with ("cadenat"), are not among them.
var erEndings = map[string]bool{
	"e": true, "es": true, "ent": true, "ez": true, "ons": true, "ions": true, "iez": true, "ee": true,
	"ais": true, "ait": true, "aient": true, "era": true, "erons": true, "eront": true, "erai": true, "eras": true, "erez": true,
	"erais": true, "erait": true, "eraient": true, "erions": true, "eriez": true,
}

// frenchInfinitives is how many of frenchForms are infinitives.
const frenchInfinitives = 4

// maxVerbForms is the most forms a word is searched as.
const maxVerbForms = 3

// verbForms returns the terms of the vocabulary that are other forms of
// the French verb plain (folded, as typed) is a form of, at most
// maxVerbForms; nil in another language or when none is found.
func (li *localeIndex) verbForms(plain, stem string) []string {
	if i18n.Language(li.locale) != "fr" || utf8.RuneCountInString(plain) < 4 || hasDigit(plain) {
		return nil
	}
	var out []string
	seen := map[string]bool{stem: true}
	roots := []string{plain}
	erRoot := map[string]bool{} // roots of a form of an -er verb
	for _, e := range frenchEndings {
		if r, ok := strings.CutSuffix(plain, e); ok && utf8.RuneCountInString(r) >= 3 {
			roots = append(roots, r)
			erRoot[r] = erRoot[r] || erEndings[e]
		}
	}
	for i, root := range roots {
		for k, f := range frenchForms {
			if i == 0 && k >= frenchInfinitives {
				// The word typed whole is the root of an infinitive only
				// ("rend" of "rendre", "sort" of "sortir"), never of other
				// forms: "signal", a noun, is no "signalez".
				continue
			}
			toks := li.an.text.Analyze([]byte(root + f))
			if len(toks) != 1 {
				continue
			}
			// The form's term keeps more than the root: the root alone is
			// as often a noun's ("cadenat" is a typo of "cadenas", whose
			// term "cadena" "cadenaer" would also give). But the stemmer
			// cuts an -er infinitive to its root ("louer" is "lou",
			// "garer" "gar") and keeps a short present ("loue", "gare")
			// or a future ("louerons"): that root is the verb's when the
			// word has an -er verb's ending.
			t := string(toks[0].Term)
			infinitive := f == "er" && erRoot[root] && t == root
			if seen[t] || li.vocab[t] == 0 || len(t) <= len(root) && !infinitive {
				continue
			}
			seen[t] = true
			if out = append(out, t); len(out) == maxVerbForms {
				return out
			}
		}
	}
	return out
}
