package gaps

import (
	"context"
	"fmt"
	"slices"

	"github.com/guichet/guichet/site"
)

// Unmerge undoes the merge of the gap with id into another (Merge): the
// gap stands on its own again under its ID, with every phrasing it held
// when it was merged (and those that joined them since), and the gap it
// was merged into keeps the rest. A gap merged away keeps no decision of
// its own, so it comes back undecided. It returns the gap brought back.
//
// The errors are site.ENOTFOUND for an ID no report lists and
// site.EINVALID for a gap that is not merged into another, or whose
// unmerge would leave the gap it joined with no phrasing.
func (s *Service) Unmerge(ctx context.Context, id string) (Gap, error) {
	id = ParseID(id)
	if id == "" {
		return Gap{}, site.Errorf(site.EINVALID, "Name the gap to take out of the gap it was merged into.")
	}
	c, words, decisions, err := s.regroup(ctx)
	if err != nil {
		return Gap{}, err
	}
	return s.retried(ctx, decisions, func(decisions []Decision) (Gap, error) {
		return s.unmerge(ctx, c, words, decisions, id)
	})
}

// unmerge is Unmerge on the records grouped by the words and the
// decisions as read.
func (s *Service) unmerge(ctx context.Context, c *collector, words *grouped, decisions []Decision, id string) (Gap, error) {
	gr := c.place(words, decisions)
	decisions = gr.decisions
	var m Decision
	found := false
	for _, d := range decisions {
		if d.ID == id {
			m, found = d, true
		}
	}
	if !found || m.MergedInto == "" {
		if gr.byID(id) == nil {
			return Gap{}, noGap(decisions, id)
		}
		return Gap{}, site.Errorf(site.EINVALID, "Gap %s is not merged into another gap.", id)
	}
	now := s.now()
	into := resolveMerged(decisions, id)
	// Its phrasings, and those typed since that the words group with
	// them (they joined the merged gap through them); not those typed
	// before the merge that another gap holds as its own or as merged
	// into it: the words may group its phrasings with those of the gap
	// it joined ("doorbell battery life" moved out into A, "doorbell
	// battery dies" into B, B merged into A), which keeps them.
	held := map[string]bool{}
	for _, d := range decisions {
		if d.ID != id {
			for _, k := range slices.Concat(d.Keys, d.Joined) {
				held[k] = true
			}
		}
	}
	merged := m.Updated.UnixMilli() // when it was merged
	back := m.Keys
	if target := gr.byID(into); target != nil {
		theirs := map[int]bool{} // the words' groups holding its phrasings
		groupOf := map[int32]int{}
		for gi, g := range words.groups {
			for _, x := range g.members {
				groupOf[x] = gi
			}
		}
		for _, x := range target.members {
			if slices.Contains(m.Keys, gr.keys[x]) || slices.Contains(m.Keys, textMark+c.phrasings[x].text) {
				theirs[groupOf[x]] = true
			}
		}
		back = addKeys(back, gr.keysOfMembers(target.members, func(x int32) bool {
			p := c.phrasings[x]
			return theirs[groupOf[x]] && (p.first > merged || !held[gr.keys[x]] && !held[textMark+p.text])
		}))
	}
	// Its phrasings leave every gap that joined them (the one it was
	// merged into, and the one that was merged into since), and stay
	// with it whatever the words later say. A gap merged away since
	// (the one it joined, merged into a third) forgets them too, so that
	// undoing that merge later brings back its own phrasings, not these.
	var saved []Decision
	links := mergeLinks(decisions)
	for _, d := range decisions {
		if d.ID == id || mergedThrough(links, d.ID, id) {
			// The gaps merged into this one stay merged into it, with
			// their phrasings: undoing their merge later brings them back.
			continue
		}
		joined, keys := removeKeys(d.Joined, back), removeKeys(d.Keys, back)
		if len(joined) == len(d.Joined) && len(keys) == len(d.Keys) {
			continue
		}
		d.Joined, d.Keys, d.Updated = joined, keys, now
		saved = append(saved, d)
	}
	m.MergedInto, m.Keys, m.Joined, m.Updated = "", back, back, now
	saved = append(saved, m)
	after := decisions
	for _, d := range saved {
		d.Version++
		after = replaceDecision(after, d)
	}
	// Nothing is saved unless the gap then stands on its own.
	placed := c.place(words, after)
	if placed.byID(id) == nil {
		return Gap{}, fmt.Errorf("take gap %s out of gap %s: none of its phrasings would stand apart", id, into)
	}
	if gr.byID(into) != nil && placed.byID(into) == nil {
		// Every phrasing of the gap it joined came from it (the team
		// moved the others out since): that gap, its ID and its
		// decision would be lost.
		return Gap{}, site.Errorf(site.EINVALID, "Undoing the merge of gap %s would leave gap %s with no phrasing of its own, and its decision with no gap: merge gap %s into gap %s instead.", id, into, into, id)
	}
	if err := s.Store.SaveDecisions(ctx, saved...); err != nil {
		return Gap{}, fmt.Errorf("take gap %s out of gap %s: %w", id, into, err)
	}
	return s.gapIn(c, placed, id)
}

// mergedThrough reports whether the gap from was merged into the gap id,
// directly or through gaps merged into it since (links: mergeLinks).
func mergedThrough(links map[string]string, from, id string) bool {
	for seen := 0; links[from] != "" && seen < len(links); seen++ {
		if from = links[from]; from == id {
			return true
		}
	}
	return false
}
