package search

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/guichet/guichet/site/i18n"
)

// Verb forms of the Romance languages. bleve's light stemmers leave a
// verb's forms apart: in French "rendre" is "rendr", "rends" and "rend"
// are "rend", "rendez" stays; in Spanish, Italian and Portuguese the
// infinitive the titles write stays whole ("cancelar", "annullar") while
// the forms customers type lose their ending ("cancelo", "annullo",
// "altero": "cancel", "annull", "alter"), and a Spanish verb's stressed
// vowel changes ("devuelvo" of "devolver", "cierro" of "cerrar"). A query
// word no article has is also searched as the forms of the same verb the
// content writes: its ending (of the present, past, imperfect, future,
// gerund or participle) is taken off and the infinitives (and, in French,
// common forms) of the root are analysed; those the vocabulary holds are
// the word's forms (formFactor), and it is then not corrected into
// another word ("comment je rends le vélo" was read as "rendu", a
// participle of another article, and "rends" found "Rendre le vélo" only
// as related; "¿cómo cambio la suscripción?" answered "Cancelar la
// suscripción" first, both weakly).

// verbRules are a language's verb endings, as folded words write them.
type verbRules struct {
	// endings are taken off a word, longest first.
	endings []string
	// forms are the endings tried on a root: the infinitives first.
	forms []string
	// infinitives is how many of forms are infinitives.
	infinitives int
	// erEndings (French) are the endings of an -er verb's forms: a word
	// ending so may be such a form even where the stemmer cuts the
	// infinitive to its root ("louer" is "lou").
	erEndings map[string]bool
	// rootTerm: the stemmer cuts the forms the content writes ("cancela",
	// "annulla") to the root an infinitive typed has ("cancelar"): that
	// root's term is the verb's when the word typed is an infinitive.
	rootTerm bool
	// changes are a root's vowel and spelling changes, as its infinitive
	// writes them (Spanish "ue" of "devuelvo" is the "o" of "devolver").
	changes [][2]string
	// participle (German "ge") opens a participle, after one of
	// particles when the verb has one ("zurückgegeben" of
	// "zurückgeben"): a root is also tried without it.
	participle string
	particles  []string
	// rootIsTerm: the stemmer cuts the infinitive to its root, or shorter
	// ("buchen" is "buch", "stornieren" "storni"), and that term is the
	// verb's (of four letters or more).
	rootIsTerm bool
	// strong are the past roots of strong verbs, whose vowel changes, and
	// their present roots, as a root ends ("zog" of "gezogen" and
	// "umgezogen" is the "zieh" of "ziehen", "umziehen"; "verlor" the
	// "verlier" of "verlieren"): a root ending so is also tried with the
	// present's.
	strong [][2]string
}

var verbLanguages = map[string]*verbRules{
	"fr": {
		endings: endingList(`eraient iraient erions eriez erons eront aient erais erait irais irait
			erai eras erez ions iez ons ent ais ait era ira rez oir ez es ee ie is it us ue er ir re e s t u i`),
		// Infinitives, then the forms help articles write most (imperative,
		// present plural); endings nouns share ("s", "e") are not tried, so
		// "cadenat" is a typo of "cadenas", not a form of it.
		forms:       strings.Fields(`er ir re oir ez ons ent`),
		infinitives: 4,
		// "s" and "t", which nouns end with ("cadenat"), are not among them.
		erEndings: endingSet(`e es ent ez ons ions iez ee ais ait aient era erons eront erai eras erez
			erais erait eraient erions eriez`),
	},
	"es": {
		endings: endingList(`o as a amos ais an e es emos eis en imos is aste asteis aron i iste isteis ieron io
			aba abas abamos abais aban ia ias iamos iais ian
			are aras ara aremos areis aran ere eras era eremos ereis eran ire iras ira iremos ireis iran
			aria arias ariamos ariais arian eria erias eriamos erian iria irias iriamos irian
			iera ieras ieramos ieran ase ases asen iese iesen
			ando iendo yendo ado ada ados adas ido ida idos idas ar er ir
			acion aciones amiento amientos imiento imientos`),
		forms:       strings.Fields(`ar er ir`),
		infinitives: 3,
		rootTerm:    true,
		// Stressed vowels (devuelvo, cierro, juego, pido) and the spellings
		// of a consonant before "e" (busqué, pagué) or "o" (conozco).
		changes: [][2]string{{"ue", "o"}, {"ie", "e"}, {"ue", "u"}, {"i", "e"}, {"qu", "c"}, {"gu", "g"}, {"zc", "c"}},
	},
	"pt": {
		endings: endingList(`o as a amos ais am e es emos eis em imos is ei aste ou astes aram i este eu estes eram iu istes iram
			ava avas avamos aveis avam ia ias iamos ieis iam
			arei aras ara aremos areis arao erei eras era eremos erao irei iras ira iremos irao
			aria arias ariamos ariam eria erias eriam iria irias iriam
			asse assem esse essem isse issem
			ando endo indo ado ada ados adas ido ida idos idas ar er ir
			acao acoes amento amentos imento imentos`),
		forms:       strings.Fields(`ar er ir`),
		infinitives: 3,
		rootTerm:    true,
		// A consonant's spelling before "e" (busquei, paguei).
		changes: [][2]string{{"qu", "c"}, {"gu", "g"}},
	},
	"de": {
		// Participles ("gebucht", "storniert", "geöffnet", "gegeben"),
		// the past ("buchte", "öffnete"), the present ("bucht") and the
		// nouns made of a verb ("Stornierung", "Stornierungen").
		endings:     endingList(`ungen ung ten tet te et est st t en end`),
		forms:       strings.Fields(`en n`),
		infinitives: 2,
		participle:  "ge",
		particles:   strings.Fields(`ab an auf aus bei durch ein fest her hin los mit nach um vor weg zu zuruck zusammen`),
		rootIsTerm:  true,
		// The strong verbs of help questions, participle or past, folded:
		// umgezogen, verloren, überwiesen, abgebrochen, gestohlen,
		// angenommen, abgeschlossen, verschoben, angeboten, gebracht,
		// verstanden, gefunden, ausgestiegen…
		strong: rootPairs(`zog:zieh schrieb:schreib fund:find fand:find stohl:stehl stahl:stehl
			broch:brech brach:brech nomm:nehm nahm:nehm schloss:schliess lor:lier schob:schieb
			bot:biet bracht:bring dacht:denk worf:werf warf:werf holf:helf half:helf sproch:sprech
			sprach:sprech troff:treff traf:treff stand:steh gonn:ginn gann:ginn wonn:winn wann:winn
			flog:flieg bog:bieg hob:heb litt:leid schnitt:schneid strich:streich sprung:spring
			sprang:spring bund:bind band:bind pfohl:pfehl wies:weis rief:ruf lief:lauf fiel:fall
			hielt:halt liess:lass schien:schein blieb:bleib stieg:steig griff:greif trieb:treib
			riss:reiss`),
	},
	"nl": {
		// Participles ("geparkeerd", "verzekerd", "opgezegd"), the past
		// ("parkeerde", "betaalden"), the present ("parkeert") and the
		// nouns made of a verb ("betaling", "verzekeringen"), as German's.
		// Besides the infinitive, a root is tried as the participle the
		// content may write ("verzekerd" for "verzekering").
		endings:     endingList(`ingen ing den ten de te d t`),
		forms:       strings.Fields(`en d t`),
		infinitives: 1,
		participle:  "ge",
		particles:   strings.Fields(`aan af bij door in mee na om op over terug toe uit voor weg`),
		rootIsTerm:  true,
		// A vowel the spelling doubles in a closed syllable ("parkeer",
		// "betaal") is single in the infinitive ("parkeren", "betalen").
		changes: [][2]string{{"ee", "e"}, {"aa", "a"}, {"oo", "o"}, {"uu", "u"}},
	},
	"it": {
		endings: endingList(`o i a iamo ate ete ite ano ono isco isci isce iscono
			ai asti ammo aste arono ei esti emmo este erono ii isti immo iste irono
			avo avi ava avamo avate avano evo evi eva evamo evano ivo ivi iva ivamo ivano
			ero erai era eremo erete eranno iro irai ira iremo irete iranno
			erei eresti erebbe eremmo ereste erebbero irei irebbe
			ando endo ato ata ati uto uta uti ito ita iti are ere ire
			azione azioni amento amenti imento imenti`),
		forms:       strings.Fields(`are ere ire`),
		infinitives: 3,
		rootTerm:    true,
		// A hard "c" or "g" kept before "e" ("cercherò" of "cercare").
		changes: [][2]string{{"ch", "c"}, {"gh", "g"}},
	},
}

// endingList returns the fields of s, longest first.
func endingList(s string) []string {
	out := strings.Fields(s)
	slices.SortStableFunc(out, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return slices.Compact(out)
}

// rootPairs returns the fields of s, each "past:present", as pairs.
func rootPairs(s string) [][2]string {
	var out [][2]string
	for _, f := range strings.Fields(s) {
		past, present, _ := strings.Cut(f, ":")
		out = append(out, [2]string{past, present})
	}
	return out
}

// endingSet returns the fields of s as a set.
func endingSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// maxVerbForms is the most forms a word is searched as.
const maxVerbForms = 3

// verbForms returns the terms of the vocabulary that are other forms of
// the verb plain (folded, as typed; stem its term) is a form of, at most
// maxVerbForms; nil in a language without verbRules or when none is
// found. known says the vocabulary holds stem: then only in the
// languages whose stemmers keep the infinitive whole (rootTerm), where a
// verb the content writes in one form ("devuelve") may be written in
// another too ("Devolver un paraguas").
func (li *localeIndex) verbForms(plain, stem string, known bool) []string {
	rules := verbLanguages[i18n.Language(li.locale)]
	if rules == nil || known && !rules.rootTerm || utf8.RuneCountInString(plain) < 4 || hasDigit(plain) {
		return nil
	}
	if f, ok := li.verbs.get(plain); ok {
		return f
	}
	f := li.findVerbForms(rules, plain, stem)
	if known {
		// A word the content writes is read as another form of a verb
		// only where a title, keyword or heading writes that form
		// ("Devolver un paraguas" for "devuelvo"): "cuenta" (an account)
		// is no "contar" a body writes ("puedes contar con…").
		f = slices.DeleteFunc(f, func(t string) bool {
			return !li.titled(t)
		})
	}
	li.verbs.put(plain, f, maxTypoCache)
	return f
}

// findVerbForms is verbForms, not remembered.
func (li *localeIndex) findVerbForms(rules *verbRules, plain, stem string) []string {
	var out []string
	seen := map[string]bool{stem: true}
	roots := []string{plain}
	erRoot := map[string]bool{}     // roots of a form of an -er verb (French)
	infinitive := map[string]bool{} // roots of the infinitive typed
	participle := map[string]bool{} // roots a participle's "ge" and ending were cut from
	for _, e := range rules.endings {
		r, ok := strings.CutSuffix(plain, e)
		if !ok || utf8.RuneCountInString(r) < 3 {
			continue
		}
		roots = append(roots, r)
		erRoot[r] = erRoot[r] || rules.erEndings[e]
		infinitive[r] = infinitive[r] || slices.Contains(rules.forms[:rules.infinitives], e)
		for _, c := range rules.changes {
			if k := strings.LastIndex(r, c[0]); k > 0 && c[0] != c[1] {
				roots = append(roots, r[:k]+c[1]+r[k+len(c[0]):])
			}
		}
		if ge := rules.participle; ge != "" {
			if rest, ok := strings.CutPrefix(r, ge); ok && utf8.RuneCountInString(rest) >= 3 {
				roots = append(roots, rest)
				infinitive[rest] = infinitive[rest] || infinitive[r]
				participle[rest] = true
				for _, c := range rules.changes {
					// The participle's root spelled as its infinitive
					// writes it (Dutch "geparkeerd": "parker").
					if k := strings.LastIndex(rest, c[0]); k > 0 && c[0] != c[1] {
						changed := rest[:k] + c[1] + rest[k+len(c[0]):]
						roots = append(roots, changed)
						participle[changed] = true
					}
				}
			}
			for _, p := range rules.particles {
				if rest, ok := strings.CutPrefix(r, p+ge); ok && utf8.RuneCountInString(rest) >= 2 {
					roots = append(roots, p+rest)
				}
			}
		}
	}
	for _, r := range roots {
		for _, c := range rules.strong {
			if base, ok := strings.CutSuffix(r, c[0]); ok {
				present := base + c[1]
				roots = append(roots, present)
				participle[present] = participle[r]
			}
		}
	}
	add := func(t string) bool {
		if seen[t] || li.vocab[t] == 0 {
			return false
		}
		seen[t] = true
		out = append(out, t)
		return len(out) == maxVerbForms
	}
	for i, root := range roots {
		if rules.rootTerm && infinitive[root] {
			// "cancelar" typed where the content writes "cancela": the
			// root's term ("cancel") is the verb's.
			if toks := li.an.text.Analyze([]byte(root)); len(toks) == 1 && string(toks[0].Term) == root && add(root) {
				return out
			} else if len(toks) == 1 && string(toks[0].Term) != root {
				// The stemmer cuts the root of an Italian verb in -iare
				// ("cambi" of "cambiare" is "camb") as it cuts the form
				// a title writes ("Cambia la tua carta"): the term the
				// root shares with that form is the verb's.
				t := string(toks[0].Term)
				if f := li.an.text.Analyze([]byte(root + "a")); len(f) == 1 && string(f[0].Term) == t && add(t) {
					return out
				}
			}
		}
		if rules.rootTerm && i > 0 && !infinitive[root] && li.vocab[stem] == 0 && utf8.RuneCountInString(root) >= 4 {
			// Another form no article writes, typed where a title writes
			// the imperative ("troquei" for "Troque seu cartão"): the
			// root's term, when a title, keyword or heading has it (a
			// word the content writes, "posta", is no form of "posto").
			if toks := li.an.text.Analyze([]byte(root)); len(toks) == 1 && string(toks[0].Term) == root &&
				li.titled(root) && add(root) {
				return out
			}
		}
		for k, f := range rules.forms {
			if i == 0 && k >= rules.infinitives {
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
			// term "cadena" "cadenaer" would also give). But the French
			// stemmer cuts an -er infinitive to its root ("louer" is
			// "lou", "garer" "gar") and keeps a short present ("loue",
			// "gare") or a future ("louerons"): that root is the verb's
			// when the word has an -er verb's ending.
			// A participle's "ge" and ending say a verb was typed: its
			// root of three letters is the verb's ("geladen" of "laden",
			// "lad"), which a typo on the stem had made "Geld" (rv20f).
			t := string(toks[0].Term)
			short := 4
			if participle[root] {
				short = 3
			}
			if len(t) <= len(root) && !(f == "er" && erRoot[root] && t == root) && !(rules.rootIsTerm && k < rules.infinitives && strings.HasPrefix(root, t) && utf8.RuneCountInString(t) >= short) {
				continue
			}
			if add(t) {
				return out
			}
		}
	}
	return out
}

// titled reports whether a title, keywords or a heading of the locale's
// articles hold term: a word the writers chose to name a topic by, not one
// of a body's sentences ("please contact us").
func (li *localeIndex) titled(term string) bool {
	return li.counts.has(fieldTitle, term) || li.counts.has(fieldKeywords, term) || li.counts.has(fieldMore, term)
}
