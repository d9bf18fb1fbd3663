package search

import (
	"slices"

	"github.com/blevesearch/bleve/v2/analysis"
)

// filterEnglishIrregular names englishIrregular in the registry.
const filterEnglishIrregular = "guichet_en_irregular"

// englishIrregular gives an English noun's irregular plural the term of its
// singular, and a verb's irregular past its base form (englishIrregularVerbs), which the Snowball stemmer leaves apart ("children" is
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

// englishIrregularVerbs maps the irregular past tenses and participles of
// the verbs customers write in questions to their base form, which the
// Snowball stemmer leaves apart ("paid" is "paid", "pay" "pay"): "I paid
// twice" finds "Pay an invoice", "reminders not sent" the article on what
// reminders it sends. Forms that are as often another word are left out:
// "left" (a side), "broke" and "broken" (adjectives), "stuck", "led"
// (LED), "won", "shot", "saw", "bit", "rose", "found" (found a company is
// rare, but "not found" names an error), "lit", "wound".
var englishIrregularVerbs = map[string]string{
	"paid": "pay", "overpaid": "overpay", "underpaid": "underpay", "prepaid": "prepay", "repaid": "repay",
	"sent": "send", "spent": "spend", "lent": "lend", "bent": "bend",
	"bought": "buy", "sold": "sell", "brought": "bring", "thought": "think", "caught": "catch", "taught": "teach",
	"fought": "fight", "sought": "seek",
	"forgot": "forget", "forgotten": "forget", "got": "get", "gotten": "get",
	"took": "take", "taken": "take", "made": "make", "gave": "give", "given": "give",
	"wrote": "write", "written": "write", "rewritten": "rewrite", "chose": "choose", "chosen": "choose",
	"stole": "steal", "stolen": "steal", "froze": "freeze", "frozen": "freeze",
	"lost": "lose", "came": "come", "began": "begin", "begun": "begin", "told": "tell", "held": "hold",
	"fell": "fall", "fallen": "fall", "hid": "hide", "hidden": "hide", "ran": "run",
	"drove": "drive", "driven": "drive", "rode": "ride", "ridden": "ride", "flew": "fly", "flown": "fly",
	"threw": "throw", "thrown": "throw", "grew": "grow", "grown": "grow", "knew": "know", "known": "know",
	"drew": "draw", "drawn": "draw", "withdrew": "withdraw", "withdrawn": "withdraw", "overdrawn": "overdraw",
	"wore": "wear", "worn": "wear", "tore": "tear", "torn": "tear", "woke": "wake", "woken": "wake",
	"understood": "understand", "stood": "stand", "meant": "mean", "felt": "feel", "dealt": "deal",
	"built": "build", "rebuilt": "rebuild", "hung": "hang", "fed": "feed", "met": "meet", "sat": "sit",
	"slept": "sleep", "spoke": "speak", "spoken": "speak", "rang": "ring", "rung": "ring",
	"undid": "undo", "undone": "undo",
}

func (englishIrregular) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if s, ok := englishIrregulars[string(t.Term)]; ok {
			t.Term = []byte(s)
		} else if s, ok := englishIrregularVerbs[string(t.Term)]; ok {
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
	for _, m := range []map[string]string{englishIrregulars, englishIrregularVerbs} {
		for pl, sg := range m {
			if a, b := head(sg), head(pl); a != b && !slices.Contains(hs, [2]string{a, b}) {
				hs = append(hs, [2]string{a, b})
			}
		}
	}
	return map[string][][2]string{"en": hs}
}()
