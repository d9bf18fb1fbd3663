package search

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// dottedParts is what the content writes after the beginning of a dotted
// word being typed ("relais2." of "Relais2.exr"), looked up once per query
// (see dottedTypos).
type dottedParts struct {
	// fixes are the parts one typo away from the part being typed.
	fixes []string
	// written: some word continues with the part as typed.
	written bool
}

// dottedTypos gives the last part of a dotted word being typed (a word
// with full stops: "…Report.psq", "Relais2.exr") the parts that the words
// the content writes with the same beginning have there, one typo away
// from it ("ps1", "exe"; see partTypos): as prefixes of the autocomplete
// fields and as words, and the dotted word with each ("relais2.exe") as a
// prefix when the fields hold one that long. The parts typed before it,
// matched exactly, keep even a short part's corrections to the words
// written with them, so they are not held back as a short word's are.
// This holds whatever the length of the beginning and the digits in it,
// as a hyphenated word's last part is forgiven through its joined word
// (typedCompoundTypos). A part with a digit is taken as typed (a
// version). Before the query is ranked (found false, as typingTypos),
// only when no word continues as typed ("System.Asr", when the content
// writes "System.ArgumentException" and, elsewhere, "ASR"); once it found
// nothing (found), in any case. It reports whether it gave any.
func (li *localeIndex) dottedTypos(ctx context.Context, qa *queryAnalysis, found bool) (bool, error) {
	c := qa.typedCompound()
	if c == nil || len(qa.words) == 0 {
		return false, nil
	}
	dot := strings.LastIndexByte(c.plain, '.')
	w := &qa.words[len(qa.words)-1]
	if dot <= 0 || dot == len(c.plain)-1 || hasDigit(w.plain) || utf8.RuneCountInString(w.plain) < 2 {
		return false, nil
	}
	head := c.plain[:dot+1]
	if c.parts == nil {
		fixes, written, err := li.partTypos(ctx, head, w.plain)
		if err != nil {
			return false, err
		}
		c.parts = &dottedParts{fixes: fixes, written: written}
	}
	if len(c.parts.fixes) == 0 || c.parts.written && !found {
		return false, nil
	}
	added := false
	add := func(list *[]string, t string) {
		if !slices.Contains(*list, t) {
			*list = append(slices.Clip(*list), t) // clipped: the memos own the lists
			added = true
		}
	}
	for _, p := range c.parts.fixes {
		if li.vocab[p] > 0 {
			add(&w.typos, p)
		}
		add(&w.prefixTypos, truncate(p))
		if whole := head + p; utf8.RuneCountInString(whole) <= maxNgram {
			add(&c.prefixTypos, whole)
		}
	}
	w.short = false
	return added, nil
}

// truncate returns the first maxNgram letters of s: the longest prefix the
// autocomplete fields hold.
func truncate(s string) string {
	if utf8.RuneCountInString(s) <= maxNgram {
		return s
	}
	return string([]rune(s)[:maxNgram])
}

// partTypos returns the parts written after head in the words with full
// stops of the content fields ("ex" of "relais2.exe" after "relais2."),
// up to the next full stop, that part (as typed) does not begin but is
// one typo away from their beginning (see typoDistance: "exr", "ee" and
// "eex" are one typo from "exe"); the parts of words in most articles
// first, at most maxTypoCandidates. The content fields hold the analysed
// whole words, which the stemmer may have shortened at their end ("ex",
// "argumentexcept"): still the beginning of the part as written. written
// reports whether the content continues head with part as typed: a title,
// heading, keyword or tag starts so, or a part begins with it or is its
// stem.
func (li *localeIndex) partTypos(ctx context.Context, head, part string) (fixes []string, written bool, err error) {
	adv, err := li.idx.Advanced()
	if err != nil {
		return nil, false, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, false, err
	}
	defer r.Close()
	if whole := head + part; utf8.RuneCountInString(whole) <= maxNgram {
		n, err := prefixDocs(ctx, r, whole)
		if err != nil || n > 0 {
			return nil, n > 0, err
		}
	}
	stem := ""
	if toks := li.an.text.Analyze([]byte(part)); len(toks) == 1 {
		stem = string(toks[0].Term)
	}
	docs := map[string]int{}
	for _, f := range contentFields() {
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		d, err := r.FieldDictPrefix(f, []byte(head))
		if err != nil {
			return nil, false, err
		}
		for seen := 0; seen < maxPartTerms; seen++ {
			e, err := d.Next()
			if err != nil {
				d.Close()
				return nil, false, err
			}
			if e == nil {
				break
			}
			rest := e.Term[len(head):]
			if i := strings.IndexByte(rest, '.'); i >= 0 {
				rest = rest[:i]
			}
			switch {
			case rest == "":
			case strings.HasPrefix(rest, part) || rest == stem:
				written = true
			case beginsOneTypo(part, rest):
				docs[rest] = max(docs[rest], int(e.Count))
			}
		}
		if err := d.Close(); err != nil {
			return nil, false, err
		}
	}
	fixes = slices.Collect(maps.Keys(docs))
	slices.SortFunc(fixes, func(a, b string) int {
		return cmp.Or(cmp.Compare(docs[b], docs[a]), strings.Compare(a, b))
	})
	return fixes[:min(len(fixes), maxTypoCandidates)], written, nil
}

// maxPartTerms bounds the terms partTypos reads in each field: a beginning
// shared by thousands of words ("www.") is not read to its end.
const maxPartTerms = 2000

// beginsOneTypo reports whether part is one typo away from the beginning
// of word: from its first len(part)-1, len(part) or len(part)+1 letters.
func beginsOneTypo(part, word string) bool {
	n, rs := utf8.RuneCountInString(part), []rune(word)
	for k := max(n-1, 1); k <= min(n+1, len(rs)); k++ {
		if typoDistance(part, string(rs[:k]), 1) <= 1 {
			return true
		}
	}
	return false
}
