package gaps

// averageLinkage groups n items along weighted edges (similarities in
// 0..1; a pair without an edge counts as 0): it joins the two groups of
// highest average link (the sum of the edges between their items over the
// number of pairs of items) while that reaches threshold, and returns each
// item's group root.
func averageLinkage(n int, edges []edge, threshold float64) []int {
	root := make([]int, n)
	for i := range root {
		root[i] = i
	}
	return averageLinkageFrom(root, edges, threshold)
}

// averageLinkageFrom is averageLinkage starting from the groups of root.
func averageLinkageFrom(start []int, edges []edge, threshold float64) []int {
	n := len(start)
	root := make([]int, n)
	size := make([]int, n)
	nb := make([]map[int32]float64, n)
	for i := range root {
		root[i] = i
	}
	for i, r := range start {
		if r != i {
			root[i] = r
		}
		size[r]++
	}
	for _, e := range edges {
		e.a, e.b = start[e.a], start[e.b]
		if e.a == e.b || e.sim <= 0 {
			continue
		}
		for _, p := range [2][2]int{{e.a, e.b}, {e.b, e.a}} {
			if nb[p[0]] == nil {
				nb[p[0]] = map[int32]float64{}
			}
			nb[p[0]][int32(p[1])] += e.sim
		}
	}
	link := func(a, b int) float64 { return nb[a][int32(b)] / float64(size[a]*size[b]) }
	h := &edgeHeap{}
	for a := range nb {
		for b := range nb[a] {
			if a < int(b) {
				if s := link(a, int(b)); s >= threshold {
					h.items = append(h.items, edge{a, int(b), s})
				}
			}
		}
	}
	h.init()
	for h.len() > 0 {
		e := h.pop()
		if root[e.a] != e.a || root[e.b] != e.b {
			continue
		}
		if cur := link(e.a, e.b); cur != e.sim {
			if cur >= threshold {
				h.push(edge{e.a, e.b, cur})
			}
			continue
		}
		big, small := e.a, e.b
		if size[small] > size[big] || size[small] == size[big] && small < big {
			big, small = small, big
		}
		root[small] = big
		size[big] += size[small]
		delete(nb[big], int32(small))
		for w, s := range nb[small] {
			if int(w) == big {
				continue
			}
			delete(nb[w], int32(small))
			nb[big][w] += s
			nb[w][int32(big)] += s
		}
		nb[small] = nil
		for w := range nb[big] {
			if s := link(big, int(w)); s >= threshold {
				h.push(edge{min(big, int(w)), max(big, int(w)), s})
			}
		}
	}
	for i := range root {
		root[i] = find(root, i)
	}
	return root
}
