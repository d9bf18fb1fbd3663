package web

import (
	"net/url"
	"slices"
	"strings"
)

// URL variants: a request for a page's path written another way — other
// letter case, a trailing .md or .html (links copied from a repository or
// another tool), /index, the default locale as a prefix (/en/…), under
// /docs/ as Docusaurus serves docs, or characters percent-encoded that
// need not be — answers 301 to the page's URL, in one hop; the same forms
// of a removed page's path answer 410.

// variantIndex maps lower-cased page, redirect and removed paths, without
// trailing slash, to the URL to send visitors to.
type variantIndex map[string]variantTarget

// variantTarget is where a variant leads: to, escaped, and whether it is
// where an alias or redirect leads (moved) rather than the page matched;
// gone (to is "") when the path is a removed page's.
type variantTarget struct {
	to    string
	moved bool
	gone  bool
}

// variantsOf indexes the snapshot's pages, redirects and removed pages
// (built on the first miss, then kept with the snapshot).
func (st *published) variantsOf() variantIndex {
	st.variantsOnce.Do(func() {
		idx := variantIndex{}
		for p := range st.pages {
			idx.add(p, variantTarget{to: escapePath(p)})
		}
		for p := range st.rankedPaths {
			idx.add(p, variantTarget{to: escapePath(p)})
		}
		for from, to := range st.moved {
			idx.add(from, variantTarget{to: to, moved: true})
		}
		for from := range st.gone {
			idx.add(from, variantTarget{gone: true})
		}
		// An alias or redirect written as the old site served it
		// (/docs/old/setup.html) is found from its other forms too
		// (/docs/old/setup, /old/setup), after every path as written,
		// in path order so that the first of two forms is always the same.
		froms := make([]string, 0, len(st.moved)+len(st.gone))
		for from := range st.moved {
			froms = append(froms, from)
		}
		for from := range st.gone {
			froms = append(froms, from)
		}
		slices.Sort(froms)
		for _, from := range froms {
			t := variantTarget{gone: true}
			if to, ok := st.moved[from]; ok {
				t = variantTarget{to: to, moved: true}
			}
			for _, k := range st.view.Lib.Config.PathKeys(from)[1:] {
				idx.add(k, t)
			}
		}
		st.variants = idx
	})
	return st.variants
}

func (idx variantIndex) add(p string, to variantTarget) {
	k := strings.ToLower(p)
	if len(k) > 1 {
		k = strings.TrimSuffix(k, "/")
	}
	if _, ok := idx[k]; !ok {
		idx[k] = to
	}
}

// variant returns where to send a request for p that matched nothing as
// written, false when p is no variant of a page (a removed page's is
// not: see isGone).
func (st *state) variant(p string) (string, bool) {
	t, ok := st.variantOf(p)
	return t.to, ok && !t.gone
}

// variantOf is variant, saying whether p is a variant of an alias or
// redirect, or of a removed page (gone; p itself too, in any case and with
// or without its trailing slash).
func (st *state) variantOf(p string) (variantTarget, bool) {
	idx := st.variantsOf()
	// The forms of p, p in any case first: an alias or redirect written
	// with an extension (/help/Refund.html) is found as written.
	for _, k := range st.view.Lib.Config.PathKeys(p) {
		if to, ok := idx[k]; ok {
			if !to.gone && to.to == escapePath(p) {
				return variantTarget{}, false
			}
			return to, true
		}
	}
	return variantTarget{}, false
}

// encodedVariant returns the canonical form of a request whose path
// percent-encodes characters that need no encoding ("/billing/%72efund"),
// false when the path is written canonically or names no page.
func (st *state) encodedVariant(raw, p string) (string, bool) {
	if raw == "" {
		return "", false
	}
	if _, ok := st.page(p); !ok {
		return "", false
	}
	canonical := escapePath(p)
	if canonical == raw || unreservedDecoded(raw) != canonical {
		return "", false
	}
	return canonical, true
}

// escapePath percent-encodes a path the way Go (and browsers) do.
func escapePath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

// unreservedDecoded decodes the escapes of unreserved characters (letters,
// digits, - . _ ~) in an escaped path and upper-cases the hex digits of the
// others, as RFC 3986 normalisation does.
func unreservedDecoded(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if raw[i] == '%' && i+2 < len(raw) && isHex(raw[i+1]) && isHex(raw[i+2]) {
			c := unhex(raw[i+1])<<4 | unhex(raw[i+2])
			if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~", c) >= 0) {
				b.WriteByte(c)
			} else {
				b.WriteString("%" + strings.ToUpper(raw[i+1:i+3]))
			}
			i += 2
			continue
		}
		b.WriteByte(raw[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
