// Package gaps turns failed searches into a content-gap report: searches
// that found nothing, and searches whose results nobody opened, grouped by
// what they mean and ranked by how many people made them.
package gaps

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// Kinds of failure.
const (
	NoResults = "no_results" // the search found nothing
	NoClick   = "no_click"   // it found articles, but none was opened or voted on
	// UnlinkedTicket: a support ticket that no article answers (its
	// subject is the query).
	UnlinkedTicket = "unlinked_ticket"
	// NoHelp: the widget opened on a host screen (a context key, else a
	// path) that no article's contexts fit. Its key is the screen.
	NoHelp = "no_help"
)

// Search is one recorded search with what followed it.
type Search struct {
	Query      string // as typed (personal data already redacted)
	Normalized string
	Locale     string
	Source     string
	Context    string // the widget's context key
	Path       string // the widget's host page path
	Visitor    string
	Results    int
	Clicked    bool // a result was opened, or an article voted on, within the visit
	Time       time.Time
	// Kind, when set, is the failure this record stands for (an
	// UnlinkedTicket); empty, it follows from Results and Clicked.
	Kind string
}

// Failure returns the kind of failure: Kind when set, else NoResults,
// NoClick, or "" for a search that succeeded.
func (s Search) Failure() string {
	switch {
	case s.Kind != "":
		return s.Kind
	case s.Results == 0:
		return NoResults
	case !s.Clicked:
		return NoClick
	}
	return ""
}

// Variant is one way a gap was phrased.
type Variant struct {
	Query    string `json:"query"`
	Searches int    `json:"searches"`
}

// Gap is a group of failed searches that mean the same thing.
type Gap struct {
	// ID identifies the gap across reports (see ID).
	ID       string    `json:"id"`
	Kind     string    `json:"kind"`
	Locale   string    `json:"locale"`
	Key      string    `json:"key"`   // the meaning: sorted terms
	Query    string    `json:"query"` // representative: the most searched variant
	Variants []Variant `json:"variants"`
	// Visitors counts distinct people (a visitor on a day counts once,
	// however often they searched).
	Visitors  int            `json:"visitors"`
	Searches  int            `json:"searches"`
	FirstSeen time.Time      `json:"first_seen"`
	LastSeen  time.Time      `json:"last_seen"`
	Last7     int            `json:"visitors_7d"`      // visitors in the last 7 days
	Prev7     int            `json:"visitors_prev_7d"` // in the 7 days before
	Last30    int            `json:"visitors_30d"`
	Sources   map[string]int `json:"sources"`  // searches by source
	Contexts  map[string]int `json:"contexts"` // widget context keys
	Paths     map[string]int `json:"paths"`    // widget host paths, IDs folded (see Screen)
	// Triage, filled from the team's decisions (see Triage).
	Status     string     `json:"status,omitempty"`
	Note       string     `json:"note,omitempty"`
	AnsweredAt *time.Time `json:"answered_at,omitempty"`
	// Before and After count visitors before and since AnsweredAt.
	Before int `json:"visitors_before_answer,omitempty"`
	After  int `json:"visitors_after_answer,omitempty"`
}

// Triage statuses.
const (
	StatusNewArticle = "new_article"
	StatusProductFix = "product_fix"
	StatusIgnored    = "ignored"
	StatusAnswered   = "answered"
)

// Triage is the team's decision on one gap.
type Triage struct {
	ID         string
	Status     string
	Note       string
	AnsweredAt *time.Time
}

// ID returns a short stable identifier of a gap from its kind, locale and
// key, so decisions stick to it as new searches come in.
func ID(kind, locale, key string) string {
	h := fnv.New64a()
	h.Write([]byte(kind + "|" + locale + "|" + key))
	return fmt.Sprintf("%012x", h.Sum64()&0xffffffffffff)
}

// Options tune Group.
type Options struct {
	// MinVisitors is the number of distinct visitors below which a gap is
	// not listed (default 2): one person cannot make a gap.
	MinVisitors int
	// Now anchors the 7- and 30-day windows.
	Now time.Time
	// Terms reduces a query to the terms that carry its meaning in locale
	// (the search index's analyzer: stems, stop words, synonyms). Nil:
	// the normalised words, sorted.
	Terms func(locale, text string) []string
	// Decisions are the team's triage by gap ID: status and note are
	// copied into the gaps; answered gaps count visitors before and since
	// the answer. Gaps marked ignored are left out unless KeepIgnored.
	Decisions   map[string]Triage
	KeepIgnored bool
}

type acc struct {
	gap      *Gap
	variants map[string]int
	visits   map[string]bool // visitor|day
	people   map[string]bool
	days7    map[string]bool
	prev7    map[string]bool
	days30   map[string]bool
	// firstAt is when each visit (visitor|day) first searched, to count
	// visitors before and after an answer.
	firstAt map[string]time.Time
}

// Group groups failed searches by kind, locale and meaning, and returns the
// gaps with at least MinVisitors distinct visitors, most visitors first.
// Words are grouped across typos too: a term one edit away (two for 8
// letters or more) from a more frequent term of the same locale counts as
// that term.
func Group(searches []Search, opts Options) []Gap {
	if opts.MinVisitors <= 0 {
		opts.MinVisitors = 2
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	terms := opts.Terms
	if terms == nil {
		terms = func(_, text string) []string {
			f := strings.Fields(textnorm.Key(text))
			sort.Strings(f)
			return f
		}
	}
	type analysed struct {
		s     Search
		kind  string
		terms []string
	}
	var list []analysed
	freq := map[string]map[string]int{} // locale → term → searches
	for _, s := range searches {
		k := s.Failure()
		if k == "" {
			continue
		}
		if k == NoHelp {
			// A screen is its own key: no stems, typos or subsets.
			if t := Screen(s.Context, s.Path); t != "" {
				list = append(list, analysed{s, k, []string{t}})
			}
			continue
		}
		t := dropGeneric(terms(s.Locale, s.Query))
		if len(t) == 0 {
			continue
		}
		list = append(list, analysed{s, k, t})
		if freq[s.Locale] == nil {
			freq[s.Locale] = map[string]int{}
		}
		for _, w := range t {
			freq[s.Locale][w]++
		}
	}
	canon := map[string]map[string]string{}
	for loc, f := range freq {
		canon[loc] = mergeTypos(f)
	}
	groups := map[string]*acc{}
	var order []string
	for _, a := range list {
		ts := a.terms
		if a.kind != NoHelp {
			ts = make([]string, 0, len(a.terms))
			for _, t := range a.terms {
				ts = append(ts, canon[a.s.Locale][t])
			}
			sort.Strings(ts)
			ts = compact(ts)
		}
		key := a.kind + "|" + a.s.Locale + "|" + strings.Join(ts, " ")
		g := groups[key]
		if g == nil {
			g = &acc{
				gap:      &Gap{Kind: a.kind, Locale: a.s.Locale, Key: strings.Join(ts, " "), Sources: map[string]int{}, Contexts: map[string]int{}, Paths: map[string]int{}},
				variants: map[string]int{}, visits: map[string]bool{}, people: map[string]bool{},
				days7: map[string]bool{}, prev7: map[string]bool{}, days30: map[string]bool{},
				firstAt: map[string]time.Time{},
			}
			g.gap.ID = ID(a.kind, a.s.Locale, g.gap.Key)
			if d, ok := opts.Decisions[g.gap.ID]; ok {
				g.gap.Status, g.gap.Note, g.gap.AnsweredAt = d.Status, d.Note, d.AnsweredAt
			}
			groups[key] = g
			order = append(order, key)
		}
		s := a.s
		gap := g.gap
		gap.Searches++
		if a.kind == NoHelp {
			g.variants[ts[0]]++
		} else {
			g.variants[strings.TrimSpace(s.Query)]++
		}
		who := s.Visitor
		if who == "" {
			who = "?" + s.Time.UTC().Format(time.RFC3339Nano) // unknown visitor: count each search
		}
		day := s.Time.UTC().Format("2006-01-02")
		g.visits[who+"|"+day] = true
		g.people[who] = true
		if t, ok := g.firstAt[who+"|"+day]; !ok || s.Time.Before(t) {
			g.firstAt[who+"|"+day] = s.Time
		}
		age := opts.Now.Sub(s.Time)
		switch {
		case age < 7*24*time.Hour:
			g.days7[who+"|"+day] = true
		case age < 14*24*time.Hour:
			g.prev7[who+"|"+day] = true
		}
		if age < 30*24*time.Hour {
			g.days30[who+"|"+day] = true
		}
		if gap.FirstSeen.IsZero() || s.Time.Before(gap.FirstSeen) {
			gap.FirstSeen = s.Time
		}
		if s.Time.After(gap.LastSeen) {
			gap.LastSeen = s.Time
		}
		gap.Sources[s.Source]++
		if s.Context != "" {
			gap.Contexts[s.Context]++
		}
		if s.Path != "" {
			gap.Paths[screenPath(s.Path)]++
		}
	}
	order = mergeSubsets(groups, order)
	var out []Gap
	for _, key := range order {
		g := groups[key]
		if len(g.people) < opts.MinVisitors || g.gap.Status == StatusIgnored && !opts.KeepIgnored {
			continue
		}
		gap := g.gap
		gap.Visitors = len(g.visits)
		gap.Last7, gap.Prev7, gap.Last30 = len(g.days7), len(g.prev7), len(g.days30)
		if gap.AnsweredAt != nil {
			for _, t := range g.firstAt {
				if t.Before(*gap.AnsweredAt) {
					gap.Before++
				} else {
					gap.After++
				}
			}
		}
		for q, n := range g.variants {
			gap.Variants = append(gap.Variants, Variant{Query: q, Searches: n})
		}
		sort.Slice(gap.Variants, func(i, j int) bool {
			a, b := gap.Variants[i], gap.Variants[j]
			if a.Searches != b.Searches {
				return a.Searches > b.Searches
			}
			return a.Query < b.Query
		})
		gap.Query = gap.Variants[0].Query
		out = append(out, *gap)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Visitors != out[j].Visitors {
			return out[i].Visitors > out[j].Visitors
		}
		if out[i].Searches != out[j].Searches {
			return out[i].Searches > out[j].Searches
		}
		return out[i].LastSeen.After(out[j].LastSeen)
	})
	return out
}

// Screen names a host screen of the widget: its context key when the app
// gave one, else its path with the segments that look like identifiers
// folded to "*" (/orders/8412/edit → /orders/*/edit), so one screen is one
// gap whatever record it shows. Empty when there is neither.
func Screen(context, path string) string {
	if context = strings.TrimSpace(context); context != "" {
		return context
	}
	if path == "" {
		return ""
	}
	return screenPath(path)
}

// screenPath folds identifier-like segments of a path: those with a digit
// that are all digits, or long (16+ characters, as UUIDs and hashes are),
// or of 6+ characters a third of which are digits.
func screenPath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		if idLike(s) {
			segs[i] = "*"
		}
	}
	if out := strings.Join(segs, "/"); out != "" {
		return out
	}
	return "/"
}

func idLike(s string) bool {
	digits, letters := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == '_' || r == '.':
		default:
			letters++
		}
	}
	switch {
	case digits == 0:
		return false
	case letters == 0:
		return true // 8412, 2024-05-01
	case len(s) >= 16:
		return true // UUIDs, hashes, slugs with ids
	}
	return len(s) >= 6 && digits*3 >= len(s) // a3f9c1, inv_8412; not v2, step3, 2fa
}

// mergeTypos maps each term to itself or to a more frequent term one edit
// away (two for terms of 8 letters or more); terms under 4 letters stay.
func mergeTypos(freq map[string]int) map[string]string {
	terms := make([]string, 0, len(freq))
	for t := range freq {
		terms = append(terms, t)
	}
	// Most frequent first, so each term maps to the best-attested spelling.
	sort.Slice(terms, func(i, j int) bool {
		if freq[terms[i]] != freq[terms[j]] {
			return freq[terms[i]] > freq[terms[j]]
		}
		return terms[i] < terms[j]
	})
	canon := make(map[string]string, len(terms))
	var heads []string
	for _, t := range terms {
		canon[t] = t
		n := utf8.RuneCountInString(t)
		if n < 4 || strings.HasPrefix(t, "~") {
			heads = append(heads, t)
			continue
		}
		limit := 1
		if n >= 8 {
			limit = 2
		}
		for _, h := range heads {
			if strings.HasPrefix(h, "~") || freq[h] < freq[t] {
				continue
			}
			if site.EditDistance(t, h, limit) <= limit {
				canon[t] = h
				break
			}
		}
		if canon[t] == t {
			heads = append(heads, t)
		}
	}
	return canon
}

func compact(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// generic are verbs that say how, not what ("take my bike", "get my
// invoice"), as stemmed by the English and French analyzers: they would
// keep apart queries about the same thing.
var generic = map[string]bool{
	"take": true, "get": true, "make": true, "use": true, "need": true, "want": true,
	"put": true, "bring": true, "carri": true, "find": true, "see": true, "go": true,
	"prendr": true, "fair": true, "utilis": true, "trouv": true, "voir": true, "veux": true, "besoin": true,
}

func dropGeneric(ts []string) []string {
	out := ts[:0:0]
	for _, t := range ts {
		if !generic[t] {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return ts
	}
	return out
}

// mergeSubsets folds a group into another of the same kind and locale whose
// terms include all of its terms ("bike" into "bike train"), choosing the
// one with the most searches, so a shorter phrasing joins the gap it
// belongs to. It returns the remaining keys in order.
func mergeSubsets(groups map[string]*acc, order []string) []string {
	sets := map[string][]string{}
	posting := map[string][]string{} // kind|locale|term → group keys holding it
	for _, k := range order {
		g := groups[k].gap
		if g.Kind == NoHelp {
			continue // a screen is not a set of words
		}
		sets[k] = strings.Fields(g.Key)
		for _, t := range sets[k] {
			pk := g.Kind + "|" + g.Locale + "|" + t
			posting[pk] = append(posting[pk], k)
		}
	}
	bySize := append([]string(nil), order...)
	sort.SliceStable(bySize, func(i, j int) bool { return len(sets[bySize[i]]) < len(sets[bySize[j]]) })
	merged := map[string]bool{}
	for _, small := range bySize {
		g := groups[small].gap
		// Supersets hold every term of small: scan the shortest posting list.
		var cands []string
		for i, t := range sets[small] {
			p := posting[g.Kind+"|"+g.Locale+"|"+t]
			if i == 0 || len(p) < len(cands) {
				cands = p
			}
		}
		best := ""
		for _, big := range cands {
			if big == small || merged[big] || len(sets[big]) <= len(sets[small]) || !subset(sets[small], sets[big]) {
				continue
			}
			if best == "" || groups[big].gap.Searches > groups[best].gap.Searches {
				best = big
			}
		}
		if best != "" {
			groups[best].absorb(groups[small])
			merged[small] = true
		}
	}
	out := order[:0:0]
	for _, k := range order {
		if !merged[k] {
			out = append(out, k)
		}
	}
	return out
}

func subset(small, big []string) bool {
	for _, s := range small {
		found := false
		for _, b := range big {
			if s == b {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// absorb adds o's searches to a.
func (a *acc) absorb(o *acc) {
	g, og := a.gap, o.gap
	g.Searches += og.Searches
	for k, v := range o.variants {
		a.variants[k] += v
	}
	for _, pair := range []struct{ to, from map[string]bool }{
		{a.visits, o.visits}, {a.people, o.people}, {a.days7, o.days7}, {a.prev7, o.prev7}, {a.days30, o.days30},
	} {
		for k := range pair.from {
			pair.to[k] = true
		}
	}
	for k, t := range o.firstAt {
		if old, ok := a.firstAt[k]; !ok || t.Before(old) {
			a.firstAt[k] = t
		}
	}
	for _, pair := range []struct{ to, from map[string]int }{
		{g.Sources, og.Sources}, {g.Contexts, og.Contexts}, {g.Paths, og.Paths},
	} {
		for k, v := range pair.from {
			pair.to[k] += v
		}
	}
	if og.FirstSeen.Before(g.FirstSeen) {
		g.FirstSeen = og.FirstSeen
	}
	if og.LastSeen.After(g.LastSeen) {
		g.LastSeen = og.LastSeen
	}
}
