package search

import (
	"slices"

	"github.com/blevesearch/bleve/v2/analysis"
)

// filterEnglishIrregular names englishIrregular in the registry.
const filterEnglishIrregular = "guichet_en_irregular"

// englishIrregular gives an English noun's irregular plural the term of its
// singular, which the Snowball stemmer leaves apart ("children" is
// "children", "child" "child"): "children tickets" finds "Child tickets",
// and a failed search for "kids teeth" joins one for "tooth". Only the
// closed list of English irregular plurals (Latin and Greek ones too,
// "criteria", "analyses"); a plural in -ves that is also a verb ("leaves",
// "lives") stays as it is. It runs before the stemmer.
type englishIrregular struct{}

// englishIrregulars maps irregular plurals to their singular.
var englishIrregulars = map[string]string{
	"children": "child", "men": "man", "women": "woman", "people": "person", "feet": "foot", "teeth": "tooth",
	"geese": "goose", "mice": "mouse", "oxen": "ox", "knives": "knife", "wives": "wife", "halves": "half",
	"shelves": "shelf", "thieves": "thief", "wolves": "wolf", "calves": "calf", "loaves": "loaf", "scarves": "scarf",
	"criteria": "criterion", "phenomena": "phenomenon", "analyses": "analysis", "crises": "crisis",
	"diagnoses": "diagnosis", "hypotheses": "hypothesis", "indices": "index", "appendices": "appendix",
	"matrices": "matrix", "vertices": "vertex",
}

func (englishIrregular) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if s, ok := englishIrregulars[string(t.Term)]; ok {
			t.Term = []byte(s)
		}
	}
	return input
}

// irregularHeads gives, by language, the first letters of a singular and of
// its irregular plural where they differ ({"mo", "mi"}: "mouse", "mice"),
// for the highlighter's screen of words (see matcher.heads).
var irregularHeads = func() map[string][][2]string {
	var hs [][2]string
	for pl, sg := range englishIrregulars {
		if a, b := head(sg), head(pl); a != b && !slices.Contains(hs, [2]string{a, b}) {
			hs = append(hs, [2]string{a, b})
		}
	}
	return map[string][][2]string{"en": hs}
}()
