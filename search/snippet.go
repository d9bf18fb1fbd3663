package search

import (
	"html"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
)

// snippetWords is the length of a snippet, in words.
const snippetWords = 30

// tok is one word of a text: its byte offsets.
type tok struct{ start, end int }

// splitWords cuts s into words: runs of letters, digits and marks,
// apostrophes inside a word included ("l'opération", "user's").
func splitWords(s string) []tok {
	var out []tok
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if (r == '\'' || r == '’') && start >= 0 {
			if next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):]); unicode.IsLetter(next) {
				continue
			}
		}
		if start >= 0 {
			out = append(out, tok{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, tok{start, len(s)})
	}
	return out
}

// marks returns which words of s match, and the distinct terms matched.
func marks(s string, toks []tok, m *matcher) ([]bool, map[string]bool) {
	out := make([]bool, len(toks))
	seen := map[string]bool{}
	for i, t := range toks {
		if key, ok := m.match(s[t.start:t.end]); ok {
			out[i] = true
			seen[key] = true
		}
	}
	return out, seen
}

// snippet returns the best matching passage of the article, with the
// heading and anchor of its section: the section holding the most distinct
// matched terms (a match in its heading counts double), cut to a window of
// snippetWords words around the matches. Without any matching section, the
// description.
func (li *localeIndex) snippet(a *site.Article, m *matcher) (template.HTML, string, string) {
	best, bestScore, bestCount := -1, 0, 0
	var bestToks []tok
	var bestMarks []bool
	for i, sec := range a.Sections {
		toks := splitWords(sec.Text)
		mk, seen := marks(sec.Text, toks, m)
		count := 0
		for _, ok := range mk {
			if ok {
				count++
			}
		}
		score := len(seen)
		if sec.Heading.Text != "" {
			_, hs := marks(sec.Heading.Text, splitWords(sec.Heading.Text), m)
			for key := range hs {
				if !seen[key] {
					score += 2
				}
			}
		}
		if score > bestScore || score == bestScore && score > 0 && count > bestCount {
			best, bestScore, bestCount, bestToks, bestMarks = i, score, count, toks, mk
		}
	}
	if best < 0 {
		text := a.Description
		if text == "" && len(a.Sections) > 0 {
			text = a.Sections[0].Text
		}
		return li.highlight(text, m, snippetWords), "", ""
	}
	sec := a.Sections[best]
	return render(sec.Text, bestToks, bestMarks, snippetWords), sec.Heading.Text, sec.Heading.ID
}

// highlight escapes s and marks its matching words, cut to at most n words
// around the matches when n > 0.
func (li *localeIndex) highlight(s string, m *matcher, n int) template.HTML {
	toks := splitWords(s)
	mk, _ := marks(s, toks, m)
	return render(s, toks, mk, n)
}

// render escapes the window of n words of s (all of s when n == 0) holding
// the most marked words, wrapping those in <mark>.
func render(s string, toks []tok, marks []bool, n int) template.HTML {
	if len(toks) == 0 {
		return template.HTML(html.EscapeString(strings.TrimSpace(s)))
	}
	from, to := 0, len(toks)
	if n > 0 && len(toks) > n {
		// Slide a window of n words; keep the first with the most distinct
		// matched terms, then the most matches.
		inWin := map[string]int{}
		count, best, bestStart := 0, -1, 0
		for i := range toks {
			if marks[i] {
				count++
				inWin[strings.ToLower(s[toks[i].start:toks[i].end])]++
			}
			if i >= n && marks[i-n] {
				count--
				if t := strings.ToLower(s[toks[i-n].start:toks[i-n].end]); inWin[t] == 1 {
					delete(inWin, t)
				} else {
					inWin[t]--
				}
			}
			if score := len(inWin)*(n+1) + count; i >= n-1 && score > best {
				best, bestStart = score, i-n+1
			}
		}
		// Start a few words before the first match for context, without
		// losing the last one.
		first, last := bestStart+n, bestStart
		for i := bestStart; i < bestStart+n; i++ {
			if marks[i] {
				first, last = min(first, i), i
			}
		}
		if first > last {
			first, last = bestStart, bestStart
		}
		slack := n - (last - first + 1)
		from = max(0, min(first-min(5, slack), len(toks)-n))
		to = from + n
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
		if marks[i] {
			b.WriteString("<mark>")
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
