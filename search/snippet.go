package search

import (
	"html"
	"html/template"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// snippetWords is the length of a snippet, in words.
const snippetWords = 30

// tok is one word of a text: its byte offsets.
type tok struct{ start, end int }

// inWord reports whether r belongs to a word: letters, digits, marks, and
// the invisible characters textnorm removes (a soft hyphen inside a word
// does not split it).
func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || textnorm.Invisible(r)
}

// isHyphen reports whether r joins the parts of a compound word.
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// splitWords cuts s into words: runs of letters, digits and marks,
// apostrophes inside a word included ("l'opération", "user's"), and
// hyphenated compounds kept whole ("Wi-Fi"), as the index sees them.
func splitWords(s string) []tok {
	var out []tok
	forWords(s, func(t tok) { out = append(out, t) })
	return out
}

// forWords calls f with each word of s, as splitWords cuts them, without
// allocating.
func forWords(s string, f func(tok)) {
	start := -1
	for i, r := range s {
		if inWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if (r == '\'' || r == '’' || isHyphen(r)) && start >= 0 {
			if next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):]); unicode.IsLetter(next) || isHyphen(r) && unicode.IsDigit(next) {
				continue
			}
		}
		if start >= 0 {
			f(tok{start, i})
			start = -1
		}
	}
	if start >= 0 {
		f(tok{start, len(s)})
	}
}

// marked is a text cut into words, with how each matches the query.
type marked struct {
	text  string
	toks  []tok
	kinds []markKind
	// score weighs the distinct matched terms: a word typed counts
	// double a synonym or correction.
	score, count int
	keys         map[string]markKind
}

func markText(s string, m *matcher) marked {
	t := marked{text: s, toks: splitWords(s), keys: map[string]markKind{}}
	t.kinds = make([]markKind, len(t.toks))
	keys := make([]string, len(t.toks))
	for i, w := range t.toks {
		keys[i], t.kinds[i] = m.match(s[w.start:w.end])
	}
	if m.inPhrases(keys, func(i int) string { return s[t.toks[i].start:t.toks[i].end] }) {
		for i, key := range keys {
			if key == "" {
				t.kinds[i] = markNone
			}
		}
	}
	t.toks, t.kinds, keys = m.narrowIdeographs(s, t.toks, t.kinds, keys)
	for i, k := range t.kinds {
		if k == markNone {
			continue
		}
		t.count++
		if k > t.keys[keys[i]] {
			t.keys[keys[i]] = k
		}
	}
	for _, k := range t.keys {
		t.score += weight(k)
	}
	return t
}

// ideographic reports whether r is written without spaces between words:
// an ideograph, kana or a Hangul syllable, which the index reads in pairs.
func ideographic(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// narrowIdeographs cuts each matched word of s written in ideographs or
// kana, a whole clause between two punctuation marks in Japanese or
// Chinese ("お手入れボタンを3秒間押し続けます"), into the runs the query
// matched and the rest, so that only what matched is marked ("お手入れ"),
// as a word is in a spaced script. The index reads such text in pairs of
// signs: a run of signs whose every pair is a term of the query is marked
// when it is a word of the query as typed (a sign alone too) or holds
// three signs or more, so that the one pair "タン" of the query "ボタン" is
// not marked in "タンク" nor is the clause holding it; a run of other
// letters or digits inside the word is matched as a word ("PDF"). The runs
// keep the word's key.
func (m *matcher) narrowIdeographs(s string, toks []tok, kinds []markKind, keys []string) ([]tok, []markKind, []string) {
	var out []tok
	var outKinds []markKind
	var outKeys []string
	keep := func(i int) {
		if out != nil {
			out, outKinds, outKeys = append(out, toks[i]), append(outKinds, kinds[i]), append(outKeys, keys[i])
		}
	}
	for i, w := range toks {
		word := s[w.start:w.end]
		if kinds[i] == markNone || !strings.ContainsFunc(word, ideographic) {
			keep(i)
			continue
		}
		type sign struct {
			start, end int
			ideo       bool
			kind       markKind
		}
		var signs []sign
		for j, r := range word {
			signs = append(signs, sign{w.start + j, w.start + j + utf8.RuneLen(r), ideographic(r), markNone})
		}
		text := func(a, b int) string { return s[signs[a].start:signs[b].end] }
		found := false
		for j := 0; j < len(signs); {
			e := j + 1
			for e < len(signs) && signs[e].ideo == signs[j].ideo {
				e++
			}
			if !signs[j].ideo {
				if _, k := m.match(text(j, e-1)); k != markNone {
					for x := j; x < e; x++ {
						signs[x].kind = k
					}
					found = true
				}
				j = e
				continue
			}
			for x := j; x < e; x++ {
				if m.ideoRuns[text(x, x)] {
					signs[x].kind, found = max(signs[x].kind, kinds[i]), true
				}
			}
			// Runs of pairs that are terms of the query.
			for a := j; a < e-1; {
				b, kind := a, markNone
				for b < e-1 {
					_, k := m.match(text(b, b+1))
					if k == markNone {
						break
					}
					kind = max(kind, k)
					b++
				}
				if b > a && (b-a >= 2 || m.ideoRuns[text(a, b)]) {
					for x := a; x <= b; x++ {
						signs[x].kind = max(signs[x].kind, kind)
					}
					found = true
				}
				a = b + 1
			}
			j = e
		}
		if out == nil {
			out, outKinds, outKeys = append([]tok{}, toks[:i]...), append([]markKind{}, kinds[:i]...), append([]string{}, keys[:i]...)
		}
		if !found {
			// Only pairs of a longer word of the query: no match.
			out, outKinds, outKeys = append(out, w), append(outKinds, markNone), append(outKeys, "")
			continue
		}
		for j := 0; j < len(signs); {
			e := j + 1
			for e < len(signs) && (signs[e].kind == markNone) == (signs[j].kind == markNone) {
				e++
			}
			k, key := markNone, ""
			for x := j; x < e; x++ {
				k = max(k, signs[x].kind)
			}
			if k != markNone {
				key = keys[i]
			}
			out, outKinds, outKeys = append(out, tok{signs[j].start, signs[e-1].end}), append(outKinds, k), append(outKeys, key)
			j = e
		}
	}
	if out == nil {
		return toks, kinds, keys
	}
	return out, outKinds, outKeys
}

func weight(k markKind) int {
	if k == markTyped {
		return 2
	}
	return 1
}

// sentence is one sentence of a prose line of a section.
type sentence struct {
	marked
	words   int
	lineEnd bool // the sentence ends its line (a paragraph or list item)
}

// snippet returns the best matching passage of the article, with the
// heading and anchor of its section. The section is the one whose prose
// (paragraphs and list items, not table cells or code) holds the most
// distinct matched terms, words typed counting double synonyms and
// corrections, a match in its heading counting too; the passage is its best
// sentence, followed (or preceded) by whole sentences up to snippetWords
// words, a long sentence being cut around its matches. Without any
// matching prose, the description, under the heading of the section whose
// table or code matched, if any.
func (li *localeIndex) snippet(a *site.Article, m *matcher) (template.HTML, string, string) {
	best, bestScore, bestCount := -1, 0, 0
	fallback, fallbackScore := -1, 0
	for i, sec := range a.Sections {
		score, count, other, keys := proseScore(sec, m)
		if sec.Heading.Text != "" {
			// A word of the query in the heading that its prose lacks:
			// a section matched by its heading alone is still the one
			// to name.
			for key, k := range markText(sec.Heading.Text, m).keys {
				if keys[key] == markNone {
					score += weight(k)
				}
			}
		}
		if score > bestScore || score == bestScore && score > 0 && count > bestCount {
			best, bestScore, bestCount = i, score, count
		}
		if other > fallbackScore {
			fallback, fallbackScore = i, other
		}
	}
	if best < 0 {
		text := a.Description
		if text == "" && len(a.Sections) > 0 {
			text = a.Sections[0].Text
		}
		heading, anchor := "", ""
		if fallback >= 0 {
			heading, anchor = a.Sections[fallback].Heading.Text, a.Sections[fallback].Heading.ID
		}
		return li.highlight(text, m, snippetWords), heading, anchor
	}
	sec := a.Sections[best]
	sents := proseSentences(sec, m)
	if len(sents) == 0 {
		// Its heading matched, and it holds only code or a table.
		return li.highlight(a.Description, m, snippetWords), sec.Heading.Text, sec.Heading.ID
	}
	return renderSentences(sents, snippetWords), sec.Heading.Text, sec.Heading.ID
}

// proseScore returns the score and number of the matches in the prose
// lines of a section, the score of its other lines (table cells, code), and
// the terms its prose matched, in one pass over its text.
func proseScore(sec site.Section, m *matcher) (score, count, other int, prose map[string]markKind) {
	prose = map[string]markKind{}
	var verbatim map[string]markKind
	line, next := 0, strings.IndexByte(sec.Text, '\n')
	var toks []tok
	var keys []string
	var kinds []markKind
	forWords(sec.Text, func(w tok) {
		key, k := m.match(sec.Text[w.start:w.end])
		if k != markNone && strings.ContainsFunc(sec.Text[w.start:w.end], ideographic) {
			// A clause of Japanese or Chinese matches by what it would
			// have marked.
			_, kinds, _ := m.narrowIdeographs(sec.Text, []tok{w}, []markKind{k}, []string{key})
			k = slices.Max(kinds)
		}
		if k == markNone && len(m.phraseOnly) == 0 {
			return // the words around matter to phrases only
		}
		toks, keys, kinds = append(toks, w), append(keys, key), append(kinds, k)
	})
	m.inPhrases(keys, func(i int) string { return sec.Text[toks[i].start:toks[i].end] })
	for i, w := range toks {
		key, k := keys[i], kinds[i]
		if key == "" || k == markNone {
			continue
		}
		for next >= 0 && w.start > next {
			line++
			if n := strings.IndexByte(sec.Text[next+1:], '\n'); n >= 0 {
				next += n + 1
			} else {
				next = -1
			}
		}
		set := prose
		if _, v := slices.BinarySearch(sec.Verbatim, line); v {
			if verbatim == nil {
				verbatim = map[string]markKind{}
			}
			set = verbatim
		} else {
			count++
		}
		set[key] = max(set[key], k)
	}
	for _, k := range prose {
		score += weight(k)
	}
	for _, k := range verbatim {
		other += weight(k)
	}
	return score, count, other, prose
}

// proseSentences cuts the prose lines of a section into marked sentences.
func proseSentences(sec site.Section, m *matcher) []sentence {
	var out []sentence
	for i, line := range strings.Split(sec.Text, "\n") {
		if _, verbatim := slices.BinarySearch(sec.Verbatim, i); verbatim {
			continue
		}
		parts := sentences(line)
		for j, s := range parts {
			mt := markText(s, m)
			out = append(out, sentence{marked: mt, words: len(mt.toks), lineEnd: j == len(parts)-1})
		}
	}
	return out
}

// sentences cuts a line of prose after each '.', '!', '?', '…' or other
// sentence terminal ('؟', '।') followed by a space, except after
// abbreviations ("e.g.") and single letters, and after each ideographic or
// full-width stop ('。', '？'), which the next sentence follows without a
// space, unless a closing quote or bracket follows it (「はい。」と) or, for
// '．', a digit (０．５).
func sentences(line string) []string {
	var out []string
	start := 0
	for i, r := range line {
		if !sentenceEnd(r) {
			continue
		}
		end := i + utf8.RuneLen(r)
		if end >= len(line) {
			continue
		}
		if fullWidthEnd(r) {
			if next, _ := utf8.DecodeRuneInString(line[end:]); unicode.In(next, unicode.Pe, unicode.Pf) || r == '．' && unicode.IsDigit(next) {
				continue
			}
		} else if line[end] != ' ' || r == '.' && abbreviation(line[start:i]) {
			continue
		}
		out = append(out, strings.TrimSpace(line[start:end]))
		start = end
	}
	if rest := strings.TrimSpace(line[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// abbreviation reports whether the word before a period looks like an
// abbreviation rather than the end of a sentence.
func abbreviation(before string) bool {
	w := before
	if i := strings.LastIndexByte(before, ' '); i >= 0 {
		w = before[i+1:]
	}
	switch strings.ToLower(w) {
	case "e.g", "i.e", "vs", "ex", "p. ex", "mr", "mrs", "dr", "no", "cf", "env", "approx":
		return true
	}
	return utf8.RuneCountInString(w) == 1
}

// renderSentences renders the best sentence and its neighbours, whole, up
// to n words: following sentences first, then preceding ones. A sentence
// that ends a paragraph or list item without punctuation gets a period, so
// that blocks read as sentences. A best sentence longer than n words is
// cut around its matches.
func renderSentences(sents []sentence, n int) template.HTML {
	best := 0
	for i, s := range sents {
		b := sents[best]
		if s.score > b.score || s.score == b.score && s.count > b.count {
			best = i
		}
	}
	if sents[best].words >= n {
		s := sents[best]
		return render(s.text, s.toks, s.kinds, n)
	}
	from, to, words := best, best+1, sents[best].words
	for to < len(sents) && words+sents[to].words <= n {
		words += sents[to].words
		to++
	}
	for from > 0 && words+sents[from-1].words <= n {
		from--
		words += sents[from].words
	}
	var b strings.Builder
	for i := from; i < to; i++ {
		s := sents[i]
		if i > from && !unspaced(sents[i-1].text) {
			b.WriteByte(' ')
		}
		b.WriteString(string(render(s.text, s.toks, s.kinds, 0)))
		if s.lineEnd && (i < to-1) && !endsSentence(s.text) {
			if unspaced(s.text) {
				b.WriteString("。")
			} else {
				b.WriteByte('.')
			}
		}
	}
	return template.HTML(b.String())
}

// closers are the quotes and brackets that may follow a sentence's final
// punctuation.
const closers = `"'”’»)]」』）】`

// endsSentence reports whether s ends with punctuation that closes a
// sentence or introduces what follows, in any script: "." and "…", the
// ideographic "。" and full-width "？", Arabic "؟", Devanagari "।" (every
// sentence terminal of Unicode), ":" and ";" with their full-width and
// Arabic forms.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, closers))
	return sentenceEnd(r) || strings.ContainsRune(":;：；؛", r)
}

// sentenceEnd reports whether r ends a sentence: '…' and Unicode's
// sentence terminals.
func sentenceEnd(r rune) bool { return r == '…' || unicode.Is(unicode.Sentence_Terminal, r) }

// fullWidthEnd reports whether r ends a sentence of a script written
// without spaces (Chinese, Japanese): the next sentence follows it
// directly.
func fullWidthEnd(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '．' || r == '｡'
}

// unspaced reports whether the sentence s is written without spaces
// between sentences: it ends with an ideograph, kana or a full-width stop,
// so the sentence after it follows without a space and a block without
// final punctuation is closed with "。".
func unspaced(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, closers))
	return fullWidthEnd(r) || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// highlight escapes s and marks its matching words, cut to at most n words
// around the matches when n > 0.
func (li *localeIndex) highlight(s string, m *matcher, n int) template.HTML {
	t := markText(s, m)
	return render(s, t.toks, t.kinds, n)
}

// render escapes the window of n words of s (all of s when n == 0) holding
// the most marked words, wrapping those in <mark> (with a class for
// synonyms and corrections).
func render(s string, toks []tok, kinds []markKind, n int) template.HTML {
	if len(toks) == 0 {
		return template.HTML(html.EscapeString(strings.TrimSpace(s)))
	}
	from, to := 0, len(toks)
	if n > 0 && len(toks) > n {
		from, to = window(s, toks, kinds, n)
	}
	var b strings.Builder
	start, end := 0, len(s)
	if from > 0 {
		start = toks[from].start
		b.WriteString("…")
	}
	if to < len(toks) {
		end = toks[to-1].end
	}
	pos := start
	for i := from; i < to; i++ {
		t := toks[i]
		b.WriteString(html.EscapeString(s[pos:t.start]))
		w := html.EscapeString(s[t.start:t.end])
		if k := kinds[i]; k != markNone {
			b.WriteString(k.tag())
			b.WriteString(w)
			b.WriteString("</mark>")
		} else {
			b.WriteString(w)
		}
		pos = t.end
	}
	b.WriteString(html.EscapeString(s[pos:end]))
	if to < len(toks) {
		b.WriteString("…")
	}
	return template.HTML(strings.TrimSpace(b.String()))
}

// window returns the n words of toks holding the most distinct marked
// words (a word typed counting double), then the most marks, starting a few
// words before the first match for context.
func window(s string, toks []tok, kinds []markKind, n int) (from, to int) {
	inWin := map[string]int{}
	typed := map[string]int{}
	count, best, bestStart := 0, -1, 0
	key := func(i int) string { return strings.ToLower(s[toks[i].start:toks[i].end]) }
	for i := range toks {
		if kinds[i] != markNone {
			count++
			inWin[key(i)]++
			if kinds[i] == markTyped {
				typed[key(i)]++
			}
		}
		if i >= n && kinds[i-n] != markNone {
			count--
			k := key(i - n)
			if inWin[k]--; inWin[k] == 0 {
				delete(inWin, k)
			}
			if kinds[i-n] == markTyped {
				if typed[k]--; typed[k] == 0 {
					delete(typed, k)
				}
			}
		}
		if score := (len(inWin)+len(typed))*(n+1) + count; i >= n-1 && score > best {
			best, bestStart = score, i-n+1
		}
	}
	first, last := bestStart+n, bestStart
	for i := bestStart; i < bestStart+n; i++ {
		if kinds[i] != markNone {
			first, last = min(first, i), i
		}
	}
	if first > last {
		first, last = bestStart, bestStart
	}
	slack := n - (last - first + 1)
	from = max(0, min(first-min(5, slack), len(toks)-n))
	return from, from + n
}
