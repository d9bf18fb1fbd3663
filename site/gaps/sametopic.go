package gaps

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// Drafts returns the gaps of rep that want a draft (Report.WantingArticles)
// but those whose topic another gap of their locale, of the other kind,
// already holds, and says on w which it left out and why. Failed searches
// and unlinked tickets are grouped apart (their IDs and the team's
// decisions are kept by kind), so one question asked both ways is two
// gaps: "helmet" searched and "Helmet rental" in the tickets. Their
// phrasings are grouped here again, together, by the report's own rule
// (groupByMeaning, with the same analysis); two gaps of different kinds
// whose most used phrasings fall in one group ask the same thing. Such a
// gap gets no draft when the other is decided (the team's product fix,
// fixed, ignored), answered, or wants a draft too and comes first in the
// report (the one of more people): the team's decision on one stands for
// both, and one draft answers both; so does a gap of the topic whose
// draft the content folder dir holds already. rep should keep the ignored gaps
// (Options.KeepIgnored): an ignored gap stands for its topic too.
func (s *Service) Drafts(rep Report, dir string, w io.Writer) []Gap {
	an := s.analysis()
	if an == nil {
		an = plainAnalyzer{}
	}
	// The drafts already in the content folder dir, by gap ID: a gap of
	// the topic that has its draft stands for it, whichever comes first
	// now (a second run, once the tickets outnumber the searches, wrote
	// the tickets' draft beside the searches').
	drafted := map[string]string{}
	if root, err := os.OpenRoot(dir); err == nil {
		drafted = draftsByGap(root)
		root.Close()
	}
	// The phrasings of every search and ticket gap, by locale, with as
	// many people as they had (numbers of their own: none is shared).
	type at struct{ gap, variant int }
	byLocale := map[string][]at{}
	var locales []string
	for gi, g := range rep.Gaps {
		if g.Kind == NoHelp || !g.Writable() {
			continue
		}
		for vi := range g.Variants {
			if len(byLocale[g.Locale]) == 0 {
				locales = append(locales, g.Locale)
			}
			byLocale[g.Locale] = append(byLocale[g.Locale], at{gi, vi})
		}
	}
	// The topic of a gap: its locale and the group of its most used
	// phrasing ("" for none).
	topic := make([]string, len(rep.Gaps))
	for _, loc := range locales {
		list := byLocale[loc]
		in := make([]meaningInput, len(list))
		var next uint32
		for i, a := range list {
			v := rep.Gaps[a.gap].Variants[a.variant]
			n := max(v.Visitors, v.Searches, 1)
			who := make([]uint32, n)
			for k := range who {
				who[k] = next
				next++
			}
			in[i] = meaningInput{text: v.Query, visitors: n, who: who}
		}
		group, _, _ := groupByMeaning(an, loc, in, nil)
		for i, a := range list {
			if g := rep.Gaps[a.gap]; topic[a.gap] == "" || g.Variants[a.variant].Query == g.Query {
				topic[a.gap] = fmt.Sprint(loc, "|", group[i])
			}
		}
	}
	var out []Gap
	for gi, g := range rep.Gaps {
		if !g.WantsArticle() {
			continue
		}
		if other, why := sameTopic(rep.Gaps, topic, drafted, gi); why != "" {
			fmt.Fprintf(w, "guichet: note: no draft for gap %s (%q, %s): it asks what gap %s (%q, %s) asks, %s\n",
				g.ID, g.Query, kindWords(g.Kind), other.ID, other.Query, kindWords(other.Kind), why)
			continue
		}
		out = append(out, g)
	}
	return out
}

// sameTopic returns the gap of the other kind than gaps[i], of its topic,
// that stands for it, and why: one decided, answered or drafted (drafted:
// the drafts by gap ID), else one that wants a draft and comes before it;
// why is "" for none, and for a gap that has its own draft.
func sameTopic(gaps []Gap, topic []string, drafted map[string]string, i int) (Gap, string) {
	if topic[i] == "" {
		return Gap{}, ""
	}
	draft := func(g Gap) string {
		for _, id := range g.names() {
			if p := drafted[id]; p != "" {
				return p
			}
		}
		return ""
	}
	if draft(gaps[i]) != "" {
		return Gap{}, "" // its own draft: said as kept (WriteStubs)
	}
	for j, o := range gaps {
		if j == i || o.Kind == gaps[i].Kind || topic[j] != topic[i] {
			continue
		}
		switch {
		case o.Status == StatusProductFix || o.Status == StatusFixed || o.Status == StatusIgnored:
			return o, "which the team marked " + strings.ReplaceAll(o.Status, "_", " ")
		case o.AnsweredAt != nil:
			return o, "which " + o.AnsweredBy + " answers"
		case draft(o) != "":
			return o, "whose draft " + draft(o) + " answers both"
		}
	}
	for j, o := range gaps[:i] {
		if o.Kind != gaps[i].Kind && topic[j] == topic[i] && o.WantsArticle() {
			return o, "whose draft answers both"
		}
	}
	return Gap{}, ""
}
