package gaps

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/guichet/guichet/site/textnorm"
	"golang.org/x/sync/errgroup"
)

// Options choose what a report shows.
type Options struct {
	// Since starts the period counted; zero counts every record read.
	// Grouping always uses every record read, so a gap keeps its ID and
	// its phrasings whatever the period.
	Since time.Time
	// Until ends the period counted (excluded); zero counts up to now.
	Until time.Time
	// Now anchors the 7- and 30-day windows; zero means time.Now.
	Now time.Time
	// Locale, when set, keeps one locale.
	Locale string
	// MinVisitors is the number of distinct visitors in the period from
	// which a gap is listed (default 1). A gap people wait on, or one the
	// team corrected (merged others into, or made by moving a phrasing
	// out), is listed with any visitor in the period.
	MinVisitors int
	// KeepIgnored lists the gaps the team marked ignored too.
	KeepIgnored bool
	// TopQueries is how many of the most searched queries Report.Queries
	// holds (0: none).
	TopQueries int
}

// Report is the content-gap report of a period.
type Report struct {
	Since time.Time `json:"since"`
	// Until ends the period (excluded), zero for now: Options.Until.
	Until time.Time `json:"-"`
	// From and To are the first and last UTC days of the period, as the
	// other insights say them ("2026-11-01"; From is absent when every
	// record was read); Locale is Options.Locale, "" for every locale.
	From   string `json:"from,omitempty"`
	To     string `json:"to"`
	Locale string `json:"locale"`
	Gaps   []Gap  `json:"gaps"`
	// Queries are the most searched phrasings of the period, by
	// visitors, with how many of those visitors failed and the gap they
	// are part of.
	Queries []QueryCount `json:"queries,omitempty"`
	// Searches, Tickets and Openings count the records of the period:
	// the failed searches, the unlinked tickets and the openings of the
	// widget on screens with no help.
	Searches int `json:"failed_searches"`
	Tickets  int `json:"unlinked_tickets"`
	Openings int `json:"openings_without_help"`
}

// QueryCount is one phrasing with how often it was searched. Visitors are
// counted as everywhere in the report (see Gap.Visitors).
type QueryCount struct {
	Query    string `json:"query"` // the most common spelling
	Locale   string `json:"locale"`
	Searches int    `json:"searches"`
	Visitors int    `json:"visitors"`
	// Failed counts the visitors whose search of it failed, NoResults the
	// searches that found nothing.
	Failed    int    `json:"failed_visitors"`
	NoResults int    `json:"no_results"`
	GapID     string `json:"gap_id,omitempty"`
}

// Group builds the report of records held in memory: the same as
// Service.Report without a store. decisions are the stored decisions;
// analyzer nil splits on words.
func Group(records []Record, analyzer Analyzer, decisions []Decision, opts Options) Report {
	c := newCollector()
	for _, r := range records {
		c.add(r)
	}
	c.finish()
	return c.report(analyzer, decisions, opts)
}

// group is one gap being built: its phrasings.
type group struct {
	kind, locale string
	members      []int32 // phrasings
	// parts holds, per member, its part of the group as the words made
	// it (step 1 in cluster.go), before visitors' reformulations joined
	// it to others (step 2): a phrasing of the part, the same for all its
	// members. The groups the team's corrections make (applyTeam) have
	// none.
	parts  []int32
	anchor int32 // the first seen phrasing
	id     string
}

// grouped is the collected records grouped into gaps with their IDs.
type grouped struct {
	groups []*group
	keys   []string // per phrasing
	c      *collector
	// decisions are those the groups were placed with (place), each
	// phrasing held by its text also held by its meaning key (current);
	// nil for the groups the words made.
	decisions []Decision
}

// grouping groups the collected records by meaning and gives each group
// its ID. an nil splits on words.
func (c *collector) grouping(an Analyzer, decisions []Decision) *grouped {
	return c.place(c.byWords(an), decisions)
}

// byWords groups the collected records by meaning, before any decision:
// the long part of a report. an nil splits on words.
func (c *collector) byWords(an Analyzer) *grouped {
	if an == nil {
		an = plainAnalyzer{}
	}
	groups, keys := c.group(an)
	return &grouped{groups: groups, keys: keys, c: c}
}

// place gives the groups the words made (byWords) their IDs and applies
// the team's corrections; the groups the words made are left as they
// are, to be placed again with other decisions.
func (c *collector) place(words *grouped, decisions []Decision) *grouped {
	decisions = words.current(decisions)
	groups := make([]*group, len(words.groups))
	for i, g := range words.groups {
		cp := *g
		groups[i] = &cp
	}
	groups = apartFromMoved(groups, words.keys, c, decisions)
	assignIDs(groups, words.keys, c, decisions)
	groups = applyTeam(groups, words.keys, c, decisions)
	return &grouped{groups: groups, keys: words.keys, c: c, decisions: decisions}
}

// queryOf returns gr's phrasing as most of its visitors typed it (what
// its gap's Query is over every record held), "" when it has none.
func (g *grouped) queryOf(gr *group, now time.Time) string {
	gap, ok := g.c.count(gr, g.keys, periodOf(Options{}), now)
	if !ok {
		return ""
	}
	return gap.Query
}

// textMark starts an entry of a decision's key lists (Decision.Keys,
// Joined, Parted) that holds a phrasing's text (as stored: the one text
// normalisation) rather than its meaning key. The meaning key is what
// the content's analysis makes of the text, so it changes with the
// content (a synonym added, a word an article now uses); the text does
// not. A tab, which no normalised text and no meaning key holds.
const textMark = "\t"

// keysOf returns the keys of the phrasings of the gap with id: their
// meaning keys, then their texts (textMark), each once.
func (g *grouped) keysOf(id string) []string {
	for _, gr := range g.groups {
		if gr.id != id {
			continue
		}
		return g.keysOfMembers(gr.members, func(int32) bool { return true })
	}
	return nil
}

// keysOfMembers returns the meaning keys and the texts (textMark) of the
// members that keep says, each once.
func (g *grouped) keysOfMembers(members []int32, keep func(int32) bool) []string {
	seen := map[string]bool{}
	var keys, texts []string
	for _, m := range members {
		if !keep(m) {
			continue
		}
		if k := g.keys[m]; !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
		if t := textMark + g.c.phrasings[m].text; !seen[t] {
			seen[t] = true
			texts = append(texts, t)
		}
	}
	return append(keys, texts...)
}

// current returns the decisions with, beside each phrasing a key list
// holds by its text (textMark), the meaning key the running analysis
// gives that phrasing, so that a decision, a merge and a split made
// before the content changed how a phrasing reads still hold it. The
// decisions given are not modified.
func (g *grouped) current(decisions []Decision) []Decision {
	out := slices.Clone(decisions)
	for i := range out {
		d := &out[i]
		byText := g.c.byText[phrasingPart{d.Kind, d.Locale}]
		if len(byText) == 0 {
			continue
		}
		d.Keys = g.rekeyed(d.Keys, byText)
		d.Joined = g.rekeyed(d.Joined, byText)
		d.Parted = g.rekeyed(d.Parted, byText)
	}
	return out
}

// rekeyed returns list with the meaning key of each phrasing it holds by
// its text, when the list lacks it.
func (g *grouped) rekeyed(list []string, byText map[string]int32) []string {
	var add []string
	var has map[string]bool
	for _, e := range list {
		t, ok := strings.CutPrefix(e, textMark)
		if !ok {
			continue
		}
		p, ok := byText[t]
		if !ok {
			continue // no longer recorded
		}
		if has == nil {
			has = make(map[string]bool, len(list))
			for _, k := range list {
				has[k] = true
			}
		}
		if k := g.keys[p]; !has[k] {
			has[k] = true
			add = append(add, k)
		}
	}
	if len(add) == 0 {
		return list
	}
	return addKeys(list, add)
}

// report groups the collected records and counts the period.
func (c *collector) report(an Analyzer, decisions []Decision, opts Options) Report {
	return c.reportFrom(c.grouping(an, decisions), opts)
}

// reportFrom counts the period of records grouped and placed with the
// decisions (place), with the decisions changed since in place of theirs
// (a status or a note: nothing that moves a phrasing).
func (c *collector) reportFrom(gr *grouped, opts Options, changed ...Decision) Report {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.MinVisitors <= 0 {
		opts.MinVisitors = 1
	}
	groups, keys := gr.groups, gr.keys
	decisions := gr.decisions
	for _, d := range gr.current(changed) {
		decisions = replaceDecision(decisions, d)
	}
	byID := map[string]Decision{}
	for _, d := range decisions {
		byID[d.ID] = d
	}
	merged := mergedInto(decisions)
	moved := map[string]bool{} // kind|locale|key moved out of a gap
	for _, d := range decisions {
		for _, k := range d.Parted {
			moved[d.Kind+"|"+d.Locale+"|"+k] = true
		}
	}
	rep := Report{Since: opts.Since, Until: opts.Until, Locale: opts.Locale, Gaps: []Gap{}}
	if !opts.Since.IsZero() {
		rep.From = opts.Since.UTC().Format(time.DateOnly)
	}
	end := opts.Until
	if end.IsZero() {
		end = opts.Now
		if end.IsZero() {
			end = time.Now()
		}
	}
	rep.To = end.Add(-time.Millisecond).UTC().Format(time.DateOnly)
	w := periodOf(opts)
	gapOf := map[int32]string{}
	counted := c.countAll(groups, keys, w, opts)
	for gi, g := range groups {
		gap, ok := counted(gi)
		if !ok {
			continue
		}
		gap.Merged = merged[gap.ID]
		if d, ok := byID[gap.ID]; ok {
			gap.Status, gap.Note, gap.AnsweredAt, gap.AnsweredBy = d.Status, d.Note, d.AnsweredAt, d.AnsweredBy
			if d.AnsweredAt != nil {
				gap.Before, gap.After = c.beforeAfter(g, w, d.AnsweredAt.UnixMilli())
			}
		}
		corrected := len(byID[gap.ID].Joined) > 0 || len(byID[gap.ID].Parted) > 0
		for _, m := range g.members {
			gapOf[m] = gap.ID
			corrected = corrected || len(moved) > 0 && moved[g.kind+"|"+g.locale+"|"+keys[m]]
		}
		if gap.Visitors < opts.MinVisitors && gap.Waiting == 0 && !corrected || gap.Status == StatusIgnored && !opts.KeepIgnored {
			continue
		}
		rep.Gaps = append(rep.Gaps, gap)
	}
	sort.SliceStable(rep.Gaps, func(i, j int) bool {
		a, b := rep.Gaps[i], rep.Gaps[j]
		if a.Rank() != b.Rank() {
			return a.Rank() > b.Rank()
		}
		if a.Visitors != b.Visitors {
			return a.Visitors > b.Visitors
		}
		if a.Searches != b.Searches {
			return a.Searches > b.Searches
		}
		if !a.LastSeen.Equal(b.LastSeen) {
			return a.LastSeen.After(b.LastSeen)
		}
		return a.ID < b.ID
	})
	rep.Queries = c.queries(opts, w, gapOf)
	for _, p := range c.phrasings {
		if opts.Locale != "" && p.locale != opts.Locale {
			continue
		}
		for _, h := range p.hits {
			if !w.has(h.at) {
				continue
			}
			switch {
			case h.failure == failNone:
			case p.kind == KindSearch:
				rep.Searches++
			case p.kind == UnlinkedTicket:
				rep.Tickets++
			case p.kind == NoHelp:
				rep.Openings++
			}
		}
	}
	return rep
}

// countAll counts the groups of opts' locale (count) on every core, a
// chunk of groups at a time, and returns the count of the group at an
// index, asked in order (a group of another locale is not counted).
func (c *collector) countAll(groups []*group, keys []string, w window, opts Options) func(gi int) (Gap, bool) {
	const chunk = 1024
	type result struct {
		gap Gap
		ok  bool
	}
	var done []result
	start := -1
	return func(gi int) (Gap, bool) {
		if start < 0 || gi >= start+len(done) {
			start = gi
			done = make([]result, min(chunk, len(groups)-gi))
			workers := runtime.GOMAXPROCS(0)
			var g errgroup.Group
			for k := range workers {
				g.Go(func() error {
					for i := k; i < len(done); i += workers {
						if gr := groups[start+i]; opts.Locale == "" || gr.locale == opts.Locale {
							done[i].gap, done[i].ok = c.count(gr, keys, w, opts.Now)
						}
					}
					return nil
				})
			}
			g.Wait()
		}
		r := done[gi-start]
		return r.gap, r.ok
	}
}

// group groups the failed phrasings by kind, locale and meaning and
// returns the groups and each phrasing's key.
func (c *collector) group(an Analyzer) ([]*group, []string) {
	keys := make([]string, len(c.phrasings))
	type kl struct{ kind, locale string }
	parts := map[kl][]int32{}
	var order []kl
	for i, p := range c.phrasings {
		if !p.failed {
			continue
		}
		k := kl{p.kind, p.locale}
		if _, ok := parts[k]; !ok {
			order = append(order, k)
		}
		parts[k] = append(parts[k], int32(i))
	}
	sort.Slice(order, func(i, j int) bool {
		if order[i].kind != order[j].kind {
			return order[i].kind < order[j].kind
		}
		return order[i].locale < order[j].locale
	})
	// The phrasings in the order of their text, not of the records: the
	// grouping breaks its ties by this order, and the same records must
	// group the same way whatever order a store reads them in.
	for _, list := range parts {
		c.sortByText(list)
	}
	// Bridges by part, renumbered to the part's phrasings.
	local := make(map[int32]int32, len(c.phrasings))
	for _, list := range parts {
		for li, pi := range list {
			local[pi] = int32(li)
		}
	}
	// The visitors who went between two phrasings: the bridges sorted by
	// pair then visitor, each pair's visitors a part of one slice.
	keys2 := make([]bridgeKey, 0, len(c.bridges))
	for b := range c.bridges {
		if c.phrasings[b.a].failed && c.phrasings[b.b].failed {
			keys2 = append(keys2, b)
		}
	}
	slices.SortFunc(keys2, func(x, y bridgeKey) int {
		if x.a != y.a {
			return cmp.Compare(x.a, y.a)
		}
		if x.b != y.b {
			return cmp.Compare(x.b, y.b)
		}
		return cmp.Compare(x.visitor, y.visitor)
	})
	who := make([]uint32, len(keys2))
	for i, b := range keys2 {
		who[i] = b.visitor
	}
	partBridges := map[kl][]bridge{}
	for i := 0; i < len(keys2); {
		j := i + 1
		for j < len(keys2) && keys2[j].a == keys2[i].a && keys2[j].b == keys2[i].b {
			j++
		}
		a, b := keys2[i].a, keys2[i].b
		p, q := c.phrasings[a], c.phrasings[b]
		if p.kind == q.kind && p.locale == q.locale {
			// (A visitor who searched in one language, then in another:
			// gaps are per kind and locale, so this visit joins nothing.)
			k := kl{p.kind, p.locale}
			partBridges[k] = append(partBridges[k], bridge{local[a], local[b], j - i, who[i:j:j]})
		}
		i = j
	}
	var groups []*group
	for _, k := range order {
		list := parts[k]
		var of []int    // per phrasing of list, the index in list of its group's first
		var part []int  // per phrasing of list, the index in list of its words part's first
		var ks []string // per phrasing of list, its key
		if k.kind == NoHelp {
			// A screen is its own key (ScreenKey: "Checkout" is
			// "checkout"): no words, typos or synonyms. Each spelling
			// stays a phrasing, so a decision on one holds the group.
			of, ks = make([]int, len(list)), make([]string, len(list))
			first := map[string]int{}
			for li, pi := range list {
				ks[li] = c.phrasings[pi].text
				sk := ScreenKey(ks[li])
				if _, ok := first[sk]; !ok {
					first[sk] = li
				}
				of[li] = first[sk]
			}
			part = of
		} else {
			in := c.meaningInputs(list)
			brs := partBridges[k]
			sort.Slice(brs, func(i, j int) bool {
				if brs[i].a != brs[j].a {
					return brs[i].a < brs[j].a
				}
				return brs[i].b < brs[j].b
			})
			of, part, ks = groupByMeaning(an, k.locale, in, brs)
		}
		byFirst := map[int]*group{}
		for li, first := range of {
			pi := list[li]
			keys[pi] = ks[li]
			g := byFirst[first]
			if g == nil {
				g = &group{kind: k.kind, locale: k.locale, anchor: pi}
				byFirst[first] = g
				groups = append(groups, g)
			}
			g.members = append(g.members, pi)
			g.parts = append(g.parts, list[part[li]])
			if c.before(keys, pi, g.anchor) {
				g.anchor = pi
			}
		}
	}
	return groups, keys
}

// before reports whether phrasing a comes before phrasing b as a group's
// anchor: first seen earlier, or at the same time with a smaller key.
func (c *collector) before(keys []string, a, b int32) bool {
	pa, pb := c.phrasings[a], c.phrasings[b]
	return pa.first < pb.first || pa.first == pb.first && keys[a] < keys[b]
}

// sortByText sorts the phrasings of list by their text, byte order.
func (c *collector) sortByText(list []int32) {
	// The texts beside their numbers: the comparisons read no phrasing.
	type entry struct {
		text string
		pi   int32
	}
	es := make([]entry, len(list))
	for i, pi := range list {
		es[i] = entry{c.phrasings[pi].text, pi}
	}
	slices.SortFunc(es, func(a, b entry) int { return strings.Compare(a.text, b.text) })
	for i, e := range es {
		list[i] = e.pi
	}
}

// meaningInputs returns what groupByMeaning reads of each phrasing of
// list: the text its words are read from and its visitors who failed.
// Made on every core, a chunk at a time (they are independent).
func (c *collector) meaningInputs(list []int32) []meaningInput {
	in := make([]meaningInput, len(list))
	const chunk = 2048
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for start := 0; start < len(list); start += chunk {
		g.Go(func() error {
			for li := start; li < min(start+chunk, len(list)); li++ {
				pi := list[li]
				who := c.failedVisitors(pi)
				in[li] = meaningInput{text: meaningText(c.phrasings[pi].spelling()), visitors: len(who), who: who}
			}
			return nil
		})
	}
	g.Wait()
	return in
}

// failedVisitors returns the distinct visitors of a phrasing's failed
// hits, sorted.
func (c *collector) failedVisitors(pi int32) []uint32 {
	n := 0
	for _, h := range c.phrasings[pi].hits {
		if h.failure != failNone {
			n++
		}
	}
	who := make([]uint32, 0, n)
	for _, h := range c.phrasings[pi].hits {
		if h.failure != failNone {
			who = append(who, h.visitor)
		}
	}
	slices.Sort(who)
	return slices.Compact(who)
}

// assignIDs gives each group its ID: the ID of a stored decision one of
// its phrasings' keys belongs to (the one holding most hits when several
// do; a decision goes to one group only), else one made from its kind,
// locale and first phrasing's text that no other group takes. A decision holding a phrasing the team
// moved out of another decision's gap (Split) never takes the ID of a
// group that other decision claims too: the phrasing leaves that group
// (applyTeam), the group stays the other gap.
func assignIDs(groups []*group, keys []string, c *collector, decisions []Decision) {
	owner := owners(decisions)
	taken := map[string]bool{}
	partedFrom := map[string][]string{} // kind|locale|key → the decisions it was moved out of
	for _, d := range decisions {
		if d.MergedInto != "" {
			// A gap merged into another: its ID now names that one.
			taken[d.ID] = true
			continue
		}
		for _, k := range d.Parted {
			kl := d.Kind + "|" + d.Locale + "|" + k
			partedFrom[kl] = append(partedFrom[kl], d.ID)
		}
	}
	type claim struct {
		g    *group
		hits int
	}
	// The decision a phrasing belongs to: the one holding its text (as
	// stored, textMark), else the one holding its meaning key. The key is
	// what the content makes of the text now: once it reads a phrasing
	// another decision holds like this one's ("carte cadau", split off an
	// answered gap, read as "carte cadeau" again once the article is a
	// draft), both decisions hold the key, and the key alone would give
	// the phrasings of the larger one to the other.
	// (The keys are written into one buffer: a map read through
	// string(buf) copies nothing.)
	var buf []byte
	kindLocale := func(g *group) []byte {
		buf = append(append(append(append(buf[:0], g.kind...), '|'), g.locale...), '|')
		return buf
	}
	ownerOf := func(g *group, m int32) string {
		if len(owner) == 0 {
			return ""
		}
		n := len(kindLocale(g))
		if id, ok := owner[string(append(append(buf, textMark...), c.phrasings[m].text...))]; ok {
			return id
		}
		return owner[string(append(buf[:n], keys[m]...))]
	}
	best := map[string]claim{}
	claims := make([]map[string]int, len(groups))
	for gi, g := range groups {
		claims[gi] = map[string]int{}
		for _, m := range g.members {
			if id := ownerOf(g, m); id != "" {
				claims[gi][id] += len(c.phrasings[m].hits)
			}
		}
		for _, m := range g.members {
			if len(partedFrom) == 0 {
				break
			}
			o := ownerOf(g, m)
			for _, from := range partedFrom[string(append(kindLocale(g), keys[m]...))] {
				if _, ok := claims[gi][from]; ok && from != o {
					delete(claims[gi], o)
				}
			}
		}
		for id, n := range claims[gi] {
			if b, ok := best[id]; !ok || n > b.hits {
				best[id] = claim{g, n}
			}
		}
	}
	// The groups holding a decision's phrasings take its ID first, then
	// the others an ID of their own, whatever the order of the groups: a
	// group whose first phrasing the team moved out of the gap its text
	// named ("guest login" out of its gap, which kept its ID for "guest
	// user access") does not take that gap's ID from the group holding
	// its phrasings.
	var own []*group
	for gi, g := range groups {
		pick, most := "", -1
		for id, n := range claims[gi] {
			if best[id].g == g && (n > most || n == most && id < pick) {
				pick, most = id, n
			}
		}
		if pick == "" {
			own = append(own, g)
			continue
		}
		g.id = freeID(g, pick, taken)
	}
	for _, g := range own {
		g.id = freeID(g, makeID(g.kind, g.locale, c.idText(g.anchor)), taken)
	}
}

// idText is what the ID of a gap started by phrasing m is made from: its
// text as the one text normalisation reads it now (a text stored by an
// older normalisation reads as a new one would), or the screen, never the
// meaning key the content's analysis makes of it, so that an undecided
// gap keeps its ID when new content reads its words another way.
func (c *collector) idText(m int32) string {
	p := c.phrasings[m]
	return idKey(p.kind, p.text)
}

// idKey is the text a gap's ID is made from (makeID) when text is its
// first phrasing: a screen's path as it is, a query's normalised key.
func idKey(kind, text string) string {
	if kind == NoHelp {
		return text
	}
	return textnorm.Key(text)
}

// owners maps kind|locale|key to the ID of the decision standing on its
// own that holds the key (Decision.Keys); when several do, the one
// updated last (then the smallest ID), whatever order decisions come in.
func owners(decisions []Decision) map[string]string {
	owner := map[string]string{}
	by := map[string]int{} // kind|locale|key → index of its owner in decisions
	for i, d := range decisions {
		if d.MergedInto != "" {
			continue
		}
		for _, k := range d.Keys {
			kl := d.Kind + "|" + d.Locale + "|" + k
			if j, ok := by[kl]; ok {
				if o := decisions[j]; o.Updated.After(d.Updated) || o.Updated.Equal(d.Updated) && o.ID < d.ID {
					continue
				}
			}
			owner[kl], by[kl] = d.ID, i
		}
	}
	return owner
}

// freeID returns id, or when another group or a merged gap holds it an ID
// made from it, and marks it taken.
func freeID(g *group, id string, taken map[string]bool) string {
	for taken[id] {
		id = makeID(g.kind, g.locale, id) // a decided ID held by another group
	}
	taken[id] = true
	return id
}

// count builds the gap of a group from its hits in the period; false when
// it has none.
func (c *collector) count(g *group, keys []string, w window, now time.Time) (Gap, bool) {
	gap := Gap{ID: g.id, Kind: g.kind, Locale: g.locale, Key: keys[g.anchor],
		Sources: map[string]int{}, Contexts: map[string]int{}, Paths: map[string]int{}}
	// The trend ends with the period (now, or its end when it ended
	// before) and counts its days whatever the period's start.
	endMs := now.UnixMilli()
	if w.to < endMs {
		endMs = w.to
	}
	day := int64(24 * time.Hour / time.Millisecond)
	all, noRes, noClick := visitorSet{}, visitorSet{}, visitorSet{}
	last7, prev7, last30 := visitorSet{}, visitorSet{}, visitorSet{}
	nearest := map[uint32]int{}
	nearestScore := map[uint32]float32{}
	found := map[uint32]visitorSet{}
	// shown holds each no-click hit's article shown first and visitor
	// (article<<32 | visitor): sorted once, rather than a set per article.
	var shown []uint64
	var first, last int64
	firstSeen := map[string]int64{} // each variant's phrasing's earliest failure
	// The people of each meaning (Variant.Key): a plural or an accent
	// left out does not split the vote for the gap's name.
	byMeaning := map[string]visitorSet{}
	for _, m := range g.members {
		p := c.phrasings[m]
		gap.Waiters = append(gap.Waiters, p.waiting...)
		v := Variant{Query: p.spelling(), Key: keys[m]}
		seen := visitorSet{}
		for _, h := range p.hits {
			if h.failure == failNone {
				continue
			}
			if age := endMs - h.at; age >= 0 && h.at < w.to {
				switch {
				case age < 7*day:
					last7.add(h.visitor)
				case age < 14*day:
					prev7.add(h.visitor)
				}
				if age < 30*day {
					last30.add(h.visitor)
				}
			}
			if !w.has(h.at) {
				continue
			}
			v.Searches++
			seen.add(h.visitor)
			all.add(h.visitor)
			switch h.failure {
			case failNoResults:
				gap.NoResults++
				noRes.add(h.visitor)
			case failNoClick:
				gap.NoClick++
				noClick.add(h.visitor)
			}
			if first == 0 || h.at < first {
				first = h.at
			}
			last = max(last, h.at)
			source := c.strList[h.source]
			if source == "" {
				// Rows recorded before the source was: counted, and named
				// as such rather than an empty label (":4").
				source = UnknownSource
			}
			gap.Sources[source]++
			if h.context != 0 {
				gap.Contexts[c.strList[h.context]]++
			}
			if h.path != 0 {
				gap.Paths[c.strList[h.path]]++
			}
			switch {
			case h.article == 0:
			case g.kind == UnlinkedTicket:
				nearest[h.article]++
				nearestScore[h.article] = max(nearestScore[h.article], h.nearestS)
			case g.kind == KindSearch:
				if found[h.article] == nil {
					found[h.article] = visitorSet{}
				}
				found[h.article].add(h.visitor)
			}
			if h.shown != 0 {
				shown = append(shown, uint64(h.shown)<<32|uint64(h.visitor))
			}
		}
		if v.Searches == 0 {
			continue
		}
		v.Visitors = len(seen)
		if v.Visitors == 1 {
			for p := range seen {
				v.visitor, v.oneVisitor = p, true
			}
		}
		if byMeaning[v.Key] == nil {
			byMeaning[v.Key] = visitorSet{}
		}
		for p := range seen {
			byMeaning[v.Key].add(p)
		}
		gap.Searches += v.Searches
		gap.Variants = append(gap.Variants, v)
		firstSeen[v.Query] = p.first
	}
	if gap.Searches == 0 {
		return Gap{}, false
	}
	gap.Visitors, gap.NoResultsVisitors, gap.NoClickVisitors = len(all), len(noRes), len(noClick)
	gap.Waiting = len(gap.Waiters)
	gap.Last7, gap.Prev7, gap.Last30 = len(last7), len(prev7), len(last30)
	gap.FirstSeen, gap.LastSeen = time.UnixMilli(first).UTC(), time.UnixMilli(last).UTC()
	// Between meanings typed by as many people: the one with the
	// phrasing most typed, then the one seen first.
	type meaningOrder struct {
		visitors int
		first    int64
	}
	keyOrder := map[string]meaningOrder{}
	for _, v := range gap.Variants {
		o, ok := keyOrder[v.Key]
		if !ok || v.Visitors > o.visitors {
			o.visitors = v.Visitors
		}
		if !ok || firstSeen[v.Query] < o.first {
			o.first = firstSeen[v.Query]
		}
		keyOrder[v.Key] = o
	}
	sort.Slice(gap.Variants, func(i, j int) bool {
		a, b := gap.Variants[i], gap.Variants[j]
		// The meaning most people typed first ("point relais" and
		// "points relais", one person each, before "livrer chez mon
		// voisin", typed by one), its phrasings together, most typed
		// first: the gap is named after it.
		if ma, mb := len(byMeaning[a.Key]), len(byMeaning[b.Key]); ma != mb {
			return ma > mb
		}
		// A screen's spellings ("Profile-Page", "profile-page") are one
		// screen: the most typed names it, between spellings as common
		// the better one, as the entry points name it (MostTyped).
		if gap.Kind == NoHelp && a.Query != b.Query && ScreenKey(a.Query) == ScreenKey(b.Query) {
			if a.Visitors != b.Visitors {
				return a.Visitors > b.Visitors
			}
			if a.Searches != b.Searches {
				return a.Searches > b.Searches
			}
			return betterSpelling(a.Query, b.Query)
		}
		if a.Key != b.Key {
			ka, kb := keyOrder[a.Key], keyOrder[b.Key]
			if ka.visitors != kb.visitors {
				return ka.visitors > kb.visitors
			}
			if ka.first != kb.first {
				return ka.first < kb.first
			}
			return a.Key < b.Key
		}
		if a.Visitors != b.Visitors {
			return a.Visitors > b.Visitors
		}
		if a.Searches != b.Searches {
			return a.Searches > b.Searches
		}
		// Between phrasings as common, the one seen first (the gap's
		// ID comes from it) rather than the first in byte order, which
		// favours a typo ("casqe" before "casque", "abonement" before
		// "l'abonnement") and names the gap and its draft after it.
		if fa, fb := firstSeen[a.Query], firstSeen[b.Query]; fa != fb {
			return fa < fb
		}
		return a.Query < b.Query
	})
	gap.Query = gap.Variants[0].Query
	// The article nearest to most of its tickets, then the closest.
	most := uint32(0)
	for a, n := range nearest {
		if most == 0 || n > nearest[most] || n == nearest[most] && (nearestScore[a] > nearestScore[most] ||
			nearestScore[a] == nearestScore[most] && c.strList[a] < c.strList[most]) {
			most = a
		}
	}
	if most != 0 {
		// Scores are kept as float32: rounded to what they mean (the
		// linker's confidence, three decimals), not float64 noise.
		gap.Nearest, gap.NearestScore = c.strList[most], math.Round(float64(nearestScore[most])*1000)/1000
	}
	for a, vs := range found {
		if len(vs) >= MinFound {
			gap.FoundInstead = append(gap.FoundInstead, Found{Article: c.strList[a], Visitors: len(vs)})
		}
	}
	gap.FoundInstead = mostVisitors(gap.FoundInstead)
	// What the search showed is no one person's whim: one is enough.
	gap.ShownFirst = mostVisitors(c.perArticle(shown))
	return gap, true
}

// perArticle counts the distinct visitors of each article of pairs
// (article<<32 | visitor), which it sorts.
func (c *collector) perArticle(pairs []uint64) []Found {
	slices.Sort(pairs)
	var out []Found
	for i, p := range pairs {
		switch {
		case i > 0 && p == pairs[i-1]: // the same person again
		case i > 0 && p>>32 == pairs[i-1]>>32:
			out[len(out)-1].Visitors++
		default:
			out = append(out, Found{Article: c.strList[p>>32], Visitors: 1})
		}
	}
	return out
}

// mostVisitors orders articles by their visitors, the most first (then by
// ID), and keeps the first MaxFound; nil when none.
func mostVisitors(out []Found) []Found {
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Visitors != b.Visitors {
			return a.Visitors > b.Visitors
		}
		return a.Article < b.Article
	})
	return out[:min(len(out), MaxFound)]
}

// beforeAfter counts the distinct visitors of a group's failed hits in the
// window before the time at and since.
func (c *collector) beforeAfter(g *group, w window, at int64) (before, after int) {
	b, a := visitorSet{}, visitorSet{}
	for _, m := range g.members {
		for _, h := range c.phrasings[m].hits {
			switch {
			case !w.has(h.at) || h.failure == failNone:
			case h.at < at:
				b.add(h.visitor)
			default:
				a.add(h.visitor)
			}
		}
	}
	return len(b), len(a)
}

// queries returns the most searched phrasings of the period.
func (c *collector) queries(opts Options, w window, gapOf map[int32]string) []QueryCount {
	if opts.TopQueries <= 0 {
		return nil
	}
	var out []QueryCount
	for pi, p := range c.phrasings {
		if p.kind != KindSearch || opts.Locale != "" && p.locale != opts.Locale {
			continue
		}
		q := QueryCount{Query: p.spelling(), Locale: p.locale, GapID: gapOf[int32(pi)]}
		all, failed := visitorSet{}, visitorSet{}
		for _, h := range p.hits {
			if !w.has(h.at) {
				continue
			}
			q.Searches++
			all.add(h.visitor)
			if h.failure != failNone {
				failed.add(h.visitor)
			}
			if h.empty {
				q.NoResults++
			}
		}
		if q.Searches == 0 {
			continue
		}
		q.Visitors, q.Failed = len(all), len(failed)
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Visitors != b.Visitors {
			return a.Visitors > b.Visitors
		}
		if a.Searches != b.Searches {
			return a.Searches > b.Searches
		}
		if a.Query != b.Query {
			return a.Query < b.Query
		}
		return a.Locale < b.Locale
	})
	if len(out) > opts.TopQueries {
		out = out[:opts.TopQueries]
	}
	return out
}

// spelling is the most common way the phrasing was typed (its normalised
// text when only satisfied searches, read without their query, had it).
func (p *phrasing) spelling() string { return MostTyped(p.text, p.spellings) }

// MostTyped is how a text is shown: the spelling typed most often, between
// spellings as common the better one (betterSpelling); otherwise when
// there is none. The gaps show their phrasings and screens so, and the
// dashboard its entry points.
func MostTyped(otherwise string, spellings []Spelling) string {
	best, n := otherwise, 0
	for _, sp := range spellings {
		if sp.N > n || sp.N == n && betterSpelling(sp.Text, best) {
			best, n = sp.Text, sp.N
		}
	}
	return best
}

// betterSpelling breaks a tie between two spellings typed as often: the
// one with fewer spaces around and between its words, then the one with
// its words joined by a hyphen or a full stop rather than a space, then
// the one with fewer exclamation marks, then the one with
// fewer capitals after its first letter ("grooming" over
// "GROOMING"), then the one with more letters beyond ASCII, mostly accents
// the other left out ("Vacunación antirrábica" over "vacunacion
// antirrabica"), then the first in byte order (a capital first: "Printer
// jammed" over "printer jammed").
func betterSpelling(a, b string) bool {
	ua, na := letterCase(a)
	ub, nb := letterCase(b)
	sa, sb := extraSpaces(a), extraSpaces(b)
	switch {
	case sa != sb:
		return sa < sb
	case strings.Count(a, " ") != strings.Count(b, " "):
		// Words joined by a hyphen or a full stop over words apart: a
		// code ("E-104", not "E 104"), a name ("Wi-Fi").
		return strings.Count(a, " ") < strings.Count(b, " ")
	case strings.Count(a, "!") != strings.Count(b, "!"):
		// "Schlüssel verloren" over "Schlüssel verloren!": the gap's
		// name, and its draft's title.
		return strings.Count(a, "!") < strings.Count(b, "!")
	case ua != ub:
		return ua < ub
	case na != nb:
		return na > nb
	}
	return a < b
}

// extraSpaces counts the spaces of s beyond one between each two words.
func extraSpaces(s string) int {
	n, prev := 0, true // a space first is extra
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && prev {
			n++
		}
		prev = space
	}
	if prev && s != "" {
		n++ // … and so is a space last (one counted once)
	}
	return n
}

// letterCase counts the capitals of s after its first letter and its
// letters beyond ASCII.
func letterCase(s string) (upper, beyond int) {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
		if unicode.IsUpper(r) && letters > 1 {
			upper++
		}
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			beyond++
		}
	}
	return upper, beyond
}

// visitorSet counts distinct visitors. A person is one visitor hash (a
// person on one day), or one record without a hash: the one definition
// every count of the report uses.
type visitorSet map[uint32]struct{}

func (s visitorSet) add(v uint32) { s[v] = struct{}{} }

// maxQueryWords is how many words of a phrasing its meaning is read from:
// people's failed searches are a few words long, and a pasted paragraph
// (or a flood of random words) must not cost the report its length.
const maxQueryWords = 16

// window is the period of a report in Unix milliseconds: from included, to
// excluded.
type window struct{ from, to int64 }

// periodOf is the window of opts.Since and opts.Until (zero: unbounded).
func periodOf(opts Options) window {
	w := window{from: -1 << 62, to: 1 << 62}
	if !opts.Since.IsZero() {
		w.from = opts.Since.UnixMilli()
	}
	if !opts.Until.IsZero() {
		w.to = opts.Until.UnixMilli()
	}
	return w
}

// has reports whether the time at (Unix milliseconds) is in the window.
func (w window) has(at int64) bool { return at >= w.from && at < w.to }
