package gaps

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// apartFromMoved keeps a phrasing the team moved out of a gap (Split) out
// of the gaps visitors' reformulations would take it into: the team said
// it asks a question of its own. In a group the words made of several
// parts, each part as the words alone group it, joined by visitors going
// from one to another, a part that at least as many people typed as the
// parts holding moved phrasings is taken apart from them, with the other
// such parts: the moved phrasing went to it, as a phrasing few people
// typed joins the one they went to ("night mode", moved out of the dark
// mode's gap, joined by one visitor's next search to "student discount",
// which three people typed, stays a gap of its own, and the student
// discount's gap keeps its ID). A part fewer people typed joined the
// moved phrasing, and stays with it, as do the phrasings the words group
// with it.
func apartFromMoved(groups []*group, keys []string, c *collector, decisions []Decision) []*group {
	movedOut := map[string]bool{} // kind|locale|key moved out of a gap
	for _, d := range decisions {
		if d.MergedInto != "" {
			continue
		}
		for _, k := range d.Parted {
			movedOut[d.Kind+"|"+d.Locale+"|"+k] = true
		}
	}
	if len(movedOut) == 0 {
		return groups
	}
	out := make([]*group, 0, len(groups))
	for _, g := range groups {
		if len(g.parts) != len(g.members) {
			out = append(out, g)
			continue
		}
		moved := map[int32]bool{} // the parts holding a moved phrasing
		for i, m := range g.members {
			if movedOut[g.kind+"|"+g.locale+"|"+keys[m]] {
				moved[g.parts[i]] = true
			}
		}
		// side is a member's part, -1 for those parts (phrasings are
		// numbered from 0).
		side := slices.Clone(g.parts)
		for i, p := range g.parts {
			if moved[p] {
				side[i] = -1
			}
		}
		if len(moved) == 0 || !slices.ContainsFunc(side, func(p int32) bool { return p != -1 }) {
			out = append(out, g)
			continue
		}
		who := map[int32]visitorSet{} // by side
		for i, m := range g.members {
			if who[side[i]] == nil {
				who[side[i]] = visitorSet{}
			}
			for _, v := range c.failedVisitors(m) {
				who[side[i]].add(v)
			}
		}
		apart := func(i int) bool { return side[i] != -1 && len(who[side[i]]) >= len(who[-1]) }
		two := [2]*group{{kind: g.kind, locale: g.locale}, {kind: g.kind, locale: g.locale}}
		for i, m := range g.members {
			ng := two[0]
			if apart(i) {
				ng = two[1]
			}
			if len(ng.members) == 0 || c.before(keys, m, ng.anchor) {
				ng.anchor = m
			}
			ng.members = append(ng.members, m)
			ng.parts = append(ng.parts, g.parts[i])
		}
		if len(two[1].members) == 0 {
			out = append(out, g)
			continue
		}
		out = append(out, two[0], two[1])
	}
	return out
}

// applyTeam applies the team's corrections to the groups the words made
// (see Decision.Joined and Parted), phrasing by phrasing:
//   - a phrasing whose key a gap joined (Merge) goes to that gap;
//   - the other phrasings of a group the words made go where their group
//     goes: the gap whose ID it holds when the team decided on that gap,
//     else the gap the team merged at least half of its phrasings into (a
//     phrasing typed later joins the gap the team merged its neighbours
//     into; a few merged phrasings do not take a group of others with
//     them, nor does a phrasing the team moved out of a gap, whose words
//     are no guide), else its own ID;
//   - a phrasing whose key the team moved out of the gap it would go to
//     (Split), or out of a gap merged into that one since, goes to the gap
//     whose decision holds its key (the gap it became, once decided on),
//     else is a gap of its own, with the phrasings of its key.
//
// When several gaps joined one key, the latest decision has it. It
// returns the groups, with their IDs.
func applyTeam(groups []*group, keys []string, c *collector, decisions []Decision) []*group {
	team := make([]Decision, 0, len(decisions))
	live := map[string]bool{}  // IDs of the decisions of gaps standing on their own
	taken := map[string]bool{} // IDs no new group may take
	decided := map[string]bool{}
	for _, d := range decisions {
		decided[d.ID] = true
		// A decided gap's ID names that gap, even when the phrasing its
		// ID was made from has since been moved out of it: that phrasing
		// is then a gap under another ID.
		taken[d.ID] = true
		if d.MergedInto != "" {
			continue
		}
		live[d.ID] = true
		if len(d.Joined) > 0 || len(d.Parted) > 0 {
			team = append(team, d)
		}
	}
	if len(team) == 0 {
		return groups
	}
	slices.SortStableFunc(team, func(a, b Decision) int {
		if n := a.Updated.Compare(b.Updated); n != 0 {
			return n
		}
		return strings.Compare(a.ID, b.ID)
	})
	place := map[string]string{}           // kind|locale|key → the gap that joined it
	parted := map[string]map[string]bool{} // gap → keys moved out of it
	movedOut := map[string]bool{}          // kind|locale|key moved out of any gap
	for _, d := range team {
		for _, k := range d.Joined {
			place[d.Kind+"|"+d.Locale+"|"+k] = d.ID
		}
		if len(d.Parted) > 0 {
			parted[d.ID] = map[string]bool{}
			for _, k := range d.Parted {
				parted[d.ID][k] = true
				movedOut[d.Kind+"|"+d.Locale+"|"+k] = true
			}
		}
	}
	for _, g := range groups {
		taken[g.id] = true
	}
	out := map[string]*group{} // by ID
	var list []*group
	add := func(g *group, id string, m int32) {
		ng := out[id]
		if ng == nil {
			ng = &group{kind: g.kind, locale: g.locale, id: id}
			out[id] = ng
			list = append(list, ng)
		}
		ng.members = append(ng.members, m)
	}
	owner := owners(decisions)
	own := map[string]string{} // kind|locale|key → ID of its own gap
	var df map[string]int      // phrasings by word of their keys (keyWordCounts), made when needed
	for _, g := range groups {
		pull := g.id
		if !live[g.id] {
			// The gap the team merged most of the group's phrasings
			// into; a phrasing the team moved out of its neighbours
			// (Split) does not bring them along.
			n := map[string]int{}
			best := ""
			for _, m := range g.members {
				kl := g.kind + "|" + g.locale + "|" + keys[m]
				if movedOut[kl] {
					continue
				}
				if to := place[kl]; to != "" {
					n[to]++
					if n[to] > n[best] || n[to] == n[best] && to < best {
						best = to
					}
				}
			}
			if best != "" && 2*n[best] >= len(g.members) {
				pull = best
				if !decided[g.id] && out[g.id] == nil {
					// The words' group goes to another gap: the ID it
					// was given names no gap, and a phrasing moved out
					// of that gap takes it as its own.
					delete(taken, g.id)
				}
			}
		}
		dest := make([]string, len(g.members))
		placed := make([]bool, len(g.members)) // by the team, not by the words
		for i, m := range g.members {
			kl := g.kind + "|" + g.locale + "|" + keys[m]
			to := place[kl]
			placed[i] = to != "" || owner[kl] != ""
			if to == "" {
				to = pull
			}
			if parted[to][keys[m]] {
				placed[i] = true
				id, ok := own[kl]
				if !ok {
					if o := owner[kl]; o != "" && o != to && !parted[o][keys[m]] {
						id = o
						taken[o] = true
					} else {
						id = freeID(g, makeID(g.kind, g.locale, c.idText(m)), taken)
					}
					own[kl] = id
				}
				to = id
			}
			dest[i] = to
		}
		nearestPart(g.members, keys, dest, placed, pull, func() map[string]int {
			if df == nil {
				df = keyWordCounts(groups, keys)
			}
			return df
		})
		for i, m := range g.members {
			add(g, dest[i], m)
		}
	}
	for _, g := range list {
		g.anchor = g.members[0]
		for _, m := range g.members[1:] {
			if c.before(keys, m, g.anchor) {
				g.anchor = m
			}
		}
	}
	return list
}

// nearestPart sends the phrasings of one words group that the team has
// not placed (typed since its last correction: placed[i] false) to the
// part of the group nearest to them, when the team's corrections split
// the group between several gaps (dest, the gap of each member):
// "doorbell battery dead", typed after the team moved the battery
// phrasings out of the chime's gap that the words had put them in, joins
// the battery gap, not the chime's. Nearest is the placed phrasing most
// like it: the rarity of the words their keys share over that of the
// words either has (df: phrasings by word, keyWordCounts, made by counts
// when needed). Ties, and phrasings like none, go to pull, the group's
// own gap. A group whose
// placed phrasings all go to one gap is left as it is.
func nearestPart(members []int32, keys []string, dest []string, placed []bool, pull string, counts func() map[string]int) {
	parts := map[string]bool{}
	for i := range members {
		if placed[i] {
			parts[dest[i]] = true
		}
	}
	if len(parts) < 2 || !slices.Contains(placed, false) {
		return
	}
	df := counts()
	for i, m := range members {
		if placed[i] {
			continue
		}
		best, bestScore := pull, -1.0
		for j, o := range members {
			if !placed[j] {
				continue
			}
			sc := likeness(keys[m], keys[o], df)
			if sc > bestScore || sc == bestScore && (dest[j] == pull || best != pull && dest[j] < best) {
				best, bestScore = dest[j], sc
			}
		}
		if bestScore <= 0 {
			best = pull // like none of them
		}
		dest[i] = best
	}
}

// likeness is the rarity (inverse count of phrasings, df) of the words
// keys a and b share over that of the words either has, 0 to 1.
func likeness(a, b string, df map[string]int) float64 {
	wa, wb := strings.Fields(a), strings.Fields(b)
	var both, either float64
	for _, w := range wa {
		r := 1 / float64(max(1, df[w]))
		either += r
		if slices.Contains(wb, w) {
			both += r
		}
	}
	for _, w := range wb {
		if !slices.Contains(wa, w) {
			either += 1 / float64(max(1, df[w]))
		}
	}
	if either == 0 {
		return 0
	}
	return both / either
}

// keyWordCounts counts, for each word of the groups' meaning keys, the
// phrasings whose key has it.
func keyWordCounts(groups []*group, keys []string) map[string]int {
	df := map[string]int{}
	for _, g := range groups {
		for _, m := range g.members {
			for _, w := range strings.Fields(keys[m]) {
				df[w]++
			}
		}
	}
	return df
}

// Merge merges the gaps with the IDs from into the gap with ID into: they
// are reported as one gap from now on, under into's ID and decision, with
// the phrasings that join any of them later. The gaps must be of one kind
// and locale. A gap merged away keeps no decision of its own: into takes
// its status and note when it has none. It returns the merged gap,
// counted over the retention period.
//
// The errors are site.ENOTFOUND for an ID no report lists and
// site.EINVALID for gaps of another kind or locale, or a gap merged into
// itself.
func (s *Service) Merge(ctx context.Context, into string, from ...string) (Gap, error) {
	into = ParseID(into)
	if into == "" {
		return Gap{}, site.Errorf(site.EINVALID, "Name the gap to merge into.")
	}
	if len(from) == 0 {
		return Gap{}, site.Errorf(site.EINVALID, "Name the gaps to merge into %s.", into)
	}
	c, words, decisions, err := s.regroup(ctx)
	if err != nil {
		return Gap{}, err
	}
	return s.retried(ctx, decisions, func(decisions []Decision) (Gap, error) {
		return s.merge(ctx, c, words, decisions, into, from)
	})
}

// merge is Merge on the records grouped by the words and the decisions as
// read.
func (s *Service) merge(ctx context.Context, c *collector, words *grouped, decisions []Decision, into string, from []string) (Gap, error) {
	gr := c.place(words, decisions)
	decisions = gr.decisions
	askedInto := into
	target, err := gr.find(decisions, askedInto)
	if err != nil {
		return Gap{}, err
	}
	into = target.id
	d := decisionOf(decisions, target)
	// Joined holds the merged gap's own phrasings too: whichever part the
	// words later give this ID, the others join it.
	d.Joined = addKeys(d.Joined, gr.keysOf(into))
	now := s.now()
	var moved []Decision
	for _, asked := range from {
		asked = ParseID(asked)
		g, err := gr.find(decisions, asked)
		if err != nil {
			return Gap{}, err
		}
		id := g.id
		if slices.ContainsFunc(moved, func(m Decision) bool { return m.ID == id }) {
			continue // named twice, or by an ID merged into it before
		}
		switch {
		case g == target && asked != id:
			return Gap{}, sameGap(decisions, asked, id)
		case g == target && askedInto != into:
			return Gap{}, sameGap(decisions, askedInto, into)
		case g == target:
			return Gap{}, site.Errorf(site.EINVALID, "Gap %s is the gap to merge into.", id)
		case g.kind != target.kind || g.locale != target.locale:
			return Gap{}, site.Errorf(site.EINVALID, "Gap %s (%s in %q) cannot merge into gap %s (%s in %q): only gaps of one kind and locale merge.",
				id, kindWords(g.kind), g.locale, into, kindWords(target.kind), target.locale)
		}
		keys := gr.keysOf(id)
		d.Joined = addKeys(d.Joined, keys)
		d.Parted = removeKeys(d.Parted, keys)
		old := decisionOf(decisions, g)
		// What the team moved out of the merged gap stays out.
		d.Parted = addKeys(d.Parted, removeKeys(old.Parted, d.Joined))
		if d.Status == "" && old.Status != "" {
			d.Status, d.Note = old.Status, old.Note
		}
		// Its keys stay with it, so that moving them back out of the
		// merged gap (Split) brings it back under its ID.
		// Its decision stays with it, unused while it is merged: undoing
		// the merge (Unmerge, Split) brings it back.
		moved = append(moved, Decision{ID: id, Kind: g.kind, Locale: g.locale, Status: old.Status, Note: old.Note, MergedInto: into, Keys: keys,
			Query: gr.queryOf(g, now), Updated: now, Version: old.Version})
	}
	d.Keys = d.Joined
	d.Query = cmp.Or(gr.queryOf(target, now), d.Query)
	d.Updated = now
	saved := append([]Decision{d}, moved...)
	if err := s.Store.SaveDecisions(ctx, saved...); err != nil {
		return Gap{}, fmt.Errorf("merge gaps into %s: %w", into, err)
	}
	for _, m := range saved {
		m.Version++
		decisions = replaceDecision(decisions, m)
	}
	return s.gapIn(c, c.place(words, decisions), into)
}

// Split moves a phrasing out of the gap with id: the gap's variants
// with the phrasing's meaning key become a gap of their own, and stay out
// of this gap however the words group them. query is one of the gap's
// variants, as listed (Variant.Query) or as typed. It returns the new gap.
//
// The errors are site.ENOTFOUND for an ID no report lists and
// site.EINVALID for a query that is not one of the gap's variants or a
// gap with a single phrasing.
func (s *Service) Split(ctx context.Context, id, query string) (Gap, error) {
	c, words, decisions, err := s.regroup(ctx)
	if err != nil {
		return Gap{}, err
	}
	return s.retried(ctx, decisions, func(decisions []Decision) (Gap, error) {
		return s.split(ctx, c, words, decisions, id, query)
	})
}

// split is Split on the records grouped by the words and the decisions as
// read.
func (s *Service) split(ctx context.Context, c *collector, words *grouped, decisions []Decision, id, query string) (Gap, error) {
	gr := c.place(words, decisions)
	decisions = gr.decisions
	g, err := gr.find(decisions, id)
	if err != nil {
		return Gap{}, err
	}
	id = g.id
	if strings.TrimSpace(query) == "" {
		return Gap{}, site.Errorf(site.EINVALID, "Choose the phrasing to split out of gap %s.", id)
	}
	key, keys := "", gr.keysOf(id)
	want := textnorm.Key(query)
	for _, m := range g.members {
		p := c.phrasings[m]
		if p.spelling() == query || p.text == want {
			key = gr.keys[m]
			break
		}
	}
	if key == "" {
		return Gap{}, site.Errorf(site.EINVALID, "%q is not a phrasing of gap %s.", query, id)
	}
	// A screen's spellings ("Checkout", "checkout") are one screen: they
	// leave together, and a gap of one screen has nothing to move out.
	same := func(k string) bool { return k == key }
	n := meanings(keys)
	if g.kind == NoHelp {
		screen := ScreenKey(key)
		same = func(k string) bool { return ScreenKey(k) == screen }
		n = screens(keys)
	}
	if n < 2 {
		if len(g.members) > 1 {
			// "Printer jammed" and "printer jammed!": listed apart, one
			// meaning once analysed.
			return Gap{}, site.Errorf(site.EINVALID, "The phrasings of gap %s all mean the same once read as search reads them (%s): there is nothing to move out of it.", id, key)
		}
		return Gap{}, site.Errorf(site.EINVALID, "Gap %s has one phrasing: there is nothing to move out of it.", id)
	}
	// The phrasing leaves by its meaning key and its texts (textMark).
	moving := gr.keysOfMembers(g.members, func(m int32) bool { return same(gr.keys[m]) })
	d := decisionOf(decisions, g)
	d.Parted = addKeys(d.Parted, moving)
	d.Keys = removeKeys(keys, moving)
	// What the team left in the gap stays there, whatever the words say
	// later (new searches that make one of its words common).
	d.Joined = addKeys(removeKeys(d.Joined, moving), d.Keys)
	d.Updated = s.now()
	saved := []Decision{d}
	// A gap merged into this one that held the phrasing comes back, with
	// it, under its own ID (its other phrasings stay joined). In a chain
	// (A into B, then B into this one) both held it: A, merged first,
	// comes back, and B, still merged, forgets it.
	links := mergeLinks(decisions)
	var holders []Decision
	for _, m := range decisions {
		if m.MergedInto != "" && follow(links, m.ID) == id && slices.Contains(m.Keys, key) {
			holders = append(holders, m)
		}
	}
	for _, m := range holders {
		if slices.ContainsFunc(holders, func(o Decision) bool { return o.MergedInto == m.ID }) {
			m.Keys = removeKeys(m.Keys, moving)
		} else {
			m.MergedInto, m.Keys = "", moving
		}
		m.Updated = d.Updated
		saved = append(saved, m)
	}
	if err := s.Store.SaveDecisions(ctx, saved...); err != nil {
		return Gap{}, fmt.Errorf("split gap %s: %w", id, err)
	}
	// The new gap is the one now holding the phrasing.
	for _, m := range saved {
		m.Version++
		decisions = replaceDecision(decisions, m)
	}
	gr = c.place(words, decisions)
	for _, ng := range gr.groups {
		if ng.kind == g.kind && ng.locale == g.locale && slices.ContainsFunc(ng.members, func(m int32) bool { return gr.keys[m] == key }) {
			return s.gapIn(c, gr, ng.id)
		}
	}
	return Gap{}, fmt.Errorf("split gap %s: the phrasing %q is in no gap", id, query)
}

// correctionTries is how many times a correction is made, each on the
// decisions as stored then, when another one was saved first.
const correctionTries = 3

// retried runs a correction on decisions, and again on the decisions as
// stored when another correction of one of its gaps was saved meanwhile
// (a colleague's, the command line's, another replica's: see
// Store.SaveDecisions), so that neither is lost; at most correctionTries
// times, then the site.ECONFLICT error is returned.
func (s *Service) retried(ctx context.Context, decisions []Decision, fn func([]Decision) (Gap, error)) (Gap, error) {
	for try := 1; ; try++ {
		g, err := fn(decisions)
		if site.ErrorCode(err) != site.ECONFLICT || try == correctionTries {
			return g, s.gone(ctx, err)
		}
		if decisions, err = s.Store.Decisions(ctx); err != nil {
			return Gap{}, err
		}
	}
}

// regroup reads the records of the retention period and groups them by
// the words (what takes long: once per correction), then reads the
// decisions: a correction is made on them as they stand once the grouping
// is done, so that one saved meanwhile (a merge from another page, the
// answered check) is kept.
func (s *Service) regroup(ctx context.Context) (*collector, *grouped, []Decision, error) {
	c, _, err := s.collect(ctx, false)
	if err != nil {
		return nil, nil, nil, err
	}
	words := c.byWords(s.analysis())
	decisions, err := s.Store.Decisions(ctx)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("read gap decisions: %w", err)
	}
	return c, words, decisions, nil
}

// gapIn returns the gap with id of grouped records, counted over the
// retention period as Service.Gap does, with the decisions changed since
// they were placed (see reportFrom).
func (s *Service) gapIn(c *collector, gr *grouped, id string, changed ...Decision) (Gap, error) {
	rep := c.reportFrom(gr, Options{Now: s.now(), KeepIgnored: true}, changed...)
	for _, g := range rep.Gaps {
		if g.ID == id {
			return g, nil
		}
	}
	return Gap{}, noGap(gr.decisions, id)
}

// find returns the group of the gap asked for by ID: the gap with that
// ID, or the one a gap with that ID was merged into (Merge), what every
// action on a gap by ID reads. A site.ENOTFOUND error naming asked when
// there is none.
func (g *grouped) find(decisions []Decision, asked string) (*group, error) {
	asked = ParseID(asked)
	if asked == "" {
		return nil, site.Errorf(site.EINVALID, "Name a gap by its ID, as the report lists it.")
	}
	want := resolveMerged(decisions, asked)
	if gr := g.byID(want); gr != nil {
		return gr, nil
	}
	// A gap no one decided on is named by its first phrasing, and an
	// earlier one joining it (tickets imported with their old dates)
	// renames it: the ID it had still names it while the phrasing that
	// gave it is in it, so a page or a command holding it finds the gap.
	for _, gr := range g.groups {
		for _, m := range gr.members {
			if makeID(gr.kind, gr.locale, g.c.idText(m)) == want {
				return gr, nil
			}
		}
	}
	return nil, noGap(decisions, asked)
}

// sameGap is the error for a merge of gap id with itself named by another
// ID, asked: a gap merged into it, or the ID its first phrasing gave it
// before an earlier phrasing joined it (see find), which no one merged.
func sameGap(decisions []Decision, asked, id string) error {
	if resolveMerged(decisions, asked) != asked {
		return site.Errorf(site.EINVALID, "Gap %s was merged into gap %s already: they are one gap.", asked, id)
	}
	return site.Errorf(site.EINVALID, "Gap %s is gap %s, under the ID it had before an earlier phrasing joined it: they are one gap.", asked, id)
}

// ParseID reads a gap ID as people paste it: capitals and the spaces
// around it are ignored (makeID writes lower-case hex). Every command and
// form that names a gap reads it so.
func ParseID(asked string) string {
	return strings.ToLower(strings.TrimSpace(asked))
}

// noGap is the error for an ID no report lists. An ID is 12 hex digits
// (makeID); anything much longer is cut, so a pasted text is not echoed
// whole. When decisions hold one for the ID (or the gap it was merged
// into), the team knew that gap, and its records are gone since: the
// error names it (kind, locale, phrasing) and says what took its records,
// rather than read as a mistyped ID.
func noGap(decisions []Decision, id string) error {
	want := resolveMerged(decisions, id)
	for _, d := range decisions {
		if d.ID != want || d.MergedInto != "" {
			continue
		}
		named := ""
		if q := decisionText(d); q != "" {
			named = fmt.Sprintf(", %q", q)
		}
		gone := "none of its records is left in the retention period"
		switch d.Kind {
		case KindSearch:
			gone = "none of its searches is left in the retention period (they are older)"
		case UnlinkedTicket:
			gone = "none of its tickets in the retention period is unlinked any more (linked to an article since, or older)"
		case NoHelp:
			gone = "none of its widget openings without help is left in the retention period"
		}
		kept := ""
		if d.Status != "" || d.Note != "" {
			kept = " The team's decision on it is kept."
		}
		return site.Errorf(site.ENOTFOUND, "Gap %s (%s in %q%s) is in no report any more: %s.%s",
			want, kindWords(d.Kind), d.Locale, named, gone, kept)
	}
	return &unknownGap{err: site.Errorf(site.ENOTFOUND, "No gap %s in the records of the retention period.", site.Shorten(id, maxEchoedID)), id: want}
}

// unknownGap is noGap's error for an ID no decision holds either:
// Service.gone looks for it among the tickets linked since.
type unknownGap struct {
	err *site.Error
	id  string
}

func (e *unknownGap) Error() string { return e.err.Error() }
func (e *unknownGap) Unwrap() error { return e.err }

// gone returns err, or, when err is noGap's for an ID no decision holds
// that is the ID of a gap of tickets the articles took since (a ticket of
// the retention period linked to an article has the topic the ID comes
// from, see idKey), a site.ENOTFOUND error naming that gap and the
// articles that took its tickets, as noGap names a gap the team decided
// on: the admin page left open on the gap, or `gaps stub` of the ID the
// report printed before the article was published, says why the gap is
// gone rather than read as a mistyped ID.
func (s *Service) gone(ctx context.Context, err error) error {
	var u *unknownGap
	if !errors.As(err, &u) {
		return err
	}
	from := time.Time{}
	if s.Retention > 0 {
		from = s.now().Add(-s.Retention)
	}
	var topic, locale string
	var took []string
	lerr := s.Store.LinkedTickets(ctx, from, func(t LinkedTicket) error {
		if makeID(UnlinkedTicket, t.Locale, idKey(UnlinkedTicket, t.Topic)) != u.id {
			return nil
		}
		if topic == "" {
			topic, locale = t.Topic, t.Locale
		}
		if !slices.Contains(took, t.Article) {
			took = append(took, t.Article)
		}
		return nil
	})
	if lerr != nil {
		return fmt.Errorf("gap %s: %w", u.id, lerr)
	}
	if topic == "" {
		return err
	}
	slices.Sort(took)
	return site.Errorf(site.ENOTFOUND, "Gap %s (%s in %q, %q) is in no report any more: its tickets are linked to an article since (%s).",
		u.id, kindWords(UnlinkedTicket), locale, topic, strings.Join(took, ", "))
}

// decisionText returns the phrasing that names decision d's gap: as its
// visitors typed it (Decision.Query), else the first phrasing text it
// holds (see textMark), "" when it holds meaning keys only (decisions
// saved before texts were kept).
func decisionText(d Decision) string {
	if d.Query != "" {
		return d.Query
	}
	for _, k := range d.Keys {
		if t, ok := strings.CutPrefix(k, textMark); ok {
			return t
		}
	}
	return ""
}

// maxEchoedID is the longest gap ID an error message repeats in full.
const maxEchoedID = 40

// byID returns the group with id, nil when none has it.
func (g *grouped) byID(id string) *group {
	for _, gr := range g.groups {
		if gr.id == id {
			return gr
		}
	}
	return nil
}

// resolveMerged follows the merges from id to the gap that holds it now.
func resolveMerged(decisions []Decision, id string) string {
	return follow(mergeLinks(decisions), id)
}

// mergeLinks maps each gap merged away to the gap it was merged into.
func mergeLinks(decisions []Decision) map[string]string {
	into := map[string]string{}
	for _, d := range decisions {
		if d.MergedInto != "" {
			into[d.ID] = d.MergedInto
		}
	}
	return into
}

// follow follows links from id to the end (a loop ends after as many
// steps as there are links).
func follow(into map[string]string, id string) string {
	for seen := 0; into[id] != "" && seen < len(into); seen++ {
		id = into[id]
	}
	return id
}

// mergedInto returns, for each gap the team merged others into, their
// IDs, sorted.
func mergedInto(decisions []Decision) map[string][]string {
	links := mergeLinks(decisions)
	out := map[string][]string{}
	for from := range links {
		to := follow(links, from)
		out[to] = append(out[to], from)
	}
	for _, l := range out {
		slices.Sort(l)
	}
	return out
}

// decisionOf returns the stored decision of a group, or a new one.
func decisionOf(decisions []Decision, g *group) Decision {
	for _, d := range decisions {
		if d.ID == g.id {
			return d
		}
	}
	return Decision{ID: g.id, Kind: g.kind, Locale: g.locale}
}

// replaceDecision returns decisions with d in place of the one with its
// ID (or added).
func replaceDecision(decisions []Decision, d Decision) []Decision {
	out := slices.DeleteFunc(slices.Clone(decisions), func(o Decision) bool { return o.ID == d.ID })
	return append(out, d)
}

// meanings counts the meaning keys of a key list, not the texts
// (textMark).
func meanings(keys []string) int {
	n := 0
	for _, k := range keys {
		if !strings.HasPrefix(k, textMark) {
			n++
		}
	}
	return n
}

// screens counts the screens among a screen gap's keys: its spellings
// in any case are one (ScreenKey).
func screens(keys []string) int {
	seen := map[string]bool{}
	for _, k := range keys {
		if !strings.HasPrefix(k, textMark) {
			seen[ScreenKey(k)] = true
		}
	}
	return len(seen)
}

// addKeys returns the sorted union of two key lists.
func addKeys(a, b []string) []string {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// removeKeys returns a without the keys of b.
func removeKeys(a, b []string) []string {
	return slices.DeleteFunc(slices.Clone(a), func(k string) bool { return slices.Contains(b, k) })
}
