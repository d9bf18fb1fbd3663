package search

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
)

// Bounds on the work done for one query, whatever its length: the words
// searched, the words given typo tolerance, and the length of a word whose
// one-typo variants are generated.
const (
	// rareDocs: a query word found in fewer documents than this may be a
	// typo that made it into the content, so words one typo away are
	// searched too (ranked below the exact matches).
	rareDocs = 3
	// minRareTypo: a rare word shorter than this is taken as meant (short
	// words have too many neighbours one typo away).
	minRareTypo    = 6
	maxWords       = 24
	maxFuzzyWords  = 6
	maxVariantWord = 24
	// minCorrected: a word of fewer letters is corrected only when the
	// query finds nothing without the correction: short words are one edit
	// away from too many other real words ("gift" → "lift").
	minCorrected = 5
	// twoEdits: words of at least this many letters tolerate two edits;
	// changing the first letter costs two.
	twoEdits = 8
)

// word is one word of a query.
type word struct {
	plain string // folded, lower-cased, as typed: matched against autocomplete prefixes
	stem  string // analysed term; "" for a stop word
	fuzz  int    // edit distance tolerated: 0 when stem is a common term
	// unknown: stem is in no article, so its corrections weigh nearly as
	// much as an exact match would.
	unknown bool
	// typos are the indexed terms of the words one typo away from this
	// one, when it is not in the vocabulary.
	typos []string
	// prefixTypos are the autocomplete prefixes one typo away from the
	// word being typed, when nothing starts with it (see typedTypos).
	prefixTypos []string
	// short: fewer than minCorrected letters; its typos and fuzz apply only
	// when the query finds nothing without them.
	short bool
	// corrected: stem replaces the word typed (a "did you mean" query), so
	// it is highlighted as a correction.
	corrected bool
	// forms are indexed terms of the same word that the stemmer keeps
	// apart (see otherForms).
	forms []string
	// heads are the indexed compounds the word is the head of, in a
	// language that writes compounds closed (see compoundHeads), and the
	// head of a compound no article writes (headOf).
	heads []string
	// code: the letters and digits of a code typed with a space or a
	// hyphen, made one word ("AP-409"; see spacedCodesJoined).
	code bool
	// joinNext: the first part of a compound typed whole (see
	// compoundParts), written before the next word with link, the
	// letters that join them ("s" of "Versicherungsschutz"), and no
	// space.
	joinNext bool
	link     string
	// chunks: the number of overlapping chunks (Chinese, Japanese and
	// Korean ideographs are indexed in pairs) of the word typed that this
	// one is one of; 0 for a word.
	chunks int
}

// synSpan is a run of query words equal to an entry of a synonym group.
type synSpan struct {
	n    int        // words covered, stop words included
	alts [][]string // the other entries of the group, as terms
	// joined is the term of the entry matched written as one word
	// ("eticket" for "e-ticket" typed "e ticket"), "" when it has none.
	joined string
}

// compound is a run of query words that the content also writes as one
// word: the parts of a hyphenated compound ("wi-fi" → "wifi") or two words
// typed apart ("front desk" → "frontdesk"). The words match as such or as
// the joined word.
type compound struct {
	n     int    // words covered
	plain string // the joined word, folded: a prefix while it is being typed
	stem  string // its analysed term, in the vocabulary (unless typos)
	// typos are the indexed terms one typo away from the joined word of a
	// hyphenated compound no article has ("wi-fu" → "wifi"), as a word
	// typed joined gets them ("wifu"); they count as the corrections of a
	// short word when it has fewer than minCorrected letters.
	typos []string
	// prefixTypos are, for a compound being typed, the autocomplete
	// prefixes one typo away from its joined word ("check-im" →
	// "checkin"), as for a word typed joined (see typedCompoundTypos).
	prefixTypos []string
	// code: a code typed with a space whose digits are being typed ("e 7"
	// for "E07"), matched as the code the articles write, not as a prefix
	// of its typed spelling.
	code bool
	// number is the number of a version written with letters before it
	// ("2.3" of "v2.3"): the version as "version 2.3" or "2.3" write it.
	number string
	// parts are, for a dotted word being typed, the parts the content
	// writes after its beginning (see dottedTypos); nil until looked up.
	parts *dottedParts
}

// word returns the joined word as a query word.
func (c *compound) word() word {
	w := word{plain: c.plain, stem: c.stem, typos: c.typos}
	if len(c.typos) > 0 {
		w.fuzz, w.unknown = 1, true
		w.short = utf8.RuneCountInString(c.plain) < minCorrected
	}
	return w
}

// queryAnalysis is a query cut into words, ready to become a bleve query.
type queryAnalysis struct {
	words   []word
	prefix  bool // the last word is being typed (Suggest)
	suggest bool // autocomplete: cheaper queries
	// noPhrases leaves out the keyword-phrase clause (ticket linking
	// ranks candidates itself).
	noPhrases bool
	// shortTypos uses the corrections of short words too: set when the
	// query found nothing without them.
	shortTypos bool
	spans      map[int]*synSpan  // by index of the span's first word
	compounds  map[int]*compound // by index of the first part
}

// analyze cuts text into words with the locale's analyzers. The plain
// analyzer keeps every word; the text analyzer gives the stemmed term of the
// word at the same offsets, or none for a stop word.
func (li *localeIndex) analyze(ctx context.Context, text string, suggest bool) *queryAnalysis {
	return li.analyzeTypos(ctx, text, suggest, true)
}

// span is the byte range of a token in the folded query.
type span struct{ start, end int }

// analyzeTypos is analyze, looking up the words one typo away from unknown
// words only when typos is set (otherwise words are matched exactly). A
// word no article uses that the articles write as two ("login" for "log
// in"; see splitWord) is those two words, when typos is set; the word
// being typed in autocomplete only when no article has a word it begins
// (the query is then complete). So is a compound no article writes whose
// parts the content writes ("Akkuwechsel" for "Akku", "Wechsel"; see
// compoundParts).
func (li *localeIndex) analyzeTypos(ctx context.Context, text string, suggest, typos bool) *queryAnalysis {
	stems := map[span]string{}
	for _, t := range li.an.text.Analyze([]byte(text)) {
		stems[span{t.Start, t.End}] = string(t.Term)
	}
	qa := &queryAnalysis{suggest: suggest}
	var at []span // offsets of each word
	type joined struct {
		at    span
		plain string
	}
	var joins []joined
	toks := li.an.plain.Analyze([]byte(text))
	last := -1 // the last word's token
	for k, t := range toks {
		if t.Type != analysis.Shingle {
			last = k
		}
	}
	typing := suggest && stillTyping(text)
	splitLast := false // the word being typed is two words (splitWord)
	for k, t := range toks {
		s := span{t.Start, t.End}
		if t.Type == analysis.Shingle {
			joins = append(joins, joined{s, string(t.Term)})
			continue
		}
		w := word{plain: string(t.Term), stem: stems[s]}
		if typos && w.stem != "" && li.vocab[w.stem] == 0 {
			a, b, ta, tb, ok := li.splitWord(ctx, w.plain)
			if !ok && w.stem != w.plain {
				// A plural or another form of the joined word ("logins",
				// "backups"): its stem, as the articles write it.
				a, b, ta, tb, ok = li.splitWord(ctx, w.stem)
			}
			if ok && !(typing && k == last && li.continues(ctx, w.plain)) {
				qa.words = append(qa.words, word{plain: a, stem: ta}, word{plain: b, stem: tb})
				at = append(at, s, s)
				splitLast = k == last
				continue
			}
		}
		parts := []word{w}
		if typos && w.stem != "" && li.vocab[w.stem] == 0 && !(typing && k == last && li.continues(ctx, w.plain)) {
			// "Akkuwechsel" where the articles write "Akku" and
			// "Wechsel": the two words, as if typed apart
			// (compoundParts).
			if a, link, b, ta, tb, ok := li.compoundParts(w.plain, w.stem); ok {
				parts = []word{{plain: a, stem: ta, joinNext: true, link: link}, {plain: b, stem: tb}}
				splitLast = k == last
			}
		}
		// A compound being typed ("Akkuwec"): a word the content writes,
		// then the beginning of another (typingCompound), which stays
		// the word being typed.
		typingHead := false
		if typing && k == last && len(parts) == 1 && w.stem != "" && li.vocab[w.stem] == 0 && !li.continues(ctx, w.plain) {
			if a, link, b, ta, ok := li.typingCompound(ctx, w.plain); ok {
				parts = []word{{plain: a, stem: ta, joinNext: true, link: link}, {plain: b, stem: li.termOf(b)}}
				typingHead = true
			}
		}
		// The word being typed, unless it is a compound's parts, typed
		// whole; or the head of a compound being typed.
		typed := typing && k == last && len(parts) == 1
		for j, w := range parts {
			li.addWord(ctx, qa, w, typos, typed || typingHead && j == 1)
			at = append(at, s)
		}
	}
	if len(qa.words) > maxWords {
		cut := len(qa.words) - maxWords
		qa.words, at = qa.words[cut:], at[cut:]
	}
	// Chunks that overlap are one word typed ("除石灰" is "除石" and
	// "石灰"): it counts as one (see coverageWords).
	for i := 0; i < len(at); {
		j := i + 1
		for j < len(at) && at[j].start < at[j-1].end && at[j] != at[j-1] {
			j++
		}
		if j-i > 1 {
			for k := i; k < j; k++ {
				qa.words[k].chunks = j - i
			}
		}
		i = j
	}
	dot := false // the word being typed ends with a full stop (see typingDotted)
	if suggest && len(qa.words) > 0 && !splitLast {
		qa.prefix = stillTyping(text)
		if dot = qa.prefix && typingDotted(text); dot {
			qa.words[len(qa.words)-1].plain += "."
		}
	}
	fuzzy := 0
	for i := range qa.words {
		w := &qa.words[i]
		if w.fuzz == 0 {
			continue
		}
		if fuzzy++; fuzzy > maxFuzzyWords {
			w.fuzz = 0 // bound the cost of a query full of unknown words
			continue
		}
		if !(qa.prefix && i == len(qa.words)-1) {
			w.typos = li.typoCandidates(w.plain, w.stem)
			if len(w.typos) > 0 {
				// A word one typo away exists: do not look two away.
				w.fuzz = 1
			}
		}
	}
	// A number a code word announces, typed without the zeros the
	// articles write it with ("error 7" for "Error 0007"), is that code
	// when no article writes it as typed.
	plains := qa.plains()
	for _, k := range site.QueryCodes(plains) {
		if w := &qa.words[k]; site.CodeAt(plains, k) {
			if f := paddedNumber(li.vocab, w.stem); f != "" {
				// The number as typed stays a form of it: an article may
				// write "Error 7" too, while "iPhone 7" elsewhere no
				// longer takes the code's place.
				if li.vocab[w.stem] > 0 {
					w.forms = append(w.forms, w.stem)
				}
				w.stem = f
			}
		}
	}
	// Hyphenated compounds of the query whose joined word is indexed.
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
		stem := stems[j.at]
		typing := qa.prefix && first+n == len(qa.words)
		if n < 2 || stem == "" {
			continue
		}
		code := false
		if n == 2 && li.vocab[stem] == 0 && !typing {
			// "AP-409", "E-7": one code (see spacedCode).
			if t := spacedCode(li.vocab, announcedLetters(li.writesCodeLetters, prevPlain(qa.words, first), qa.words[first].stem == ""), qa.words[first].plain, qa.words[first+1].plain, false); t != "" {
				stem, code = t, true
			}
		}
		c := &compound{n: n, plain: j.plain, stem: stem}
		if typing && dot {
			c.plain += "."
		}
		if v := versionNumber([]byte(c.plain)); v > 0 && strings.Contains(c.plain, ".") {
			c.number = c.plain[v:]
		}
		if li.vocab[stem] == 0 && !typing && li.vocab[c.number] == 0 && !code {
			// Typo tolerance treats the hyphenated and joined spellings
			// the same: "wi-fu" gets the corrections of "wifu".
			if !typos || hasDigit(j.plain) || utf8.RuneCountInString(j.plain) < 4 {
				continue
			}
			if c.typos = li.typoCandidates(j.plain, stem); len(c.typos) == 0 {
				continue
			}
		}
		if qa.compounds == nil {
			qa.compounds = map[int]*compound{}
		}
		qa.compounds[first] = c
	}
	li.versionPairs(qa)
	li.joinPairs(qa)
	qa.spans = li.synonymSpans(qa.words, qa.prefix)
	return qa
}

// addWord completes w, a word of the query (its plain word and stem), with
// the other terms it is searched as (forms, compounds, a verb's forms) and
// its typo tolerance, and appends it to qa's words. typed: w is the word
// being typed in autocomplete.
func (li *localeIndex) addWord(ctx context.Context, qa *queryAnalysis, w word, typos, typed bool) {
	w.short = utf8.RuneCountInString(w.plain) < minCorrected
	w.forms = li.otherForms(w.stem)
	if f := writtenForm(li.vocab, w.stem); f != "" {
		w.forms = append(w.forms, f)
	}
	w.heads = li.compoundHeads(w.plain, w.stem)
	if h := li.headOf(w.plain, w.stem); h != "" && (!typed || !li.continues(ctx, w.plain)) {
		// "Akkuladegerät" where the articles write "Ladegerät"; the
		// word being typed too once no word starts with it.
		w.heads = append(w.heads, h)
	}
	verbs := 0
	if w.stem != "" && (!typed || li.vocab[w.stem] == 0 && verbLanguages[i18n.Language(li.locale)] != nil &&
		utf8.RuneCountInString(w.plain) >= 4 && !li.continues(ctx, w.plain)) {
		// "rends" is the "rendre" the articles write, "devuelvo" the
		// "devolver" (verbForms); the word being typed too once no
		// word starts with it ("cambiare" where a title writes
		// "Cambia").
		f := li.verbForms(w.plain, w.stem, li.vocab[w.stem] > 0)
		w.forms, verbs = append(w.forms, f...), len(f)
	}
	// Numbers (order, account, error codes) are taken as typed: a
	// number one edit away is another number, not a typo.
	if n := li.vocab[w.stem]; typos && verbs == 0 && w.stem != "" && !hasDigit(w.plain) && (n == 0 || n < rareDocs && utf8.RuneCountInString(w.plain) >= minRareTypo) {
		w.fuzz = fuzziness(w.plain, w.stem)
		w.unknown = n == 0
	}
	qa.words = append(qa.words, w)
}

// stillTyping reports whether the last word of an autocomplete query is
// being typed: the query ends with a letter or digit, or with one followed
// by what other search boxes take as "and whatever follows": "*", "…" or
// "..." ("pass*", "pass…"). Elsewhere these are punctuation, as every
// character other than letters and digits is to the tokenizer: never
// syntax.
func stillTyping(text string) bool {
	if t := strings.TrimRight(text, "*…"); len(t) < len(text) {
		text = t
	} else {
		text = strings.TrimRight(text, ".") // "pass..." or "4." (see typingDotted)
	}
	return wordEnd(text)
}

// typingDotted reports whether an autocomplete query ends with one full
// stop right after a letter or digit: a word written with full stops is
// being typed ("4." of "4.8", "Relais2." of "Relais2.exe", "v2." of
// "v2.3"), so the word being typed is what it starts with, full stop
// included, or that word alone. Two or more ("pass..") are an ellipsis:
// the word is still being typed (stillTyping).
func typingDotted(text string) bool {
	t, ok := strings.CutSuffix(text, ".")
	return ok && wordEnd(t)
}

// wordEnd reports whether text ends with a letter, a digit or a mark.
func wordEnd(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(text)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// versionWords are the words written before the number of a version, once
// folded, in the languages that write it "version" (English, French,
// German, Spanish, the Scandinavian languages) or close to it.
var versionWords = map[string]bool{
	"version": true, "versio": true, "versione": true, "versao": true, "versie": true,
	"versjon": true, "versiune": true, "versiyon": true, "verze": true, "verzia": true, "verzio": true,
}

// versionPairs adds each version word followed by a number ("version
// 2.4") as a compound whose joined word is the version as software writes
// it, "v" and the number ("v2.4"), when some article has that word, or
// "N.0" for a major version (see wholeVersion), or while the number is
// being typed ("version 2." is also "v2.…").
func (li *localeIndex) versionPairs(qa *queryAnalysis) {
	words := qa.words
	for i := 0; i+1 < len(words); i++ {
		num := words[i+1].plain
		if !versionWords[words[i].plain] || !dottedNumber(num) || qa.covered(i) || qa.covered(i+1) {
			continue
		}
		v := "v" + num
		whole := wholeVersion(li.vocab, v)
		if li.vocab[v] == 0 && whole == "" && !(qa.prefix && i+2 == len(words)) {
			continue
		}
		if qa.compounds == nil {
			qa.compounds = map[int]*compound{}
		}
		qa.compounds[i] = &compound{n: 2, plain: v, stem: v, number: whole}
	}
}

// dottedNumber reports whether s is a number, with full stops between or
// after its digits ("4", "5.7.64", "4." being typed).
func dottedNumber(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9' && strings.Trim(s, "0123456789.") == ""
}

// covered reports whether word i is part of a compound.
func (qa *queryAnalysis) covered(i int) bool {
	for first, c := range qa.compounds {
		if i >= first && i < first+c.n {
			return true
		}
	}
	return false
}

// joinPairs adds the pairs of consecutive query words that the content
// writes as one word ("e mail" → "email", "power pivot" → "powerpivot"),
// as Algolia and Meilisearch concatenate query words, and the letters and
// digits of a code typed with a space or a hyphen ("e 7", "AP-409"; see
// spacedCode). The word being typed is left out, unless it is the digits
// of a code after its letters ("e 7" typed for "E07"): autocomplete offers
// that code's article as search answers it. All pairs are analysed in one
// pass.
func (li *localeIndex) joinPairs(qa *queryAnalysis) {
	words := qa.words
	last := len(words) - 1
	if qa.prefix && !li.typingSpacedCode(words) {
		last--
		defer li.joinTyped(qa) // after the pairs typed whole: "front desk ta" keeps "frontdesk"
	}
	if last < 1 {
		return
	}
	covered := make([]bool, len(words))
	for i, c := range qa.compounds {
		for k := i; k < i+c.n; k++ {
			covered[k] = true
		}
	}
	var b strings.Builder
	starts := map[int]int{} // byte offset in b → first word of the pair
	for i := 0; i < last; i++ {
		if covered[i] || covered[i+1] {
			continue
		}
		starts[b.Len()] = i
		b.WriteString(words[i].plain)
		b.WriteString(words[i+1].plain)
		b.WriteByte(' ')
	}
	if b.Len() == 0 {
		return
	}
	text := b.String()
	for _, t := range li.an.text.Analyze([]byte(text)) {
		i, ok := starts[t.Start]
		// The pair must stay one word: "1.5" and "gb" make "1.5gb",
		// whose first part "1" is not a joined word.
		if !ok || t.Type == analysis.Shingle || t.End != t.Start+strings.IndexByte(text[t.Start:], ' ') {
			continue
		}
		stem := string(t.Term)
		code := spacedCode(li.vocab, announcedLetters(li.writesCodeLetters, prevPlain(words, i), words[i].stem == ""), words[i].plain, words[i+1].plain, stopLetter(words[i].stem == "", prevPlain(words, i)))
		if code != "" {
			stem = code // "e 7" is the "E07" the articles write, "AP-409" the code "ap409"
		} else if p := paddedCode(li.vocab, stem); p != "" {
			stem = p
		}
		// "e 1" typed on the way to "E12": the beginning of a code, matched
		// as a word being typed is.
		typedStart := qa.prefix && i+2 == len(words) && li.vocab[stem] == 0 && li.typedCodeStart(words[i].plain, words[i+1].plain)
		// A code no article writes is that code, not its letters alone
		// matching another code's article (see spacedCode).
		unwritten := code != "" && !typedStart
		if li.vocab[stem] == 0 && !typedStart && !unwritten || stem == words[i].stem || stem == words[i+1].stem {
			continue
		}
		if _, taken := qa.compounds[i-1]; taken && qa.compounds[i-1].n == 2 {
			continue // overlapping pairs: the first one wins
		}
		if qa.compounds == nil {
			qa.compounds = map[int]*compound{}
		}
		qa.compounds[i] = &compound{n: 2, plain: words[i].plain + words[i+1].plain, stem: stem, code: qa.prefix && i+2 == len(words) && !typedStart}
	}
}

// joinTyped adds the last two words of an autocomplete query, the last one
// being typed, as a compound being typed ("sun ledg" is also "sunledg…",
// "einspeise verg" "einspeiseverg…"): their joined word is matched as a
// prefix of the words titles, headings, keywords and tags write, as a
// hyphenated compound being typed is ("check-i"), so autocomplete finds
// what search finds for the words typed whole. The first word must carry
// meaning and have three letters or more ("the b" stays "the" and "b…"),
// and neither may hold a digit (codes are joinPairs' and spacedCode's).
func (li *localeIndex) joinTyped(qa *queryAnalysis) {
	n := len(qa.words)
	if n < 2 || qa.covered(n-2) || qa.covered(n-1) {
		return
	}
	a, b := qa.words[n-2], qa.words[n-1]
	if a.stem == "" || utf8.RuneCountInString(a.plain) < 3 || b.plain == "" || hasDigit(a.plain) || hasDigit(b.plain) || strings.Contains(b.plain, ".") {
		return
	}
	plain := a.plain + b.plain
	stem := plain
	if toks := li.an.text.Analyze([]byte(plain)); len(toks) == 1 {
		stem = string(toks[0].Term)
	}
	if qa.compounds == nil {
		qa.compounds = map[int]*compound{}
	}
	qa.compounds[n-2] = &compound{n: 2, plain: plain, stem: stem}
}

// otherForms returns the indexed terms that are forms of the same word as
// stem but that the English (Porter2) stemmer leaves apart: the verb in
// -ify and its noun in -ification ("notify" → "notifi", "notifications" →
// "notif"; "verify", "modify", "identify", "specify"…).
func (li *localeIndex) otherForms(stem string) []string {
	if i18n.Language(li.locale) != "en" || utf8.RuneCountInString(stem) < 5 {
		return nil
	}
	var other string
	if strings.HasSuffix(stem, "ifi") {
		other = strings.TrimSuffix(stem, "i")
	} else if strings.HasSuffix(stem, "if") {
		other = stem + "i"
	}
	if other != "" && li.vocab[other] > 0 {
		return []string{other}
	}
	return nil
}

// typingSpacedCode reports whether the last two words are the letters and
// the digits of a code the articles write, as typed or with its zeros
// ("e 7", "E 07", "E 12"), or its letters and its first digits ("e 0",
// "e 1" on the way to "E07", "E12"), the digits being typed.
func (li *localeIndex) typingSpacedCode(words []word) bool {
	n := len(words)
	if n < 2 {
		return false
	}
	a, b := words[n-2], words[n-1]
	return spacedCode(li.vocab, li.writesCodeLetters, a.plain, b.plain, a.stem == "") != "" || li.typedCodeStart(a.plain, b.plain)
}

// typedCodeStart reports whether letters a and digits b begin a code some
// article writes ("e" and "0" begin "E07"), with more digits to come.
func (li *localeIndex) typedCodeStart(a, b string) bool {
	li.readCodes()
	return b != "" && strings.Trim(b, "0123456789") == "" && li.codeStarts[a+b]
}

// writesCodeLetters reports whether some article writes a code (see
// codeParts) of these letters: "ap" where one writes "AP-402", "e" where
// one writes "E12".
func (li *localeIndex) writesCodeLetters(letters string) bool {
	li.readCodes()
	return li.codeLetters[letters]
}

// readCodes makes, on first use, the beginnings of the content's codes
// and their letters (codeStarts, codeLetters).
func (li *localeIndex) readCodes() {
	li.codeStartsOnce.Do(func() {
		li.codeStarts, li.codeLetters = map[string]bool{}, map[string]bool{}
		for t := range li.vocab {
			if letters, _, ok := codeParts(t); ok {
				li.codeLetters[t[:letters]] = true
				for end := letters + 1; end < len(t); end++ {
					li.codeStarts[t[:end]] = true
				}
			}
		}
	})
}

// spacedCode returns the term of a code typed with a space or a hyphen
// between its letters a and its digits b ("E 07", "e 7", "AP-409"), ""
// when a and b are no code's parts:
//   - the code the articles write, as typed or with other zeros
//     (paddedCode): "e07" for "e 7" where they write "E07";
//   - a code no article writes, of letters the content writes codes of
//     (letters, nil for none: "ap" where an article writes "AP-402"), as
//     typed without the zeros before its digits (unpaddedCode): "ap409"
//     for "AP-409", "AP 409" or "AP-0409", one code as "AP409" is, not
//     the letters "ap" matching another code's article. Letters that
//     are a stop word typed apart (stop: "a 5" in "print a 5 page
//     document"; "A-13" is a code, and so is "Error E 33" where "e" is a
//     stop word, after a code word), a code word ("err 2041": the number
//     is the code, site.CodeAt) or a reference's label ("nr 4821":
//     site.Reference) are no code's letters here.
//
// Search, autocomplete, ticket linking and the gap report read codes
// typed with a space or a hyphen by it.
func spacedCode(vocab map[string]int, letters func(string) bool, a, b string, stop bool) string {
	n, core, ok := codeParts(a + b)
	if !ok || n != len(a) {
		return ""
	}
	if vocab[a+b] > 0 {
		return a + b
	}
	if p := paddedCode(vocab, a+b); p != "" {
		return p
	}
	if letters == nil || stop || !letters(a) || site.CodeWord(a) || site.Reference("", a, b) {
		return ""
	}
	return a + core
}

// stopLetter reports whether a code's letters typed apart are a stop word
// of the language and so no code's (spacedCode's stop: "a 5" in "print a 5
// page document"): stop says the word is a stop word, prev is the word
// typed before it; after a word that announces a code the letter is the
// code's ("Error E 33" in Spanish or Italian, where "e" is "and").
// Search, linking and the gap report read it so.
func stopLetter(stop bool, prev string) bool { return stop && !site.CodeWord(prev) }

// announcedLetters returns letters (spacedCode's), or any letters after
// prev, a word that announces a code: "error E-12" and "Fehlercode E 12"
// name the code "E12" as "error E12" does, though the content writes no
// code of those letters (the digits alone found another code's article,
// "F-12", as an answer). A letter that is a stop word (stop) stays
// letters': "code à 6 chiffres" is a six-digit code, no code "A6" (it
// unlinked 82 of 100,000 generated tickets). Search, linking and the gap
// report read it so.
func announcedLetters(letters func(string) bool, prev string, stop bool) func(string) bool {
	if letters == nil || stop || !site.CodeWord(prev) {
		return letters
	}
	return func(string) bool { return true }
}

// prevPlain is the word before words[i] as typed (folded), "" for the first.
func prevPlain(words []word, i int) string {
	if i == 0 {
		return ""
	}
	return words[i-1].plain
}

// paddedCode returns the code the articles write for stem, a code typed
// with other zeros before its digits, when no article has stem itself:
// "e7" for "E07" or "E007", "e42" for "E042" (displays often drop the
// zeros), "e07" for "E7" or "E007"; "" otherwise. A code is one to three
// letters, then one to four digits, not all zeros; the form with the
// fewest zeros that some article has is chosen. vocab counts the articles
// holding each term. Search and the gap report read codes so.
func paddedCode(vocab map[string]int, stem string) string {
	letters, core, ok := codeParts(stem)
	if !ok || vocab[stem] > 0 {
		return ""
	}
	for zeros := ""; len(zeros)+len(core) <= 4; zeros += "0" {
		if c := stem[:letters] + zeros + core; c != stem && vocab[c] > 0 {
			return c
		}
	}
	return ""
}

// paddedNumber returns the number the articles write with zeros before
// its digits for stem, a number of one to three digits typed without them
// ("7" for "0007", "42" for "042"): the form with the fewest zeros some
// article has, or "". Only a number a code word announces is read so
// ("error 7"; a count or an order number is no code), whether or not an
// article writes the number as typed elsewhere ("iPhone 7").
func paddedNumber(vocab map[string]int, stem string) string {
	if stem == "" || len(stem) > 3 || strings.Trim(stem, "0123456789") != "" || strings.Trim(stem, "0") == "" {
		return ""
	}
	for zeros := "0"; len(zeros)+len(stem) <= 4; zeros += "0" {
		if vocab[zeros+stem] > 0 {
			return zeros + stem
		}
	}
	return ""
}

// unpaddedCode returns code stem without the zeros before its digits
// ("e09", "e009" → "e9"), "" when it has none or is no code (see
// paddedCode): the gap report's one term for a code no article writes,
// however it is typed.
func unpaddedCode(stem string) string {
	letters, core, ok := codeParts(stem)
	if !ok || len(stem) == letters+len(core) {
		return ""
	}
	return stem[:letters] + core
}

// codeParts cuts a code stem (one to three letters, then one to four
// digits, not all zeros) into the length of its letters and its digits
// without the zeros before them; ok is false for any other stem.
func codeParts(stem string) (letters int, core string, ok bool) {
	for letters < len(stem) && stem[letters] >= 'a' && stem[letters] <= 'z' {
		letters++
	}
	digits := stem[letters:]
	if letters == 0 || letters > 3 || digits == "" || len(digits) > 4 || strings.Trim(digits, "0123456789") != "" {
		return 0, "", false
	}
	core = strings.TrimLeft(digits, "0")
	if core == "" {
		return 0, "", false
	}
	return letters, core, true
}

// writtenForm returns the code or version the articles write for a stem
// typed otherwise ("e7" for "E07", "v4" for "4.0"; see paddedCode and
// wholeVersion), "" for none: the very term, which search, coverage and
// ticket linking read in its place.
func writtenForm(vocab map[string]int, stem string) string {
	if f := paddedCode(vocab, stem); f != "" {
		return f
	}
	return wholeVersion(vocab, stem)
}

// wholeVersion returns the version the articles write "N.0" for a major
// version typed "vN" ("v4", or "version 4" read as "v4", for "4.0"), when
// no article has stem itself; "" otherwise. vocab counts the articles
// holding each term.
func wholeVersion(vocab map[string]int, stem string) string {
	d, ok := strings.CutPrefix(stem, "v")
	if !ok || d == "" || len(d) > 3 || vocab[stem] > 0 || strings.Trim(d, "0123456789") != "" {
		return ""
	}
	if v := d + ".0"; vocab[v] > 0 {
		return v
	}
	return ""
}

// understood reports whether word i needs no correction: a stop word, a
// number, a word some article has, part of a synonym entry or of a compound
// whose joined word some article has.
func (qa *queryAnalysis) understood(li *localeIndex, i int) bool {
	w := qa.words[i]
	if w.stem == "" || hasDigit(w.plain) || li.vocab[w.stem] > 0 || len(w.forms) > 0 {
		return true
	}
	for first, sp := range qa.spans {
		if i >= first && i < first+sp.n {
			return true
		}
	}
	for first, c := range qa.compounds {
		if i >= first && i < first+c.n && li.vocab[c.stem] > 0 {
			return true
		}
	}
	return false
}

// fuzziness is the edit distance tolerated for a word missing from the
// vocabulary: one typo from 4 letters, two from 8. Words one typo away are
// found by editing the word as typed (typoCandidates), whatever the length
// of its stem; two edits are searched on the stem, so only when the stem
// keeps at least minFuzzyStem letters (shorter, nearly anything is two
// edits away).
func fuzziness(plain, stem string) int {
	n, s := utf8.RuneCountInString(plain), utf8.RuneCountInString(stem)
	switch {
	case n >= twoEdits && s >= minFuzzyStem:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

// minFuzzyStem is the shortest stem searched with two edits.
const minFuzzyStem = 6

// maxTypoCandidates bounds the corrections searched for one word.
const maxTypoCandidates = 8

// typoCandidates returns the indexed terms (other than stem, the word's
// own) of the words one typo away from plain, most frequent first. A typo
// is a deletion, insertion, substitution or swap of neighbours, except
// that changing the first letter counts as two typos, allowed only in
// words of twoEdits letters or more (people rarely get the first letter
// wrong; "gift" is not a typo of "lift"). Editing the word before stemming
// it is what makes a typo in a suffix forgivable ("reimbursemnt" →
// "reimbursement" → "reimburs"); a fuzzy query on the stem alone would miss
// it. All variants are analysed in one pass.
func (li *localeIndex) typoCandidates(plain, stem string) []string {
	if utf8.RuneCountInString(plain) > maxVariantWord {
		// No variants: nothing to remember, so a flood of long words
		// (up to site.MaxQueryLen letters) does not fill the memo with
		// long keys.
		return nil
	}
	if v, ok := li.typos.get(plain); ok {
		return v
	}
	out := li.findTypos(plain, stem)
	li.typos.put(plain, out, maxTypoCache)
	return out
}

// maxTypoCache bounds the words whose corrections are remembered.
const maxTypoCache = 100000

// minShortStem: a typed word shorter than this has no correction two
// letters shorter or more (see findTypos).
const minShortStem = 5

// Costs of one typo, in tenths, from how people mistype: a doubled letter
// typed once most often (the commonest entry of lists of English
// misspellings: "adress", "occured", "permisions"), then a letter left out
// or two swapped, then a key next to the right one or a letter typed twice,
// any other letter least often. Changing the first letter costs a whole
// typo more.
const (
	costUndoubled  = 8  // "permisions" for "permissions", not "premises"
	costOmission   = 10 // "remiders" for "reminders"
	costSwap       = 10 // "pasword" … "passwrod"
	costExtra      = 12 // "cancell"
	costNeighbour  = 12 // "invoixe": x is next to c
	costSubstitute = 16 // a vowel for a vowel ("calender"), or a letter of another script
	// costOther: a letter for another of the same script neither next
	// to it on the keyboard nor a vowel for a vowel (an unrelated
	// consonant, in any script): the least likely slip, no typo at all
	// in a word of fewer than twoEdits letters (see findTypos).
	costOther = 17
	costFirst = 10
)

// findTypos computes typoCandidates: the likeliest typos first (see the
// costs above), then the most frequent terms.
func (li *localeIndex) findTypos(plain, stem string) []string {
	text, costs := typoVariants(plain, li.alphabet(plain))
	if text == "" {
		return nil
	}
	cost := map[string]int{}
	var out []string
	for _, t := range li.an.text.Analyze([]byte(text)) {
		if t.Type == analysis.Shingle {
			continue
		}
		term := string(t.Term)
		if term == stem || li.vocab[term] == 0 {
			continue
		}
		c, ok := costs[t.Start]
		if !ok || t.End != t.Start+strings.IndexByte(text[t.Start:], ' ') {
			continue // not the whole of its variant
		}
		n := utf8.RuneCountInString(plain)
		if n < minShortStem && utf8.RuneCountInString(term) < n-1 {
			// A short word's variant the stemmer cuts as an inflection
			// ("goed", one typo from "good", is "go"): two letters or
			// more from what was typed, no typo of it ("good" was
			// corrected to "go").
			continue
		}
		if n < twoEdits && utf8.RuneCountInString(term) < utf8.RuneCountInString(stem)-1 && strings.HasPrefix(plain, term) {
			// Likewise a word of fewer than twoEdits letters that begins
			// with its variant's term, two letters or more shorter than
			// its own ("ticket" → "ticked" or "ticke", "tick"): the typo
			// made an ending the stemmer cuts, and the word typed is
			// another word with those letters ("ticket" was corrected to
			// "tick").
			continue
		}
		if n < twoEdits && c == costOther {
			// A word of fewer than twoEdits letters is one letter from
			// many other words: a letter neither next to the right key
			// nor a vowel for a vowel makes another word, not a typo
			// ("wife" was corrected to "wipe", Spanish "cuesta", it
			// costs, to "cuenta").
			continue
		}
		if old, seen := cost[term]; seen {
			cost[term] = min(old, c)
			continue
		}
		cost[term] = c
		out = append(out, term)
	}
	slices.SortFunc(out, func(x, y string) int {
		if d := cost[x] - cost[y]; d != 0 {
			return d
		}
		if d := li.vocab[y] - li.vocab[x]; d != 0 {
			return d
		}
		return strings.Compare(x, y)
	})
	if len(out) > 0 && utf8.RuneCountInString(plain) >= twoEdits && li.allRare(out) {
		// The only words one typo away are rare: typos in the content
		// itself ("calender" in two articles, for "calander"). A word
		// titles use two typos away is likelier what was meant.
		out = append(li.titleWordsTwoAway(plain, stem), out...)
	}
	if len(out) > maxTypoCandidates {
		out = out[:maxTypoCandidates]
	}
	return out
}

// allRare reports whether every term is in fewer than rareDocs articles.
func (li *localeIndex) allRare(terms []string) bool {
	for _, t := range terms {
		if li.vocab[t] >= rareDocs {
			return false
		}
	}
	return true
}

// titleWordsTwoAway returns the terms of the words that titles, headings,
// keywords and tags write within two typos of plain (the first letter
// kept), other than stem and only those in at least rareDocs articles,
// the most frequent first; at most maxTwoAway.
func (li *localeIndex) titleWordsTwoAway(plain, stem string) []string {
	if utf8.RuneCountInString(plain) > maxNgram {
		return nil
	}
	adv, err := li.idx.Advanced()
	if err != nil {
		return nil
	}
	r, err := adv.Reader()
	if err != nil {
		return nil
	}
	defer r.Close()
	fr, ok := r.(index.IndexReaderFuzzy)
	if !ok {
		return nil
	}
	first, _ := utf8.DecodeRuneInString(plain)
	var words []string
	for _, field := range []string{fieldTitleAC, fieldMoreAC} {
		d, err := fr.FieldDictFuzzy(field, plain, 2, string(first))
		if err != nil {
			return nil
		}
		for {
			e, err := d.Next()
			if err != nil || e == nil {
				break
			}
			// The fields hold the beginnings of words too: a word is at
			// least as long as plain less two letters.
			if utf8.RuneCountInString(e.Term) >= utf8.RuneCountInString(plain)-2 {
				words = append(words, e.Term)
			}
		}
		d.Close()
	}
	if len(words) == 0 {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, t := range li.an.text.Analyze([]byte(strings.Join(words, " "))) {
		term := string(t.Term)
		if t.Type == analysis.Shingle || term == stem || seen[term] || li.vocab[term] < rareDocs {
			continue
		}
		seen[term] = true
		out = append(out, term)
	}
	slices.SortFunc(out, func(x, y string) int {
		return cmp.Or(cmp.Compare(li.vocab[y], li.vocab[x]), strings.Compare(x, y))
	})
	return out[:min(len(out), maxTwoAway)]
}

// maxTwoAway bounds the words two typos away given as corrections.
const maxTwoAway = 3

// typoVariants returns the words one typo away from plain (see
// typoCandidates), separated by spaces, and the cost of each by its byte
// offset in that text; "" for a word longer than maxVariantWord. Letters
// are substituted and inserted from letters (see alphabet).
func typoVariants(plain string, letters []rune) (string, map[int]int) {
	rs := []rune(plain)
	if len(rs) == 0 || len(rs) > maxVariantWord {
		return "", nil
	}
	firstToo := len(rs) >= twoEdits // the first letter may change
	var b strings.Builder
	b.Grow((2*len(rs) + 1) * (len(letters) + 1) * (len(rs) + 2) * utf8.RuneLen(rs[0]))
	costs := map[int]int{} // byte offset of a variant → its cost
	emit := func(c int, parts ...[]rune) {
		costs[b.Len()] = c
		for _, p := range parts {
			for _, r := range p {
				b.WriteRune(r)
			}
		}
		b.WriteByte(' ')
	}
	for i := range rs {
		script := scriptOf(rs[i])
		first := 0
		if i == 0 {
			if !firstToo {
				if len(rs) > 1 && rs[0] != rs[1] {
					emit(costSwap, []rune{rs[1], rs[0]}, rs[2:])
				}
				continue
			}
			first = costFirst
		}
		if i+1 < len(rs) && rs[i] != rs[i+1] {
			emit(costSwap, rs[:i], []rune{rs[i+1], rs[i]}, rs[i+2:]) // transposition
		}
		emit(first+costExtra, rs[:i], rs[i+1:]) // deletion
		for _, c := range letters {
			if c != rs[i] {
				cost := costSubstitute
				switch {
				case neighbours(c, rs[i]):
					cost = costNeighbour
				case script != nil && unicode.Is(script, c) && !(vowel(c) && vowel(rs[i])):
					cost = costOther
				}
				emit(first+cost, rs[:i], []rune{c}, rs[i+1:]) // substitution
			}
		}
	}
	for i := 0; i <= len(rs); i++ {
		if i == 0 && !firstToo {
			continue
		}
		first := 0
		if i == 0 {
			first = costFirst
		}
		for _, c := range letters {
			cost := costOmission
			if i > 0 && rs[i-1] == c || i < len(rs) && rs[i] == c {
				cost = costUndoubled
			}
			emit(first+cost, rs[:i], []rune{c}, rs[i:]) // insertion
		}
	}
	return b.String(), costs
}

// vowels are the vowels (folded) of the alphabets whose vowels are
// letters: Latin, Cyrillic, Greek, and the long vowels of Arabic.
const vowels = "aeiouy" + "аеёиоуыэюяєії" + "αεηιουω" + "اويى"

// vowel reports whether r is a vowel (see vowels).
func vowel(r rune) bool { return strings.ContainsRune(vowels, r) }

// keyRows are the letter rows of QWERTY, AZERTY (French, Belgian),
// QWERTZ (German, Austrian, Swiss, Czech, Hungarian…), Russian ЙЦУКЕН,
// Greek and Arabic keyboards ("ﻻ" is the key that types لا).
var keyRows = [...]string{
	"qwertyuiop", "asdfghjkl", "zxcvbnm",
	"azertyuiop", "qsdfghjklm", "wxcvbn",
	"qwertzuiop", "asdfghjkl", "yxcvbnm",
	"йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю",
	";ςερτυθιοπ", "ασδφγηξκλ", "ζχψωβνμ",
	"ضصثقفغعهخحجد", "شسيبلاتنمكط", "ئءؤرﻻىةوزظ",
}

// neighbours reports whether two letters are next to each other on one
// of the keyboards of keyRows (same row, or the row above or below).
func neighbours(a, b rune) bool {
	for r := 0; r < len(keyRows); r += 3 {
		pos := func(c rune) (int, int) {
			for row := 0; row < 3; row++ {
				if i := strings.IndexRune(keyRows[r+row], c); i >= 0 {
					return row, utf8.RuneCountInString(keyRows[r+row][:i])
				}
			}
			return -1, -1
		}
		ra, ca := pos(a)
		rb, cb := pos(b)
		if ra < 0 || rb < 0 {
			continue
		}
		if abs(ra-rb) <= 1 && abs(ca-cb) <= 1 {
			return true
		}
	}
	return false
}

// typoDistance is the Damerau-Levenshtein distance between a and b up to
// max, where changing the first letter costs one more.
func typoDistance(a, b string, max int) int {
	d := site.EditDistance(a, b, max)
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	if ra != rb && d <= max {
		// A swap of the first two letters is one typo.
		if sa, sb := []rune(a), []rune(b); !(len(sa) > 1 && len(sb) > 1 && sa[0] == sb[1] && sa[1] == sb[0]) {
			d++
		}
	}
	return d
}

// synEntry is one entry of a synonym group.
type synEntry struct {
	terms []string // analysed terms, stop words left out: what documents are searched for
	keys  []string // every word: its term, or "=" and the word for a stop word
	// plains are every word folded, as typed: the last one is matched as
	// a prefix by the word being typed (see synonymSpans).
	plains []string
	// joined is the entry's words written as one, folded ("eticket" for
	// "e-ticket" or "e ticket", "wifi" for "wifi"), and joinedStem its
	// term: hyphenated, joined and spaced spellings of a compound are one
	// word (see joinedSynonym).
	joined, joinedStem string
}

// wordKey is what a query word must equal to match a word of a synonym
// entry. Stop words count, so that "sign in" is matched by "sign in" and
// not by every "sign".
func wordKey(w word) string {
	if w.stem != "" {
		return w.stem
	}
	return "=" + w.plain
}

// newSynEntry analyses a synonym entry.
func (li *localeIndex) newSynEntry(s string) synEntry { return analyzeSynEntry(li.an, s) }

// analyzeSynEntry analyses a synonym entry with a locale's analyzers. A
// hyphenated entry ("no-show") is matched by its parts, so its joined word
// is left out.
func analyzeSynEntry(an analyzers, s string) synEntry {
	stems := map[span]string{}
	var e synEntry
	for _, t := range an.text.Analyze([]byte(s)) {
		if t.Type == analysis.Shingle {
			continue
		}
		stems[span{t.Start, t.End}] = string(t.Term)
		e.terms = append(e.terms, string(t.Term))
	}
	for _, t := range an.plain.Analyze([]byte(s)) {
		if t.Type == analysis.Shingle {
			continue
		}
		e.keys = append(e.keys, wordKey(word{plain: string(t.Term), stem: stems[span{t.Start, t.End}]}))
		e.plains = append(e.plains, string(t.Term))
		e.joined += string(t.Term)
	}
	if len(e.keys) > 1 {
		if ts := an.text.Analyze([]byte(e.joined)); len(ts) == 1 {
			e.joinedStem = string(ts[0].Term)
		}
	}
	return e
}

// joinedSynonym returns how many query words, from first, spell entry e as
// one word where e has several ("eticket", "etickets" for "e-ticket";
// "login" for "log in"), or several where e is one ("wi fi" for "wifi"):
// the same compound, as the index reads "wi-fi" for "wifi". 0 for none.
// plains and stems are the query's words folded and their terms.
func joinedSynonym(e synEntry, plains, stems []string, first int) int {
	if len(e.keys) > 1 {
		if stems[first] != "" && (plains[first] == e.joined || stems[first] == e.joinedStem) {
			return 1
		}
		return 0
	}
	run := plains[first]
	for n := 2; n <= 3 && first+n <= len(plains); n++ {
		run += plains[first+n-1]
		if len(run) > len(e.joined) {
			return 0
		}
		if run == e.joined {
			return n
		}
	}
	return 0
}

// synonymSpans finds the runs of query words equal to a synonym entry. The
// word being typed counts too: when it is already a whole word ("gst"),
// its synonyms are found while the prefix still matches longer words; and,
// with prefix, while it is still the beginning of the last word of an
// entry of several words ("ios ap" for "ios app"; typingEntry).
func (li *localeIndex) synonymSpans(words []word, prefix bool) map[int]*synSpan {
	if len(li.synonyms) == 0 {
		return nil
	}
	keys := make([]string, len(words))
	plains, stems := make([]string, len(words)), make([]string, len(words))
	for i, w := range words {
		keys[i] = wordKey(w)
		plains[i], stems[i] = w.plain, w.stem
	}
	spans := map[int]*synSpan{}
	for _, group := range li.synonyms {
		for ei, entry := range group {
			for first := range words {
				n := len(entry.keys)
				if words[first].stem == "" {
					continue
				}
				typing := false
				if first+n > len(words) || !slices.Equal(keys[first:first+n], entry.keys) {
					typing = prefix && typingEntry(entry, keys, plains, first)
					if !typing {
						if n = joinedSynonym(entry, plains, stems, first); n == 0 {
							continue
						}
					}
				}
				if old := spans[first]; old != nil && old.n > n {
					continue
				}
				sp := &synSpan{n: n}
				switch {
				case typing:
					// Not yet the entry's word: no joined spelling.
				case n > 1 && len(entry.keys) > 1:
					sp.joined = entry.joinedStem
				case n > 1:
					sp.joined = entry.terms[0] // "wifi" typed "wi fi"
				}
				for oi, other := range group {
					if oi != ei && len(other.terms) > 0 && !slices.Equal(other.terms, entry.terms) {
						sp.alts = append(sp.alts, other.terms)
					}
				}
				if len(sp.alts) > 0 {
					spans[first] = sp
				}
			}
		}
	}
	return spans
}

// typingEntry reports whether the query's words from first, the last
// being typed, are an entry of several words of which the last is still
// being typed ("ios ap" for "ios app"): the words before equal, the
// word being typed, of two letters or more, the beginning of the entry's
// last word. keys and plains are the query's words' keys and folded words.
func typingEntry(e synEntry, keys, plains []string, first int) bool {
	n := len(e.keys)
	if n < 2 || first+n != len(keys) || len(e.plains) != n || !slices.Equal(keys[first:first+n-1], e.keys[:n-1]) {
		return false
	}
	p := plains[len(plains)-1]
	return utf8.RuneCountInString(p) >= 2 && len(p) < len(e.plains[n-1]) && strings.HasPrefix(e.plains[n-1], p)
}

// joinedAt returns how many words, from i, are read only as the one word
// they spell joined, 0 for none: a single letter typed apart from the word
// it makes a known spelling with, a synonym entry ("e ticket" for
// "e-ticket") or a word the content writes ("e mail" for "email"), is
// that spelling, never the letter alone (the "e" of "e.g.", which made
// "e ticket" find articles on ticks). Codes ("e 7") are spacedCode's.
func (qa *queryAnalysis) joinedAt(i int) int {
	n, joined := 0, false
	if sp := qa.spans[i]; sp != nil && sp.joined != "" {
		n, joined = sp.n, true
	}
	if c := qa.compounds[i]; c != nil && !c.code && c.n >= n {
		n, joined = c.n, true
	}
	if !joined || n < 2 || i+n > len(qa.words) {
		return 0
	}
	letter := false
	for _, w := range qa.words[i : i+n] {
		if hasDigit(w.plain) {
			return 0
		}
		letter = letter || w.stem != "" && oneLetter(w.plain)
	}
	if !letter {
		return 0
	}
	return n
}

// joinedWord reports whether word i is read only as part of the word it
// spells joined with its neighbours (joinedAt).
func (qa *queryAnalysis) joinedWord(i int) bool {
	for first := max(0, i-3); first <= i; first++ {
		if n := qa.joinedAt(first); n > 0 && i < first+n {
			return true
		}
	}
	return false
}

// hasDigit reports whether s holds a digit.
func hasDigit(s string) bool {
	return strings.ContainsFunc(s, unicode.IsDigit)
}
