package gaps

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sort"

	"golang.org/x/sync/errgroup"
)

// Grouping by meaning works on items: the distinct sets of terms the
// failed phrasings reduce to (word order, plurals, stop words, typos and
// compounds among the failed set, and synonyms already folded). Items then
// join in two steps, each a general rule rather than a list of words:
//
//  1. Shared informative words. Each term weighs its rarity among the
//     items, times the share of it that is evidence (a word only one
//     phrasing has links nothing), times what the content says (a word
//     many of the help center's articles use, "train" on a railway's,
//     "account" on a bank's, is the product's, not a topic's) and the
//     language (words that say something is wrong rather than what). Two
//     items are similar by the weight of the terms they share over the
//     weight of the lighter one (a shorter phrasing is contained in a
//     longer one). Groups join, most similar first, on their profiles:
//     each shared term counts the smaller share of the two groups' items
//     that hold it, so one phrasing that mentions two topics ("delay
//     refund") cannot join them; it joins the topic its visitors went to
//     or came from, and neither when none did. Once grouped, each term
//     also weighs how concentrated its items are (a word common to many
//     groups is not enough to join two), and the items are grouped again.
//  2. Reformulations. A visitor who typed one failed query and then
//     another within the visit tells that they ask the same thing. Two
//     groups join when the visitors who went from one to the other are at
//     least half of the smaller group's: a phrasing only one person used
//     joins the group that person came from or went to, while groups
//     several people used need at least two visitors going between them,
//     so one visitor who looked for two different things does not merge
//     two topics, and more than chance would make ask both (on a help
//     center of five visitors, two asking its two common questions are
//     no evidence).
const (
	// joinSimilarity is the similarity from which two groups of items
	// join.
	joinSimilarity = 0.5
	// minSimilarity: items less similar than this are not candidate
	// neighbours.
	minSimilarity = 0.3
	// reformulationShare is the share of the smaller group's visitors
	// that must have reformulated between two groups for them to join.
	reformulationShare = 0.5
	// lightWeight is the weight of a light word relative to another.
	lightWeight = 0.2
	// tornShare: a group that names two topics (see groupLinkage) holds
	// at least this share of its meaning in each.
	tornShare = 0.4
	// chanceLift: the visitors who went between two groups several
	// people used must be more than this many times those chance makes
	// ask both (the product of the groups' visitors over all the set's
	// people): more than chance.
	chanceLift = 1.0
	// minWeight: an item lighter than this (only common or light words)
	// is compared as if it weighed this much, so that "ticket" alone is
	// not contained in every query about a ticket.
	minWeight = 0.5
)

// item is one distinct set of terms.
type item struct {
	terms    []int32  // term IDs, sorted
	visitors int      // distinct visitors of its phrasings: len(who)
	who      []uint32 // those visitors, sorted
}

// bridge counts the visitors who typed phrasing a then phrasing b (or b
// then a) in one visit.
type bridge struct {
	a, b     int32
	visitors int      // len(who)
	who      []uint32 // those visitors, sorted
}

// unionSorted returns the union of two sorted lists of distinct
// visitors, sorted: a itself when b adds none, b when a is empty.
func unionSorted(a, b []uint32) []uint32 {
	if len(a) == 0 {
		return b
	}
	out := make([]uint32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	if len(out) == len(a) {
		return a
	}
	return out
}

// clusterItems returns the group of each item: the index of one of its
// items; and its group before the reformulations joined groups (step 2),
// words: what the words alone group. factor holds, per term, what the
// content and the language say of it (see termFactor); bridges are
// between items.
func clusterItems(items []item, factor []float64, code []int32, bridges []bridge) (root, words []int) {
	n := len(items)
	df := make([]int, len(factor))
	for _, it := range items {
		for _, t := range it.terms {
			df[t]++
		}
	}
	// A term weighs its rarity among the failed set, from 1 (one item has
	// it) toward 0 (all have it), times the share of it that is evidence:
	// a word only one phrasing has links it to nothing, and tells nothing
	// against a link either (1 - 1/df: none for one item, half for two);
	// times what the content and the language say of it.
	weight := make([]float64, len(factor))
	for t, d := range df {
		if d > 0 {
			rarity := math.Log(float64(n+1)/float64(d)) / math.Log(float64(n+1))
			weight[t] = rarity * (1 - 1/float64(d)) * factor[t]
		}
	}
	// A word common to many topics is not enough to join two: once
	// grouped by their words, each term weighs how concentrated its items
	// are, the chance that two of them fell in one group ("dog": all in
	// one; "booking": spread over bikes, seats, groups, assistance…), and
	// the items are grouped again with these weights, then joined by
	// reformulations.
	edges := similarItems(items, weight, df, code)
	adj := bridgeLists(len(items), bridges)
	root = groupLinkage(items, weight, edges, adj, code)
	for t, c := range concentration(items, root, len(weight)) {
		weight[t] *= math.Sqrt(c)
	}
	// The candidate neighbours stay; their similarities follow the new
	// weights.
	total := itemWeights(items, weight)
	for k, e := range edges {
		edges[k].sim = similarity(items[e.a].terms, items[e.b].terms, weight, total[e.a], total[e.b])
	}
	root = groupLinkage(items, weight, edges, adj, code)
	words = slices.Clone(root)
	return joinReformulations(items, root, bridges, code, edges), words
}

// itemWeights returns the weight of each item: the sum of its terms'.
func itemWeights(items []item, weight []float64) []float64 {
	total := make([]float64, len(items))
	for i, it := range items {
		for _, t := range it.terms {
			total[i] += weight[t]
		}
	}
	return total
}

// concentration returns, for each term, the probability that two distinct
// items holding it are in one group (1 for a term of one item).
func concentration(items []item, root []int, nterms int) []float64 {
	perGroup := make([]map[int]int, nterms)
	for i, it := range items {
		for _, t := range it.terms {
			if perGroup[t] == nil {
				perGroup[t] = map[int]int{}
			}
			perGroup[t][root[i]]++
		}
	}
	out := make([]float64, nterms)
	for t, m := range perGroup {
		total, same := 0, 0
		for _, k := range m {
			total += k
			same += k * (k - 1)
		}
		out[t] = 1
		if total > 1 {
			out[t] = float64(same) / float64(total*(total-1))
		}
	}
	return out
}

// Bounds on the comparisons, whatever the number of items: each item is
// compared with at most postingScan items of each of its heaviest terms'
// postings (the most visited first), and keeps its nearNeighbours most
// similar as candidates to join.
const (
	postingScan    = 200
	nearNeighbours = 10
)

// edge is a similarity between two items or groups.
type edge struct {
	a, b int32 // items or groups (int32: edges are a good part of the grouping's memory)
	sim  float64
}

// similarItems returns, for each item, its most similar items, at least
// minSimilarity alike. Candidates are found through the postings of each
// item's heaviest terms: a pair reaches minSimilarity only by sharing one
// of the terms that make up more than 1-minSimilarity of the smaller
// item's weight.
func similarItems(items []item, weight []float64, df []int, code []int32) []edge {
	total := itemWeights(items, weight)
	postings := make([][]int32, len(df))
	for i, it := range items {
		for _, t := range it.terms {
			postings[t] = append(postings[t], int32(i))
		}
	}
	for _, p := range postings {
		sort.SliceStable(p, func(a, b int) bool { return items[p[a]].visitors > items[p[b]].visitors })
	}
	// The items are shared out between the cores.
	workers := min(runtime.GOMAXPROCS(0), max(1, len(items)/2048))
	parts := make([][]edge, workers)
	var g errgroup.Group
	g.SetLimit(workers)
	for w := 0; w < workers; w++ {
		g.Go(func() error {
			out := make([]edge, 0, len(items)/workers*nearNeighbours/2)
			seen := make([]int32, len(items)) // seen[j] == i+1: j compared with i
			byWeight := make([]int32, 0, 16)
			var best []edge
			for i := w; i < len(items); i += workers {
				it := items[i]
				byWeight = append(byWeight[:0], it.terms...)
				slices.SortFunc(byWeight, func(a, b int32) int { return cmp.Compare(weight[b], weight[a]) })
				best = best[:0]
				covered := 0.0
				for _, t := range byWeight {
					if covered > (1-minSimilarity)*max(total[i], minWeight) {
						break
					}
					covered += weight[t]
					for k, j := range postings[t] {
						if k == postingScan {
							break
						}
						if int(j) == i || seen[j] == int32(i+1) {
							continue
						}
						seen[j] = int32(i + 1)
						if s := similarity(it.terms, items[j].terms, weight, total[i], total[j]); s >= minSimilarity && !codesConflict(it.terms, items[j].terms, code) {
							best = keepBest(best, edge{int32(i), j, s})
						}
					}
				}
				for _, e := range best {
					if e.a > e.b {
						e.a, e.b = e.b, e.a
					}
					out = append(out, e)
				}
			}
			parts[w] = out
			return nil
		})
	}
	g.Wait()
	edges := slices.Concat(parts...)
	// Each pair once (both items may have kept it).
	slices.SortFunc(edges, func(x, y edge) int {
		if x.a != y.a {
			return int(x.a) - int(y.a)
		}
		return int(x.b) - int(y.b)
	})
	return slices.CompactFunc(edges, func(x, y edge) bool { return x.a == y.a && x.b == y.b })
}

// keepBest adds e to best, the nearNeighbours most similar edges so far,
// most similar first (ties: the lower item first).
func keepBest(best []edge, e edge) []edge {
	better := func(x, y edge) bool { return x.sim > y.sim || x.sim == y.sim && x.b < y.b }
	if len(best) == nearNeighbours {
		if !better(e, best[len(best)-1]) {
			return best
		}
		best = best[:len(best)-1]
	}
	k := len(best)
	best = append(best, e)
	for k > 0 && better(e, best[k-1]) {
		best[k] = best[k-1]
		k--
	}
	best[k] = e
	return best
}

// similarity is the weight of the terms a and b share over the weight of
// the lighter of the two (at least minWeight). Terms are sorted.
func similarity(a, b []int32, weight []float64, ta, tb float64) float64 {
	shared := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			shared += weight[a[i]]
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return shared / max(min(ta, tb), minWeight)
}

// profile is a group of items as the share of them holding each term.
type profile struct {
	terms  []int32 // sorted
	counts []int32 // items holding each term
	size   int
	sum    float64 // Σ weight × count: size times the mean item weight
	// nb lists the neighbour groups; it may hold a group twice, or one
	// merged away (its root is followed when it is met).
	nb []int32
}

// groupLinkage joins items into groups, most similar first, while the
// similarity of two groups reaches joinSimilarity. Two groups are similar
// by the weight of the terms they share, each term counting the smaller
// share of their items that hold it, over the mean weight of the lighter
// group's items: for two single items, their similarity; for groups, an
// average over their items, so one item that mentions two topics ("delay
// refund") cannot join them. Only the groups of items that are candidate
// neighbours (see similarItems) are compared. A group that names two
// topics ("delay refund", between a group about delays and one about
// refunds, each holding at least tornShare of its meaning, the two groups
// unlike each other) joins the one its visitors reformulated with more,
// and neither without such evidence. adj lists the bridges of each item.
// It returns each item's group root.
func groupLinkage(items []item, weight []float64, edges []edge, adj [][]bridgeTo, code []int32) []int {
	n := len(items)
	root := make([]int, n)
	groups := make([]profile, n)
	// The items of each group, as a chained list: first[g] starts it,
	// next[i] follows it (-1 ends), last[g] ends it.
	first, next, last := make([]int32, n), make([]int32, n), make([]int32, n)
	for i, it := range items {
		first[i], next[i], last[i] = int32(i), -1, int32(i)
		root[i] = i
		g := &groups[i]
		g.terms, g.size = it.terms, 1
		g.counts = make([]int32, len(it.terms))
		for k, t := range it.terms {
			g.counts[k] = 1
			g.sum += weight[t]
		}
	}
	// The neighbour lists start in one array.
	degree := make([]int32, n)
	for _, e := range edges {
		degree[e.a]++
		degree[e.b]++
	}
	nbs := make([]int32, 2*len(edges))
	for i, off := 0, 0; i < n; i++ {
		d := int(degree[i])
		groups[i].nb = nbs[off : off : off+d]
		off += d
	}
	for _, e := range edges {
		groups[e.a].nb = append(groups[e.a].nb, int32(e.b))
		groups[e.b].nb = append(groups[e.b].nb, int32(e.a))
	}
	// overlap is the weight of the terms groups a and b share, each
	// counting the smaller share of their items that hold it.
	overlap := func(a, b int) float64 {
		x, y := &groups[a], &groups[b]
		if len(x.terms) > len(y.terms) {
			x, y = y, x
		}
		shared := 0.0
		if len(y.terms) > 8*len(x.terms) {
			for i, t := range x.terms {
				k, ok := slices.BinarySearch(y.terms, t)
				if ok {
					shared += weight[t] * min(float64(x.counts[i])/float64(x.size), float64(y.counts[k])/float64(y.size))
				}
			}
		} else {
			for i, j := 0, 0; i < len(x.terms) && j < len(y.terms); {
				switch {
				case x.terms[i] == y.terms[j]:
					shared += weight[x.terms[i]] * min(float64(x.counts[i])/float64(x.size), float64(y.counts[j])/float64(y.size))
					i++
					j++
				case x.terms[i] < y.terms[j]:
					i++
				default:
					j++
				}
			}
		}
		return shared
	}
	sim := func(a, b int) float64 {
		x, y := &groups[a], &groups[b]
		return overlap(a, b) / max(min(x.sum/float64(x.size), y.sum/float64(y.size)), minWeight)
	}
	// cover is the share of the meaning of group a that group b holds.
	cover := func(a, b int) float64 {
		x := &groups[a]
		return overlap(a, b) / max(x.sum/float64(x.size), minWeight)
	}
	// Groups join only along candidate pairs: each set of items the
	// candidate pairs connect is grouped on its own, the largest first,
	// on every core. Their items, and so the entries of the arrays above
	// each touches, are apart.
	comp := make([]int, n)
	for i := range comp {
		comp[i] = i
	}
	for _, e := range edges {
		if x, y := find(comp, int(e.a)), find(comp, int(e.b)); x != y {
			comp[x] = y
		}
	}
	for i := range comp {
		comp[i] = find(comp, i)
	}
	// Each component's edges and items are a run of one array, in the
	// order they came in, sized by a first count: growing a slice per
	// component was a tenth of a report's allocations.
	byComp := map[int]*component{}
	var comps []*component
	nEdges, nItems := map[int]int{}, map[int]int{}
	for _, e := range edges {
		k := comp[e.a]
		if byComp[k] == nil {
			byComp[k] = &component{}
			comps = append(comps, byComp[k])
		}
		nEdges[k]++
	}
	for i := range items {
		if byComp[comp[i]] != nil {
			nItems[comp[i]]++
		}
	}
	edgeRuns, itemRuns := make([]edge, len(edges)), make([]int32, 0, n)
	at := 0
	for k, cp := range byComp {
		cp.edges = edgeRuns[at : at : at+nEdges[k]]
		at += nEdges[k]
		cp.items = itemRuns[len(itemRuns) : len(itemRuns) : len(itemRuns)+nItems[k]]
		itemRuns = itemRuns[:len(itemRuns)+nItems[k]]
	}
	for _, e := range edges {
		cp := byComp[comp[e.a]]
		cp.edges = append(cp.edges, e)
	}
	for i := range items {
		if cp := byComp[comp[i]]; cp != nil {
			cp.items = append(cp.items, int32(i))
		}
	}
	slices.SortFunc(comps, func(x, y *component) int { return len(y.items) - len(x.items) })
	stamp := make([]int32, n) // stamp[g] == mark: g already met in this pass over a list
	link := func(cp *component) {
		mark := int32(0)
		// visits counts the visitors who went between an item of group s and
		// one of group t.
		visits := func(s, t int) int {
			k := 0
			for i := first[s]; i >= 0; i = next[i] {
				for _, br := range adj[i] {
					if comp[br.to] == comp[i] && find(root, int(br.to)) == t {
						k += br.visitors
					}
				}
			}
			return k
		}
		// torn reports whether group s, about to join t, fits as well a group
		// c unlike t: a phrasing that names two topics ("delay refund" between
		// delays and refunds). It joins the one its visitors went to (from or
		// to) more, and neither without such evidence: a wrong merge costs the
		// team more than a missed one.
		apart := map[[2]int]bool{} // pairs of groups torn (see torn): not tried again
		torn := func(s, t int) bool {
			// The parts of s that t and c hold are apart (t and c are
			// unlike): t holds between tornShare and 1-tornShare of s.
			if len(groups[s].nb) < 2 {
				return false
			}
			if cv := cover(s, t); cv < tornShare || cv > 1-tornShare {
				return false
			}
			mark++
			stamp[s], stamp[t] = mark, mark
			x := &groups[s]
			mean := x.sum / float64(x.size)
			for _, c := range groups[s].nb {
				c := find(root, int(c))
				if stamp[c] == mark {
					continue
				}
				stamp[c] = mark
				if groups[c].size < 2 {
					continue
				}
				// cover(s, c) and sim(s, c) from one overlap.
				ov := overlap(s, c)
				y := &groups[c]
				if ov/max(mean, minWeight) < tornShare || ov/max(min(mean, y.sum/float64(y.size)), minWeight) < joinSimilarity {
					continue
				}
				if sim(t, c) >= minSimilarity {
					continue
				}
				if visits(s, t) <= visits(s, c) {
					return true
				}
			}
			return false
		}
		// The pairs re-ranked as groups merge come to about as many as the
		// component's pairs (measured): the heap is sized so at once.
		h := &edgeQueue{sorted: make([]edge, 0, len(cp.edges)), h: edgeHeap{items: make([]edge, 0, len(cp.edges))}}
		for _, e := range cp.edges {
			if e.sim >= joinSimilarity {
				h.sorted = append(h.sorted, edge{e.a, e.b, e.sim})
			}
		}
		h.sort()
		for {
			if h.len() == 0 {
				// A merge re-ranks only the pairs of the group that joined;
				// the other pairs of the group it joined may have risen:
				// look at every pair once more before stopping.
				for _, a := range cp.items {
					a := int(a)
					if root[a] != a {
						continue
					}
					mark++
					for _, b := range groups[a].nb {
						b := find(root, int(b))
						if a < b && stamp[b] != mark && !apart[[2]int{a, b}] {
							stamp[b] = mark
							if s := sim(a, b); s >= joinSimilarity {
								h.sorted = append(h.sorted, edge{int32(a), int32(b), s})
							}
						}
					}
				}
				if h.len() == 0 {
					break
				}
				h.sort()
			}
			e := h.pop()
			ea, eb := int(e.a), int(e.b)
			if root[ea] != ea || root[eb] != eb || len(apart) > 0 && apart[[2]int{min(ea, eb), max(ea, eb)}] {
				continue // a side was merged away, or the pair was torn
			}
			cur := sim(ea, eb)
			if math.Abs(cur-e.sim) > 1e-9 {
				if cur >= joinSimilarity {
					h.push(edge{e.a, e.b, cur}) // the groups changed: re-rank
				}
				continue
			}
			if cur < joinSimilarity {
				continue
			}
			if codesConflict(groups[ea].terms, groups[eb].terms, code) || torn(ea, eb) || torn(eb, ea) {
				apart[[2]int{min(ea, eb), max(ea, eb)}] = true
				continue
			}
			big, small := ea, eb
			if groups[small].size > groups[big].size || groups[small].size == groups[big].size && small < big {
				big, small = small, big
			}
			gb, gs := &groups[big], &groups[small]
			root[small] = big
			next[last[big]], last[big] = first[small], last[small]
			gb.terms, gb.counts = mergeCounts(gb.terms, gb.counts, gs.terms, gs.counts)
			gb.size += gs.size
			gb.sum += gs.sum
			mark++
			stamp[big] = mark
			for _, w := range gs.nb {
				w := find(root, int(w))
				if stamp[w] == mark {
					continue
				}
				stamp[w] = mark
				gb.nb = append(gb.nb, int32(w))
				groups[w].nb = append(groups[w].nb, int32(big))
				if s := sim(big, w); s >= joinSimilarity {
					h.push(edge{int32(big), int32(w), s})
				}
			}
			*gs = profile{}
		}
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, cp := range comps {
		g.Go(func() error {
			link(cp)
			return nil
		})
	}
	g.Wait()
	for i := range root {
		root[i] = find(root, i)
	}
	return root
}

// component is a set of items candidate pairs connect, with its pairs.
type component struct {
	items []int32
	edges []edge
}

// mergeCounts merges two sorted term lists and their counts.
func mergeCounts(at []int32, ac []int32, bt []int32, bc []int32) ([]int32, []int32) {
	terms := make([]int32, 0, len(at)+len(bt))
	counts := make([]int32, 0, len(at)+len(bt))
	i, j := 0, 0
	for i < len(at) || j < len(bt) {
		switch {
		case j == len(bt) || i < len(at) && at[i] < bt[j]:
			terms, counts = append(terms, at[i]), append(counts, ac[i])
			i++
		case i == len(at) || bt[j] < at[i]:
			terms, counts = append(terms, bt[j]), append(counts, bc[j])
			j++
		default:
			terms, counts = append(terms, at[i]), append(counts, ac[i]+bc[j])
			i++
			j++
		}
	}
	return terms, counts
}

// joinReformulations joins the groups that visitors reformulated between
// (see reformulationShare), strongest evidence first, and returns each
// item's group root.
func joinReformulations(items []item, root []int, bridges []bridge, code []int32, edges []edge) []int {
	// Visitors are counted once per group however many of its phrasings
	// they typed, and once per pair of groups however often they went
	// between them: distinct visitors, as everywhere in the report.
	nb := map[int]map[int][]uint32{} // group → group → visitors who went between them
	for _, br := range bridges {
		a, b := root[br.a], root[br.b]
		if a == b {
			continue
		}
		if nb[a] == nil {
			nb[a] = map[int][]uint32{}
		}
		if nb[b] == nil {
			nb[b] = map[int][]uint32{}
		}
		nb[a][b] = unionSorted(nb[a][b], br.who)
		nb[b][a] = nb[a][b]
	}
	// strongest[a][b] is the most visitors who went between one group of
	// words joined into a and one joined into b: two visitors each going
	// from a different part of a to b are two people with two questions
	// each, not two who said a and b are one.
	strongest := map[int]map[int]int{}
	for a, m := range nb {
		strongest[a] = map[int]int{}
		for b, who := range m {
			strongest[a][b] = len(who)
		}
	}
	if len(nb) == 0 {
		return root
	}
	// The visitors of the groups some visitor went between, and the codes
	// each names (see codesConflict): groups that name different ones are
	// two problems, whoever went from one to the other.
	visitors := map[int][]uint32{}
	codes := map[int][]int32{}
	for i, it := range items {
		g := root[i]
		if nb[g] == nil {
			continue
		}
		visitors[g] = append(visitors[g], it.who...) // sorted below
		for _, t := range it.terms {
			if code[t] != 0 {
				codes[g] = append(codes[g], t)
			}
		}
	}
	for g, who := range visitors {
		slices.Sort(who)
		visitors[g] = slices.Compact(who)
	}
	// everyone is how many people failed in the set: what chance makes
	// of two groups' visitors meeting (see the loop below); counted when
	// first needed.
	everyone := -1
	countEveryone := func() int {
		if everyone < 0 {
			var all []uint32
			for _, it := range items {
				all = append(all, it.who...)
			}
			slices.Sort(all)
			everyone = len(slices.Compact(all))
		}
		return everyone
	}
	// The items of each group some visitor went between, and the
	// similar items of each (edges).
	near := map[int32][]edge{}
	for _, e := range edges {
		if nb[root[e.a]] != nil || nb[root[e.b]] != nil {
			near[e.a] = append(near[e.a], e)
			near[e.b] = append(near[e.b], edge{e.b, e.a, e.sim})
		}
	}
	members := map[int][]int{}
	for i := range items {
		if g := root[i]; nb[g] != nil {
			members[g] = append(members[g], i)
		}
	}
	for g, cs := range codes {
		slices.Sort(cs)
		codes[g] = slices.Compact(cs)
	}
	share := func(a, b int) float64 {
		return float64(len(nb[a][b])) / float64(max(1, min(len(visitors[a]), len(visitors[b]))))
	}
	h := &edgeHeap{}
	for a, m := range nb {
		for b := range m {
			if a < b {
				h.items = append(h.items, edge{int32(a), int32(b), share(a, b)})
			}
		}
	}
	h.init()
	for h.len() > 0 {
		e := h.pop()
		ea, eb := int(e.a), int(e.b)
		if root[ea] != ea || root[eb] != eb {
			continue
		}
		if cur := share(ea, eb); cur != e.sim {
			h.push(edge{e.a, e.b, cur})
			continue
		}
		if e.sim < reformulationShare {
			break
		}
		if strongest[ea][eb] < 2 && min(len(visitors[ea]), len(visitors[eb])) >= 2 {
			// One visitor's two searches are not enough to join two
			// phrasings several people used: they may have had two
			// questions.
			continue
		}
		if codesConflict(codes[ea], codes[eb], code) {
			continue
		}
		if na, nb2 := len(visitors[ea]), len(visitors[eb]); min(na, nb2) >= 2 &&
			float64(len(nb[ea][eb])) <= chanceLift*float64(na)*float64(nb2)/float64(max(1, countEveryone())) {
			// As many people went between them as chance would make
			// meet: on a small help center, where most of its few
			// visitors asked both of two common questions, two such
			// people say nothing of one question ("dark mode" and
			// "student discount", each asked by most of six people).
			continue
		}
		big, small := ea, eb
		if n, m := len(visitors[small]), len(visitors[big]); n > m || n == m && small < big {
			big, small = small, big
		}
		if strongest[ea][eb] < 2 && wordsElsewhere(near, root, members[small], big, small) {
			// One visitor went between them, but the smaller group's
			// words are another group's ("projector" after "pause
			// membership", beside "meeting room projector"): they had
			// two questions.
			continue
		}
		root[small] = big
		members[big] = append(members[big], members[small]...)
		delete(members, small)
		visitors[big] = unionSorted(visitors[big], visitors[small])
		delete(visitors, small)
		if len(codes[small]) > 0 {
			codes[big] = slices.Compact(slices.Sorted(slices.Values(append(codes[big], codes[small]...))))
			delete(codes, small)
		}
		for w, who := range nb[small] {
			delete(nb[w], small)
			delete(strongest[w], small)
			if w == big {
				continue
			}
			nb[big][w] = unionSorted(nb[big][w], who)
			nb[w][big] = nb[big][w]
			strongest[big][w] = max(strongest[big][w], strongest[small][w])
			strongest[w][big] = strongest[big][w]
		}
		delete(nb, small)
		delete(strongest, small)
		for w := range nb[big] {
			h.push(edge{int32(big), int32(w), share(big, w)})
		}
	}
	for i := range root {
		root[i] = find(root, i)
	}
	return root
}

// wordsElsewhere reports whether the items of group small (members) are
// similar (near: their candidate neighbours) to none of group big's
// but to some item of a third group: the words place small elsewhere,
// against one visitor's going between small and big.
func wordsElsewhere(near map[int32][]edge, root []int, members []int, big, small int) bool {
	elsewhere := false
	for _, i := range members {
		for _, e := range near[int32(i)] {
			switch g := find(root, int(e.b)); g {
			case big:
				return false
			case small:
			default:
				if e.sim >= wordsElsewhereSim {
					elsewhere = true
				}
			}
		}
	}
	return elsewhere
}

// wordsElsewhereSim is how similar an item must be to another group's for
// the words to place it there (see wordsElsewhere).
const wordsElsewhereSim = minSimilarity

// codesConflict reports whether a and b (term IDs) each name a code (see
// codeDigits; code holds each term's, 0 for none) the other does not:
// "0x80070005 on install" and "0x80070643 on install" are two problems,
// however alike their words.
func codesConflict(a, b []int32, code []int32) bool {
	has := func(list []int32, c int32) bool {
		for _, t := range list {
			if code[t] == c {
				return true
			}
		}
		return false
	}
	onlyA, onlyB := false, false
	for _, t := range a {
		if c := code[t]; c != 0 && !has(b, c) {
			onlyA = true
			break
		}
	}
	if !onlyA {
		return false
	}
	for _, t := range b {
		if c := code[t]; c != 0 && !has(a, c) {
			onlyB = true
			break
		}
	}
	return onlyB
}

// bridgeTo is one end of a bridge, seen from the other.
type bridgeTo struct {
	to       int32
	visitors int
}

// bridgeLists returns, for each of n items, the bridges from it.
func bridgeLists(n int, bridges []bridge) [][]bridgeTo {
	adj := make([][]bridgeTo, n)
	for _, br := range bridges {
		adj[br.a] = append(adj[br.a], bridgeTo{br.b, br.visitors})
		adj[br.b] = append(adj[br.b], bridgeTo{br.a, br.visitors})
	}
	return adj
}

// find follows root links to a group's root, shortening the path.
func find(root []int, i int) int {
	for root[i] != i {
		root[i] = root[root[i]]
		i = root[i]
	}
	return i
}

// before orders edges: most similar first, ties by item order.
func before(a, b edge) bool {
	if a.sim != b.sim {
		return a.sim > b.sim
	}
	if a.a != b.a {
		return a.a < b.a
	}
	return a.b < b.b
}

// edgeQueue hands out edges most similar first: a sorted run (the edges
// known at the start, sorted once, which is cheaper than a heap of them
// all) and a heap of the edges pushed since.
type edgeQueue struct {
	sorted []edge // from pos on
	pos    int
	h      edgeHeap
}

// sort sorts the run; call it once the run is filled and the heap empty.
func (q *edgeQueue) sort() {
	q.sorted = q.sorted[q.pos:]
	q.pos = 0
	slices.SortFunc(q.sorted, func(a, b edge) int {
		if a.sim != b.sim {
			return cmp.Compare(b.sim, a.sim)
		}
		if a.a != b.a {
			return int(a.a) - int(b.a)
		}
		return int(a.b) - int(b.b)
	})
}

func (q *edgeQueue) len() int { return len(q.sorted) - q.pos + q.h.len() }

func (q *edgeQueue) push(e edge) { q.h.push(e) }

func (q *edgeQueue) pop() edge {
	if q.pos < len(q.sorted) && (q.h.len() == 0 || before(q.sorted[q.pos], q.h.items[0])) {
		q.pos++
		return q.sorted[q.pos-1]
	}
	return q.h.pop()
}

// edgeHeap is a max-heap of edges by similarity, ties by item order.
type edgeHeap struct{ items []edge }

func (h *edgeHeap) len() int { return len(h.items) }

func (h *edgeHeap) less(i, j int) bool { return before(h.items[i], h.items[j]) }

func (h *edgeHeap) init() {
	for i := len(h.items)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h *edgeHeap) push(e edge) {
	h.items = append(h.items, e)
	for i := len(h.items) - 1; i > 0; {
		p := (i - 1) / 2
		if !h.less(i, p) {
			break
		}
		h.items[i], h.items[p] = h.items[p], h.items[i]
		i = p
	}
}

func (h *edgeHeap) pop() edge {
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	h.down(0)
	return top
}

func (h *edgeHeap) down(i int) {
	n := len(h.items)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && h.less(r, l) {
			m = r
		}
		if !h.less(m, i) {
			return
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
}

// termFactor weighs a term by what the content and the language say of it:
// a word the help center uses in many articles ("train" on a railway's,
// "account" on a bank's) is common to many topics, and a word that says
// something is wrong rather than what (see lightWords) weighs little.
// spread is the share of the docs articles holding the term; the first
// two articles holding it do not count: a word one or two articles use is
// their topic, not the product's (and publishing the article that answers
// a gap must not regroup it).
func termFactor(spread float64, docs int, light bool) float64 {
	if docs > 0 {
		spread = max(0, spread-2/float64(docs))
	}
	f := 1 - math.Sqrt(spread)
	if light {
		f *= lightWeight
	}
	return f
}
