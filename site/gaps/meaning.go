package gaps

import (
	"runtime"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
)

// meaningInput is what grouping by meaning knows of one distinct phrasing
// (one normalised query) of a kind and locale.
type meaningInput struct {
	text     string   // the phrasing as most often typed
	visitors int      // distinct visitors who failed with it, over all records read
	who      []uint32 // those visitors (collector's numbers), sorted
}

// groupByMeaning groups the phrasings of one kind and locale (see
// clusterItems) and returns, for each phrasing, its group (the index of
// one of its phrasings), its part of the group the words alone made,
// before reformulations joined it to others (likewise), and its key: its
// sorted terms. bridges are between phrasings.
func groupByMeaning(an Analyzer, locale string, in []meaningInput, bridges []bridge) (group, part []int, keys []string) {
	analyses := analyzeAll(an, locale, in)
	// Typos are fixed among the failed set's own words; a word the
	// content uses is a word, no typo of another ("charge" is no
	// misspelling of "change").
	// A word of a synonyms.yaml entry is the writers' word too.
	freq := make(map[string]int, len(in))
	termOf := map[string]string{}
	synonym := map[string]bool{}
	for i, a := range analyses {
		for _, w := range a.Words {
			if w.Term != "" && !strings.HasPrefix(w.Term, "~") {
				freq[w.Plain] += in[i].visitors
				termOf[w.Plain] = w.Term
				if w.Synonym {
					synonym[w.Plain] = true
				}
			}
		}
	}
	fixes := typoFixes(freq, func(plain string) bool { return synonym[plain] || an.Spread(locale, termOf[plain]) > 0 })
	joins, splits := compounds(analyses, in)
	if dc := decompounds(an, locale, freq, termOf); len(dc) > 0 {
		for w, parts := range dc {
			if _, ok := splits[w]; !ok {
				splits[w] = parts
			}
		}
		// The compound typed in two is then left in two, as the
		// compound typed joined now reads.
		for p, j := range joins {
			if _, ok := dc[j]; ok && splits[j] == dc[j] {
				delete(joins, p)
			}
		}
	}
	light := map[string]bool{} // terms of light words
	lights := lightWords[i18n.Language(locale)]
	keys = make([]string, len(in))
	itemOf := make(map[string]int32, len(in))
	items := make([]item, 0, len(in))
	termID := make(map[string]int32, len(in)/2)
	phrasingItem := make([]int32, len(in))
	// The phrasings whose words were fixed are analysed again, on every
	// core (and kept, as the others are).
	var fixedIn []meaningInput
	var fixedOf []int
	for i, a := range analyses {
		if fixed, ok := fixWords(a.Words, fixes, joins, splits); ok {
			fixedIn = append(fixedIn, meaningInput{text: fixed})
			fixedOf = append(fixedOf, i)
		}
	}
	refixed := make([]*Analysis, len(analyses))
	for k, b := range analyzeAll(an, locale, fixedIn) {
		refixed[fixedOf[k]] = &b
	}
	grouping := make([][]string, len(in)) // each phrasing's terms, its codes read
	marked := map[string]bool{}           // the codes the failed set names
	for i, a := range analyses {
		terms, words := a.Terms, a.Words
		if b := refixed[i]; b != nil {
			terms, words = b.Terms, b.Words
		}
		for _, w := range words {
			if w.Term != "" && (lights[w.Plain] || oneCharacter(w.Term)) {
				light[w.Term] = true
			}
		}
		if len(terms) == 0 {
			// Only stop words ("how to"): the words themselves (in a new
			// slice: analyses are shared between reports).
			terms = nil
			for _, w := range a.Words {
				terms = append(terms, "="+w.Plain)
			}
		}
		keys[i] = strings.Join(sortedSet(terms), " ")
		// Items are grouped by the terms with their addresses and codes
		// read (the key has the terms as they are).
		grouping[i] = sortedSet(sameCodes(readCodes(words, dropReferences(words, readAddresses(an, locale, in[i].text, terms)))))
		for _, t := range grouping[i] {
			if strings.HasPrefix(t, codeMark) {
				marked[t] = true
			}
		}
	}
	for i, terms := range grouping {
		terms = codesAsRead(terms, marked)
		it, ok := itemOf[strings.Join(terms, " ")]
		if !ok {
			it = int32(len(items))
			itemOf[strings.Join(terms, " ")] = it
			ids := make([]int32, len(terms))
			for k, t := range terms {
				id, ok := termID[t]
				if !ok {
					id = int32(len(termID))
					termID[t] = id
				}
				ids[k] = id
			}
			sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
			items = append(items, item{terms: ids})
		}
		switch {
		case items[it].who == nil:
			items[it].who = in[i].who
		case items[it].visitors >= 0:
			// Gathered now, sorted once below (a copy: the first list
			// is the phrasing's).
			items[it].who = append(slices.Clip(items[it].who), in[i].who...)
			items[it].visitors = -1
		default:
			items[it].who = append(items[it].who, in[i].who...)
		}
		phrasingItem[i] = it
	}
	for i := range items {
		if items[i].visitors < 0 {
			slices.Sort(items[i].who)
			items[i].who = slices.Compact(items[i].who)
		}
		items[i].visitors = len(items[i].who)
	}
	itemBridges := make([]bridge, 0, len(bridges))
	for _, br := range bridges {
		a, b := phrasingItem[br.a], phrasingItem[br.b]
		if a != b {
			itemBridges = append(itemBridges, bridge{a, b, br.visitors, br.who})
		}
	}
	factor := make([]float64, len(termID))
	docs := an.Articles(locale)
	for t, id := range termID {
		spread := 0.0
		if !strings.HasPrefix(t, "=") {
			spread = an.Spread(locale, strings.TrimLeft(t, codeMark+addrMark))
		}
		factor[id] = termFactor(spread, docs, light[t])
	}
	// code[id] is the number of the code a term names, by its digits
	// ("401k" and "401(k)" name one), 0 for other terms.
	code := make([]int32, len(termID))
	codeOf := map[string]int32{}
	for t, id := range termID {
		if d, ok := codeDigits(t); ok {
			if codeOf[d] == 0 {
				codeOf[d] = int32(len(codeOf) + 1)
			}
			code[id] = codeOf[d]
		}
	}
	root, words := clusterItems(items, factor, code, itemBridges)
	// A group is named by its first phrasing.
	first, firstPart := map[int]int{}, map[int]int{}
	group, part = make([]int, len(in)), make([]int, len(in))
	for i := range in {
		r, w := root[phrasingItem[i]], words[phrasingItem[i]]
		if _, ok := first[r]; !ok {
			first[r] = i
		}
		if _, ok := firstPart[w]; !ok {
			firstPart[w] = i
		}
		group[i], part[i] = first[r], firstPart[w]
	}
	return group, part, keys
}

// oneCharacter reports whether a term is a single letter or digit of a
// script written with spaces between words ("x", "7", "b" in "plan b"):
// such a term stays part of the phrasing's meaning but weighs as little
// as a light word, since two queries sharing it ("windows 7 install",
// "iphone 7 battery") share no topic. A single Han, kana, Hangul or Thai
// character can be a whole word, and keeps its weight.
func oneCharacter(term string) bool {
	r, n := utf8.DecodeRuneInString(term)
	if n == 0 || n != len(term) {
		return false
	}
	return !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// analyzeAll analyses every phrasing, on every core.
func analyzeAll(an Analyzer, locale string, in []meaningInput) []Analysis {
	out := make([]Analysis, len(in))
	if c, ok := an.(*cachedAnalyzer); ok {
		// The analyses kept are taken at once; only the others are
		// analysed, then kept.
		missing := c.lookup(locale, in, out)
		if len(missing) == 0 {
			return out
		}
		sub := make([]meaningInput, len(missing))
		for k, i := range missing {
			sub[k] = in[i]
		}
		got := analyzeAll(c.Analyzer, locale, sub)
		for k, i := range missing {
			out[i] = got[k]
		}
		c.keep(locale, sub, got)
		return out
	}
	const chunk = 512
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for start := 0; start < len(in); start += chunk {
		g.Go(func() error {
			for i := start; i < min(start+chunk, len(in)); i++ {
				out[i] = an.Analyze(locale, in[i].text)
			}
			return nil
		})
	}
	g.Wait()
	return out
}

// fixWords returns the words with their typos fixed and compounds spelt
// the one way (see compounds), joined by spaces, and whether any changed.
func fixWords(words []Word, fixes map[string]string, joins map[[2]string]string, splits map[string]string) (string, bool) {
	changed := false
	parts := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		w := words[i].Plain
		// A pair joined may join the next word in turn: "huur auto
		// verzekering" is "huurauto verzekering", then
		// "huurautoverzekering" when the failed set types both.
		joined := false
		for i+1 < len(words) {
			j, ok := joins[[2]string{w, words[i+1].Plain}]
			if !ok {
				break
			}
			w, joined, changed = j, true, true
			i++
		}
		if joined {
			parts = append(parts, w)
			continue
		}
		if f, ok := fixes[w]; ok {
			w, changed = f, true
		}
		if sp, ok := splits[w]; ok {
			parts, changed = append(parts, splitAll(sp, splits, 3)), true
			continue
		}
		parts = append(parts, w)
	}
	if !changed {
		return "", false
	}
	return strings.Join(parts, " "), true
}

// splitAll returns the words of text with each that splits spells in two
// (a compound typed joined, see compounds and decompounds) so spelt, and
// its parts in turn, depth times at most.
func splitAll(text string, splits map[string]string, depth int) string {
	if depth == 0 {
		return text
	}
	ws := strings.Fields(text)
	changed := false
	for i, w := range ws {
		if sp, ok := splits[w]; ok {
			ws[i], changed = splitAll(sp, splits, depth-1), true
		}
	}
	if !changed {
		return text
	}
	return strings.Join(ws, " ")
}

// compounds finds the words the failed set spells both joined and in two
// ("wifi" and "wi-fi", "seasonticket" and "season ticket") and returns how
// to spell each the one way: the way more visitors typed it.
func compounds(analyses []Analysis, in []meaningInput) (joins map[[2]string]string, splits map[string]string) {
	single := map[string]int{}
	for i, a := range analyses {
		for _, w := range a.Words {
			single[w.Plain] += in[i].visitors
		}
	}
	// Only the pairs whose joined spelling is a word of the set count.
	pairs := map[[2]string]int{}
	var buf []byte
	for i, a := range analyses {
		for k := 0; k+1 < len(a.Words); k++ {
			buf = append(append(buf[:0], a.Words[k].Plain...), a.Words[k+1].Plain...)
			if _, ok := single[string(buf)]; ok {
				pairs[[2]string{a.Words[k].Plain, a.Words[k+1].Plain}] += in[i].visitors
			}
		}
	}
	joins, splits = map[[2]string]string{}, map[string]string{}
	for p, n := range pairs {
		joined := p[0] + p[1]
		m, ok := single[joined]
		if !ok || !codeJoin(p) && (len(p[0]) < 2 || len(p[1]) < 2 || hasDigit(joined)) {
			continue
		}
		if m >= n {
			joins[p] = joined
		} else {
			splits[joined] = p[0] + " " + p[1]
		}
	}
	// The pair typed the other way round ("versicherung unfall" beside
	// "unfall versicherung" and "unfallversicherung") is that compound
	// too, spelt the one way: joined, else it shares no word with it; or
	// in two in the compound's order when more visitors type it apart,
	// since the search analysis may read that order, not the other, as
	// the compound the content writes ("bagage schade" is "bagageschade",
	// "schade bagage" two words).
	for _, a := range analyses {
		for k := 0; k+1 < len(a.Words); k++ {
			p := [2]string{a.Words[k+1].Plain, a.Words[k].Plain}
			typed := [2]string{p[1], p[0]}
			if _, own := pairs[typed]; own {
				continue
			}
			if j, ok := joins[p]; ok {
				joins[typed] = j
			} else if sp, ok := splits[p[0]+p[1]]; ok && pairs[p] > 0 {
				joins[typed] = sp
			}
		}
	}
	return joins, splits
}

// codeJoin reports whether a pair of words is a code's letters and its
// number typed apart or with a hyphen ("w 4", "W-4", "e 24", "ps 5"): up to
// three letters, then digits alone. Joined ("w4") it is the one code.
func codeJoin(p [2]string) bool {
	if len(p[0]) > 3 || p[1] == "" || strings.Trim(p[1], "0123456789") != "" {
		return false
	}
	for _, r := range p[0] {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// sortedSet sorts terms and removes duplicates, in a new slice.
func sortedSet(terms []string) []string {
	out := append([]string(nil), terms...)
	sort.Strings(out)
	n := 0
	for i, t := range out {
		if i == 0 || t != out[n-1] {
			out[n] = t
			n++
		}
	}
	return out[:n]
}

// codeDigits returns the digits of a term that is a code, an identifier
// of one problem, and whether it is one: at least three digits, no full
// stop (a version or build number, "2.3.1", "16.0.17928.20114", names one
// release, where many problems meet), not a year (1900 to 2099): error
// codes ("0x80070005", "1603", "404", "aadsts50011"), forms and article
// numbers ("941", "kb5031356"), or a few letters and two digits
// (site.ShortCode: "e24"). Codes with the same digits are one
// ("401k", "401"), except hexadecimal ones, whose letters are digits too
// ("0x800f081f" and "0x800a081f" are two), written with 0x or without
// (site.HexErrorCode: "8007000e" is "0x8007000e"). A term readCodes marked is
// a code whatever its digits ("#2004" of "event 2004", "#5" of "error
// 5"). Two phrasings naming different codes ask about different problems
// (see codesConflict).
func codeDigits(term string) (string, bool) {
	if d, ok := strings.CutPrefix(term, codeMark); ok {
		return d, true
	}
	if strings.HasPrefix(term, addrMark) {
		return "", false // an address (readAddresses)
	}
	if strings.ContainsRune(term, '.') {
		return "", false
	}
	if site.HexCode(term) {
		return term[2:], true
	}
	if site.HexErrorCode(term) {
		return term, true
	}
	var digits []byte
	for i := 0; i < len(term); i++ {
		if term[i] >= '0' && term[i] <= '9' {
			digits = append(digits, term[i])
		}
	}
	d := string(digits)
	if len(d) == 2 && site.ShortCode(term) {
		return term, true
	}
	if len(d) < 3 || len(d) == 4 && d == term && (d[:2] == "19" || d[:2] == "20") {
		return "", false
	}
	return d, true
}

// codeMark starts the term readCodes gives a number it reads as a code.
// No analysis makes a term of it.
const codeMark = "#"

// readCodes returns terms, the terms of words (an Analysis), with each
// number or word with digits that comes right after a code word
// (site.CodeAfter) and that codeDigits would not read as a code on its
// own, a year ("error 1935", "event 2004"), a short number ("error 5") or
// a letter and a few digits ("erreur E42"), marked as one: codeMark and
// its term. Elsewhere such numbers are what they seem: "invoice for 2023"
// names a year, no problem. In a new slice when any is marked.
func readCodes(words []Word, terms []string) []string {
	var out []string
	for k := 1; k < len(words); k++ {
		w := words[k]
		before, prev := wordsBefore(words, k)
		if w.Term == "" || !site.CodeAfter(before, prev, w.Plain) {
			continue
		}
		if _, ok := codeDigits(w.Term); ok {
			continue
		}
		if out == nil {
			out = append([]string(nil), terms...)
		}
		for i, t := range out {
			if t == w.Term {
				out[i] = codeMark + t
			}
		}
	}
	if out == nil {
		return terms
	}
	return out
}

// wordsBefore returns the two words typed before words[k] (k ≥ 1), as
// site.CodeAfter and site.Reference read them: "" before the first.
func wordsBefore(words []Word, k int) (before, prev string) {
	if k >= 2 {
		before = words[k-2].Plain
	}
	return before, words[k-1].Plain
}

// dropReferences returns terms, the terms of words (an Analysis), without
// the numbers that name one customer's order, invoice or account
// (site.Reference: "4821" of "order 4821 refund"): they say whose case,
// not what is asked, and as codes they would keep apart the same
// question asked by two customers. In a new slice when any is dropped.
func dropReferences(words []Word, terms []string) []string {
	var out []string
	for k := 1; k < len(words); k++ {
		w := words[k]
		before, prev := wordsBefore(words, k)
		if w.Term == "" || site.CodeAfter(before, prev, w.Plain) || !site.Reference(before, prev, w.Plain) {
			continue
		}
		if out == nil {
			out = append([]string(nil), terms...)
		}
		out = slices.DeleteFunc(out, func(t string) bool { return t == w.Term })
	}
	if out == nil {
		return terms
	}
	return out
}

// sameCodes returns terms with each code (codeDigits) written as the one
// term of its number, codeMark and its digits, so that the phrasings
// naming one code however it is typed share it: "8007000E" and
// "0x8007000e", "80070005" and "0x80070005", "401k" and "401(k)". In a new
// slice when any code is rewritten.
func sameCodes(terms []string) []string {
	var out []string
	for i, t := range terms {
		d, ok := codeDigits(t)
		if !ok || t == codeMark+d {
			continue
		}
		if out == nil {
			out = append([]string(nil), terms...)
		}
		out[i] = codeMark + d
	}
	if out == nil {
		return terms
	}
	return out
}

// codesAsRead returns terms with each word of letters and digits that the
// failed set reads as a code after a code word elsewhere (marked holds the
// codes of its phrasings, with codeMark) written as that code: "E42" and
// "E42 error" name the code of "error E42", as people type the code a
// display shows with "error" or without. A number without a letter
// ("7" of "windows 7", "2023" of "invoice for 2023") stays what it
// seems. In a new slice when any is rewritten.
func codesAsRead(terms []string, marked map[string]bool) []string {
	var out []string
	for i, t := range terms {
		if strings.HasPrefix(t, codeMark) || !marked[codeMark+t] || !site.CodeLike(t) || strings.Trim(t, "0123456789") == "" {
			continue
		}
		if out == nil {
			out = append([]string(nil), terms...)
		}
		out[i] = codeMark + t
	}
	if out == nil {
		return terms
	}
	return sortedSet(out)
}

// addrMark starts the term readAddresses gives an IP address. No analysis
// makes a term of it.
const addrMark = "@"

// readAddresses returns terms, the terms of text as an reads it in
// locale, with the pieces an analysis cuts each IP address of text into
// (site.IPAddresses: "fe80::1" is "fe80" and "1"; "192.168.1.1" four
// numbers to an analysis that splits on full stops) replaced by one term:
// addrMark and the address ("@fe80::1"). Pieces are no words two phrasings
// share: "2001:db8::1" and "2001:db8::2", "192.168.1.1" and
// "192.168.1.20" are different addresses. An address is no code (see
// codeDigits). In a new slice when text has an address.
func readAddresses(an Analyzer, locale, text string, terms []string) []string {
	addrs := site.IPAddresses(text)
	if len(addrs) == 0 {
		return terms
	}
	out := append([]string(nil), terms...)
	for _, a := range addrs {
		for _, p := range an.Analyze(locale, text[a.Start:a.End]).Terms {
			if k := slices.Index(out, p); k >= 0 {
				out = slices.Delete(out, k, k+1)
			}
		}
		out = append(out, addrMark+a.Addr.String())
	}
	return out
}
