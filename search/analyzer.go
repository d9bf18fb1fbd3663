package search

import (
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// Analyzer reads text the way the index of each locale reads queries (case,
// accents, elision, stop words, stemming), replaces the runs of words equal
// to an entry of a synonyms.yaml group with that group's token, and tells
// how widespread a term is in the content. It is safe for concurrent use.
// It implements gaps.Analyzer: failed searches are grouped by the words
// search sees in them, never corrected toward the content's vocabulary.
type Analyzer struct {
	defaultLocale string
	locales       map[string]*queryReader
}

var (
	_ gaps.Analyzer   = (*Analyzer)(nil)
	_ gaps.VerbFormer = (*Analyzer)(nil)
)

// queryReader is the analysis of one locale.
type queryReader struct {
	an       analyzers
	synonyms []synGroup
	// vocab counts the articles holding each term (see localeIndex);
	// docs is the number of articles.
	vocab map[string]int
	docs  int
	// codeLetters reports whether the content writes codes of these
	// letters (see spacedCode); nil for none.
	codeLetters func(letters string) bool
	// post makes the text analysis's terms of the plain analysis's
	// tokens (nil: both are run).
	post *postTerms
	// lettered maps the digits of the codes the content writes ("7" of
	// "e07") to those codes (see letteredCode).
	lettered map[string][]string
	// tokens counts, for each synonym group's token, the articles
	// holding its most widespread entry.
	tokens map[string]int
	// verbForms is the index's localeIndex.verbForms (nil: none).
	verbForms func(plain, stem string, known bool) []string
}

// synGroup is one synonyms.yaml group: its entries analysed, and the token
// that stands for any of them.
type synGroup struct {
	token   string
	entries []synEntry
}

// Analyzer returns the analysis the index uses, with its synonyms.
func (ix *Index) Analyzer() *Analyzer {
	a := &Analyzer{defaultLocale: ix.defaultLocale, locales: map[string]*queryReader{}}
	for loc, li := range ix.locales {
		r := newQueryReader(li.an, ix.view.Lib.Synonyms[loc])
		r.vocab, r.docs, r.codeLetters, r.verbForms = li.vocab, len(li.docs), li.writesCodeLetters, li.verbForms
		r.lettered = letteredCodes(li.vocab)
		for _, g := range r.synonyms {
			for _, e := range g.entries {
				n := -1
				for _, t := range e.terms {
					if n < 0 || li.vocab[t] < n {
						n = li.vocab[t] // a phrase is in no more articles than its rarest word
					}
				}
				r.tokens[g.token] = max(r.tokens[g.token], n)
			}
		}
		a.locales[loc] = r
	}
	return a
}

func newQueryReader(an analyzers, groups [][]string) *queryReader {
	r := &queryReader{an: an, tokens: map[string]int{}, post: newPostTerms(an.plain, an.text)}
	for _, g := range groups {
		var sg synGroup
		for _, s := range g {
			if e := analyzeSynEntry(an, s); len(e.terms) > 0 {
				sg.entries = append(sg.entries, e)
			}
		}
		if len(sg.entries) > 1 {
			// The first entry names the group: writers add synonyms at
			// the end, so the token (and the gaps keyed on it) stays.
			sg.token = "~" + strings.Join(sg.entries[0].terms, "_")
			r.synonyms = append(r.synonyms, sg)
		}
	}
	return r
}

// VerbForms returns the terms the content writes for other forms of the
// verb that word (folded, as typed; term its analysed term) is a form of,
// as search reads a query word ("cambiare" is "camb", the term of the
// "cambio" an article writes): gaps.VerbFormer. Nil in a language without
// verb rules, or when none is found.
func (a *Analyzer) VerbForms(locale, word, term string) []string {
	r := a.locales[locale]
	if r == nil {
		r = a.locales[a.defaultLocale]
	}
	if r == nil || r.verbForms == nil {
		return nil
	}
	return r.verbForms(word, term, r.vocab[term] > 0)
}

// Analyze returns the words of text as locale's index reads them, and its
// terms: the words' stems in order, stop words left out, each run of words
// equal to a synonym entry replaced by its group's token (the longest run
// wins). An unknown locale is read as the default one.
func (a *Analyzer) Analyze(locale, text string) gaps.Analysis {
	r := a.locales[locale]
	if r == nil {
		r = a.locales[a.defaultLocale]
	}
	if r == nil {
		return gaps.Analysis{}
	}
	// Words are the parts of a hyphenated compound; its joined word
	// (a shingle) is kept aside.
	var out gaps.Analysis
	keys := []string{}
	var at []span
	var joins []joinedWord
	plain := r.an.plain.Analyze([]byte(text))
	var stems map[span]string
	if r.post == nil {
		stems = map[span]string{}
		for _, t := range r.an.text.Analyze([]byte(text)) {
			if t.Type == analysis.Shingle {
				joins = append(joins, joinedWord{span{t.Start, t.End}, string(t.Term)})
				continue
			}
			stems[span{t.Start, t.End}] = string(t.Term)
		}
	}
	for _, t := range plain {
		s := span{t.Start, t.End}
		if t.Type == analysis.Shingle {
			if r.post != nil {
				if stem := r.post.term(t); stem != "" {
					joins = append(joins, joinedWord{s, stem})
				}
			}
			continue
		}
		w := gaps.Word{Plain: string(t.Term)}
		if r.post != nil {
			w.Term = r.post.term(t)
		} else {
			w.Term = stems[s]
		}
		if p := paddedCode(r.vocab, w.Term); p != "" {
			w.Term = p // "E7" is the "E07" the articles write, as search reads it
		} else if u := unpaddedCode(w.Term); u != "" && r.vocab[w.Term] == 0 {
			w.Term = u // "E09" and "E9" are one code no article writes
		}
		out.Words = append(out.Words, w)
		at = append(at, s)
		keys = append(keys, wordKey(word{plain: w.Plain, stem: w.Term}))
	}
	comps := r.compounds(out.Words, at, joins)
	// A word that only announces the code next to it ("error", "code",
	// "Fehler" before "E45") is no term: "code erreur E45", "Erreur E45"
	// and "E45" ask one thing. Codes of letters and digits (paddedCode's)
	// or by their shape (site.CodeShaped: "0x80070005"): "error 1935"
	// keeps its word, a number alone being no code.
	plains := make([]string, len(out.Words))
	for i, w := range out.Words {
		plains[i] = w.Plain
	}
	// A number a code word announces is the code the content writes with
	// those digits ("codice 33", "error 7" for the "E-33", "E-07" an
	// article writes), as search answers it: one gap with "E-33", and
	// answered by that code's article.
	for i := range out.Words {
		if w := &out.Words[i]; isNumber(w.Plain) && site.CodeAt(plains, i) {
			if c := r.letteredCode(w.Term); c != "" {
				w.Term = c
			}
		}
	}
	inCode := map[int]bool{}
	for first, c := range comps {
		if _, _, ok := codeParts(c.stem); ok && c.n == 2 {
			inCode[first], inCode[first+1] = true, true
		}
	}
	announces := func(i int) bool {
		return nextToCode(plains, i, func(j int) bool {
			_, _, code := codeParts(out.Words[j].Term)
			return code || site.CodeShaped(plains[j]) || inCode[j]
		})
	}
	for i := 0; i < len(out.Words); {
		token, n := r.synonymAt(keys, plains, i)
		c, isComp := comps[i]
		switch {
		case n > 0:
			out.Terms = append(out.Terms, token)
			for k := i; k < i+n; k++ {
				out.Words[k].Synonym = true
			}
			i += n
		case isComp:
			out.Terms = append(out.Terms, c.stem)
			i += c.n
		default:
			if t := out.Words[i].Term; t != "" && !announces(i) {
				out.Terms = append(out.Terms, t)
			}
			i++
		}
	}
	return out
}

// letteredCode returns the one code the content writes whose digits are
// the number n ("e33" for "33", "e07" for "7" where an article writes
// "E-07"), or "" when it writes none or several ("E-07" and "P-07").
func (r *queryReader) letteredCode(n string) string {
	core := strings.TrimLeft(n, "0")
	if cs := r.lettered[core]; len(cs) == 1 {
		return cs[0]
	}
	return ""
}

// letteredCodes maps the digits of each code of vocab (letters, then
// digits: codeParts; not a version, "v2") to the codes.
func letteredCodes(vocab map[string]int) map[string][]string {
	out := map[string][]string{}
	for t := range vocab {
		// "v2" is a version, not a code an error number names.
		if letters, core, ok := codeParts(t); ok && letters > 0 && t[:letters] != "v" {
			out[core] = append(out[core], t)
		}
	}
	return out
}

// compounds finds the runs of words the content writes as one word, by the
// index of their first word: a hyphenated compound whose joined word the
// content has ("wi-fi" where articles say "wifi"), and two words in a row
// whose joined word it has ("wi fi", "e mail"), as search reads them. The
// joined word (its stem) then stands for the run, so every spelling of a
// compound gives one term.
func (r *queryReader) compounds(words []gaps.Word, at []span, joins []joinedWord) map[int]compoundRun {
	var out map[int]compoundRun
	add := func(first, n int, stem string) {
		if out == nil {
			out = map[int]compoundRun{}
		}
		out[first] = compoundRun{n: n, stem: stem}
	}
	covered := make([]bool, len(words))
	for _, j := range joins {
		first, n := -1, 0
		for i, s := range at {
			if s.start >= j.at.start && s.end <= j.at.end {
				if first < 0 {
					first = i
				}
				n++
			}
		}
		stem, code := j.stem, false
		if n == 2 && stem != "" && r.vocab[stem] == 0 {
			// "AP-409", "E-7": one code, as search reads it (spacedCode).
			prev := ""
			if first > 0 {
				prev = words[first-1].Plain
			}
			if t := spacedCode(r.vocab, announcedLetters(r.codeLetters, prev, words[first].Term == ""), words[first].Plain, words[first+1].Plain, false); t != "" {
				stem, code = t, true
			}
		}
		if n < 2 || stem == "" || r.vocab[stem] == 0 && !code || slices.ContainsFunc(words[first:first+n], func(w gaps.Word) bool { return w.Term == stem }) {
			continue // none, or one of its words ("error e" read as "error"), as search reads it
		}
		add(first, n, stem)
		for k := first; k < first+n; k++ {
			covered[k] = true
		}
	}
	for i := 0; i+1 < len(words); i++ {
		if covered[i] || covered[i+1] {
			continue
		}
		prev := ""
		if i > 0 {
			prev = words[i-1].Plain
		}
		if t := spacedCode(r.vocab, announcedLetters(r.codeLetters, prev, words[i].Term == ""), words[i].Plain, words[i+1].Plain, stopLetter(words[i].Term == "", prev)); t != "" {
			add(i, 2, t)
			covered[i], covered[i+1] = true, true
			continue
		}
		if hasDigit(words[i].Plain) || hasDigit(words[i+1].Plain) {
			continue
		}
		terms := r.joinedTerms(words[i].Plain + words[i+1].Plain)
		if len(terms) != 1 {
			continue
		}
		if stem := terms[0]; r.vocab[stem] > 0 && stem != words[i].Term && stem != words[i+1].Term {
			add(i, 2, stem)
			covered[i], covered[i+1] = true, true
		}
	}
	return out
}

// joinedTerms returns the terms of the text analysis of s.
func (r *queryReader) joinedTerms(s string) []string {
	if r.post != nil {
		if terms, ok := r.post.joined(s); ok {
			return terms
		}
	}
	toks := r.an.text.Analyze([]byte(s))
	terms := make([]string, len(toks))
	for i, t := range toks {
		terms[i] = string(t.Term)
	}
	return terms
}

// joinedWord is the joined word of a hyphenated compound (its stem) and
// where the compound is in the text.
type joinedWord struct {
	at   span
	stem string
}

// compoundRun is a run of n words read as one joined word (its stem).
type compoundRun struct {
	n    int
	stem string
}

// Spread returns the share of the locale's published articles that hold
// term (a term of Analyze, synonym tokens included): 0 for a word the
// content does not use, near 1 for a word every article has.
func (a *Analyzer) Spread(locale, term string) float64 {
	r := a.locales[locale]
	if r == nil {
		r = a.locales[a.defaultLocale]
	}
	if r == nil || r.docs == 0 {
		return 0
	}
	n := r.vocab[term]
	if strings.HasPrefix(term, "~") {
		n = r.tokens[term]
	}
	return min(1, float64(n)/float64(r.docs))
}

// Articles returns how many published articles the locale has.
func (a *Analyzer) Articles(locale string) int {
	r := a.locales[locale]
	if r == nil {
		r = a.locales[a.defaultLocale]
	}
	if r == nil {
		return 0
	}
	return r.docs
}

// synonymAt returns the token of the longest synonym entry starting at
// word i, and its length in words (0 for none); plains are the words
// folded, for an entry spelt joined or apart (see joinedSynonym). An entry
// cannot start on a stop word.
func (r *queryReader) synonymAt(keys, plains []string, i int) (string, int) {
	if strings.HasPrefix(keys[i], "=") {
		return "", 0
	}
	var stems []string
	token, best := "", 0
	for _, g := range r.synonyms {
		for _, e := range g.entries {
			n := len(e.keys)
			if n > best && i+n <= len(keys) && slices.Equal(keys[i:i+n], e.keys) {
				token, best = g.token, n
				continue
			}
			if stems == nil {
				stems = make([]string, len(keys))
				for k, key := range keys {
					if !strings.HasPrefix(key, "=") {
						stems[k] = key
					}
				}
			}
			if n := joinedSynonym(e, plains, stems, i); n > best {
				token, best = g.token, n
			}
		}
	}
	return token, best
}
