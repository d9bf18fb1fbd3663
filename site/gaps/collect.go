package gaps

import (
	"hash/maphash"
	"sort"
	"strings"

	"github.com/guichet/guichet/site/textnorm"
)

// collector takes the records of a report one by one, in any order, and
// keeps of each only what the report counts: who, when, how it failed and
// where. Memory grows with the records (about 40 bytes each) and the
// distinct phrasings, never with their text repeated.
type collector struct {
	// visitors numbers the visitor hashes, by a 64-bit hash of each: a
	// map without pointers, which the garbage collector does not scan
	// (two of a million visitors share a hash about once in 30 million
	// reports, and would count as one).
	visitors map[uint64]uint32
	seed     maphash.Seed
	lastV    struct {
		s  string
		id uint32
	}
	nextID uint32

	phrasings []*phrasing
	// byText finds a phrasing by its text, per kind and locale; last is
	// the part the previous record went to (most records are searches of
	// one locale).
	byText map[phrasingPart]map[string]int32
	last   struct {
		part phrasingPart
		m    map[string]int32
	}

	strs    map[string]uint32 // sources, contexts, paths, articles
	strList []string

	// steps are the failed searches of known visitors, to find
	// reformulations once all are in (see finish); bridges holds each
	// (phrasing, phrasing, visitor) once.
	steps   []step
	bridges map[bridgeKey]struct{}
	// lastStr caches the last strings interned: sources, contexts and
	// paths repeat from one record to the next.
	lastStr [3]struct {
		s  string
		id uint32
	}
}

// step is one failed search of a known visitor.
type step struct {
	visitor  uint32
	phrasing int32
	at       int64
}

type phrasingPart struct{ kind, locale string }

type bridgeKey struct {
	a, b    int32
	visitor uint32
}

// phrasing is one distinct normalised query (or screen) of a kind and
// locale.
type phrasing struct {
	kind, locale, text string
	// spellings counts how the phrasing was typed (the first few).
	spellings []Spelling
	hits      []hit
	failed    bool  // any hit failed
	first     int64 // earliest failed hit, unix ms
	// waiting are the subscriptions of people waiting for an answer to
	// this phrasing (see Record.Waiting).
	waiting []string
	// courtesy: whether the phrasing is greetings or thanks alone
	// (textnorm.OnlyCourtesy), read once: 0 not yet, 1 yes, 2 no.
	courtesy int8
}

// onlyCourtesy reports whether the phrasing is greetings or thanks alone,
// read on its first failed search.
func (p *phrasing) onlyCourtesy() bool {
	if p.courtesy == 0 {
		p.courtesy = 2
		if textnorm.OnlyCourtesy(p.text) {
			p.courtesy = 1
		}
	}
	return p.courtesy == 1
}

// hit is one record of a phrasing.
type hit struct {
	at      int64 // unix ms
	visitor uint32
	failure uint8 // one of the fail… constants
	// empty: the search found nothing, even when it is no failure (a
	// search of greetings alone): the top searches count it among the
	// searches with no result, as the dashboard does.
	empty   bool
	source  uint32
	context uint32
	path    uint32 // the host path, identifiers folded
	// article is, for a ticket, the nearest article (nearestS its
	// score); for a failed search, the article found instead (see
	// Record.Found).
	article  uint32
	nearestS float32
	// shown is, for a no-click search, the article it returned first
	// (Record.FirstHit).
	shown uint32
}

// Failures, as stored in a hit.
const (
	failNone uint8 = iota
	failNoResults
	failNoClick
	failTicket
	failScreen
)

// Spelling is one way a text was typed (a phrasing, a screen's context
// key), and how often.
type Spelling struct {
	Text string
	N    int
}

// maxSpellings bounds the spellings kept per phrasing.
const maxSpellings = 8

func newCollector() *collector {
	c := &collector{
		visitors: map[uint64]uint32{},
		seed:     maphash.MakeSeed(),
		byText:   map[phrasingPart]map[string]int32{},
		strs:     map[string]uint32{},
		bridges:  map[bridgeKey]struct{}{},
	}
	c.strList = []string{""} // 0 is the empty string
	return c
}

func (c *collector) intern(s string) uint32 {
	if s == "" {
		return 0
	}
	if id, ok := c.strs[s]; ok {
		return id
	}
	id := uint32(len(c.strList))
	s = strings.Clone(s) // kept: see Record
	c.strs[s] = id
	c.strList = append(c.strList, s)
	return id
}

// visitor returns the number that identifies a record's person: its
// visitor hash, or, without one, a number of its own.
func (c *collector) visitor(v string) (uint32, bool) {
	if v == "" {
		c.nextID++
		return c.nextID, false
	}
	if c.lastV.s == v && c.lastV.id != 0 {
		return c.lastV.id, true
	}
	h := maphash.String(c.seed, v)
	id, ok := c.visitors[h]
	if !ok {
		c.nextID++
		id = c.nextID
		c.visitors[h] = id
	}
	c.lastV.s, c.lastV.id = v, id
	return id, true
}

// newPhrasing adds the phrasing of text, kind and locale, found by its
// text from now on.
func (c *collector) newPhrasing(kind, locale, text string) int32 {
	text = strings.Clone(text) // kept: see Record
	pi := int32(len(c.phrasings))
	c.last.m[text] = pi
	c.phrasings = append(c.phrasings, &phrasing{kind: kind, locale: locale, text: text})
	return pi
}

// add takes one record.
func (c *collector) add(r Record) {
	var kind, text string
	var fail uint8
	switch r.Failure() {
	case NoHelp:
		kind, text, fail = NoHelp, Screen(r.Context, r.Path), failScreen
		if text == "" {
			return
		}
	case UnlinkedTicket:
		kind, fail = UnlinkedTicket, failTicket
	case NoResults:
		kind, fail = KindSearch, failNoResults
	case NoClick:
		kind, fail = KindSearch, failNoClick
	default:
		kind, fail = KindSearch, failNone
	}

	if kind != NoHelp {
		text = r.Normalized
		if text == "" {
			text = textnorm.Key(r.Query)
		}
		if text == "" {
			return
		}
	}
	part := phrasingPart{kind, r.Locale}
	if c.last.m == nil || c.last.part != part {
		m := c.byText[part]
		if m == nil {
			m = map[string]int32{}
			c.byText[part] = m
		}
		c.last.part, c.last.m = part, m
	}
	pi, ok := c.last.m[text]
	if !ok && kind != NoHelp {
		// A key stored by an older text normalisation (textnorm.Key
		// changed since: Arabic letter variants, Greek accents) is read
		// as the key is made now, so that one query stays one phrasing
		// across an upgrade; the old text finds it next time.
		if k := textnorm.Key(text); k != text {
			if k == "" {
				return
			}
			if pi, ok = c.last.m[k]; !ok {
				pi, ok = c.newPhrasing(kind, r.Locale, k), true
			}
			c.last.m[strings.Clone(text)] = pi
		}
	}
	if !ok {
		pi = c.newPhrasing(kind, r.Locale, text)
	}
	p := c.phrasings[pi]
	empty := fail == failNoResults
	if kind == KindSearch && fail != failNone && p.onlyCourtesy() {
		// "boa tarde", "hello", "thanks": a search that asks nothing
		// misses no article (it is counted among the searches).
		fail = failNone
	}
	at := r.Time.UnixMilli()
	typed := strings.TrimSpace(r.Query)
	if kind == NoHelp {
		typed = text
	}
	p.countSpelling(typed)
	vid, known := c.visitor(r.Visitor)
	h := hit{at: at, visitor: vid, failure: fail, empty: empty, source: c.cached(0, r.Source), context: c.cached(1, r.Context)}
	if r.Path != "" {
		h.path = c.cached(2, ScreenKey(screenPath(r.Path))) // "/orders/" is "/orders"
	}
	switch {
	case r.Nearest != "":
		h.article, h.nearestS = c.intern(r.Nearest), float32(r.NearestScore)
	case r.Found != "" && fail != failNone:
		h.article = c.intern(r.Found)
	}
	if fail == failNoClick && r.FirstHit != "" {
		h.shown = c.intern(r.FirstHit)
	}
	p.hits = append(p.hits, h)
	if r.Waiting != "" {
		p.waiting = append(p.waiting, strings.Clone(r.Waiting))
	}
	if fail != failNone && (!p.failed || at < p.first) {
		p.failed, p.first = true, at
	}
	if kind == KindSearch && known && fail != failNone {
		c.steps = append(c.steps, step{vid, pi, at})
	}
}

// cached interns s through the cache slot k.
func (c *collector) cached(k int, s string) uint32 {
	if l := &c.lastStr[k]; l.s == s && (s != "" || l.id == 0) {
		return l.id
	}
	id := c.intern(s)
	c.lastStr[k].s, c.lastStr[k].id = s, id
	return id
}

// finish finds the reformulations once every record is in: a visitor's
// failed searches less than VisitGap apart, one after the other.
func (c *collector) finish() {
	sort.Slice(c.steps, func(i, j int) bool {
		a, b := c.steps[i], c.steps[j]
		if a.visitor != b.visitor {
			return a.visitor < b.visitor
		}
		return a.at < b.at
	})
	// One visit at a time: a run of one visitor's steps less than
	// VisitGap apart.
	for start := 0; start < len(c.steps); {
		end := start + 1
		for end < len(c.steps) && c.steps[end].visitor == c.steps[start].visitor &&
			c.steps[end].at-c.steps[end-1].at <= VisitGap.Milliseconds() {
			end++
		}
		visit := c.steps[start:end]
		start = end
		if len(visit) > maxRephrasings && distinctPhrasings(visit) > maxRephrasings {
			continue // someone exploring (or testing), not rephrasing
		}
		for i := 1; i < len(visit); i++ {
			prev, cur := visit[i-1], visit[i]
			if prev.phrasing == cur.phrasing {
				continue
			}
			a, b := prev.phrasing, cur.phrasing
			if a > b {
				a, b = b, a
			}
			c.bridges[bridgeKey{a, b, cur.visitor}] = struct{}{}
		}
	}
	c.steps = nil
}

// maxRephrasings is the most distinct failed phrasings one visit may hold
// for its searches in a row to be read as reformulations. Web searchers'
// sessions hold two to three queries on average and rarely more than five
// (Jansen, Spink and Saracevic 2000; Jansen, Booth and Spink 2009); a visit
// of more failed phrasings is someone exploring the help center, or
// testing it, whose questions follow each other without asking one thing
// (their words still group them).
const maxRephrasings = 5

// distinctPhrasings counts the distinct phrasings of steps.
func distinctPhrasings(steps []step) int {
	seen := make(map[int32]struct{}, len(steps))
	for _, s := range steps {
		seen[s.phrasing] = struct{}{}
	}
	return len(seen)
}

// countSpelling counts one more record typed as s (the first
// maxSpellings ways only).
func (p *phrasing) countSpelling(s string) {
	for i := range p.spellings {
		if p.spellings[i].Text == s {
			p.spellings[i].N++
			return
		}
	}
	if len(p.spellings) < maxSpellings && s != "" {
		p.spellings = append(p.spellings, Spelling{strings.Clone(s), 1}) // kept: see Record
	}
}
