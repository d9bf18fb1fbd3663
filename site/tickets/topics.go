package tickets

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/textnorm"
)

// TopicLink links the tickets of one topic to an article, by hand: a
// ticket of Locale whose topic is Topic ("text:" and its normalised text,
// or "key:" and its meaning key, see gaps.MeaningKey) links to ArticleID.
type TopicLink struct {
	Locale string
	Topic  string
	// Label is a "text:" topic as the tickets wrote it, shown to the team
	// ("" for other topics, and links stored before labels were).
	Label     string
	ArticleID string
	GapID     string // the unlinked-ticket gap it was made from
	Created   time.Time
}

// TopicReader reads the topic links (site/sqlite and site/postgres
// implement it): an Ingester whose Store does reads them before each batch,
// since another replica may have linked a topic meanwhile.
type TopicReader interface {
	// TopicLinks returns every topic link.
	TopicLinks(ctx context.Context) ([]TopicLink, error)
}

// TopicStore keeps the topic links (site/sqlite implements it).
type TopicStore interface {
	TopicReader
	// SaveTopicLinks stores links (replacing those of the same locale and
	// topic) and links to their article, at once, the stored unlinked
	// tickets whose normalised topic is one of their "text:" topics. It
	// returns how many tickets it linked.
	SaveTopicLinks(ctx context.Context, links []TopicLink) (int, error)
	// DeleteTopicLinks removes the links made from the unlinked-ticket
	// gap gapID and marks every ticket linked by hand (site.LinkManual)
	// for relinking (RelinkStore.TicketsToRelink returns it), at once. It
	// returns how many links it removed.
	DeleteTopicLinks(ctx context.Context, gapID string) (int, error)
}

// LinkTopic links the topic of the unlinked-ticket gap gapID to the
// published article articleID: every phrasing of the gap, by its text and
// its meaning, so the topic's tickets to come link to the article (method
// site.LinkManual), and those stored unlinked are linked now. linker, if
// not nil, uses the new links from its next ticket. It returns how many
// stored tickets were linked.
func LinkTopic(ctx context.Context, report *gaps.Service, store TopicStore, view *site.View, linker *Linker, gapID, articleID string) (int, error) {
	g, err := report.Gap(ctx, gapID)
	if site.ErrorCode(err) == site.ENOTFOUND {
		// Linked by hand already (its tickets linked, the gap is gone
		// from the report): say so, not "no gap".
		if all, lerr := store.TopicLinks(ctx); lerr == nil {
			for _, tl := range all {
				if tl.GapID == gaps.ParseID(gapID) {
					return 0, site.Errorf(site.ECONFLICT, "Topic %s is linked by hand to %s already; undo that link under Topics linked by hand to link it elsewhere.", tl.GapID, tl.ArticleID)
				}
			}
		}
	}
	if err != nil {
		return 0, err
	}
	if g.Kind != gaps.UnlinkedTicket {
		return 0, site.Errorf(site.EINVALID, "Gap %s is not a topic of unlinked tickets.", gapID)
	}
	if id := ArticleOf(view, articleID, g.Locale); id != "" {
		articleID = id // a path or a URL, as a ticket's article may name it
	}
	a, err := view.ArticleOrDefault(articleID, g.Locale) // not translated: the original answers
	if err != nil || !a.Visible(view.Now, false) {
		if u, err := url.Parse(articleID); err == nil && u.Host != "" && view.Lib.Config.BaseURLSet {
			return 0, site.Errorf(site.EINVALID, "%q is not a published article of %s.", articleID, view.Lib.Config.BaseURL)
		}
		return 0, site.Errorf(site.EINVALID, "%q is not a published article.", articleID)
	}
	now := time.Now().UTC()
	var links []TopicLink
	for _, v := range g.Variants {
		links = append(links, TopicLink{Locale: g.Locale, Topic: "text:" + textnorm.Key(v.Query), Label: v.Query, ArticleID: a.ID, GapID: g.ID, Created: now})
		if v.Key != "" {
			links = append(links, TopicLink{Locale: g.Locale, Topic: "key:" + v.Key, ArticleID: a.ID, GapID: g.ID, Created: now})
		}
	}
	n, err := store.SaveTopicLinks(ctx, links)
	if err != nil {
		return 0, fmt.Errorf("link topic %s: %w", gapID, err)
	}
	if linker != nil {
		all, err := store.TopicLinks(ctx)
		if err != nil {
			return n, err
		}
		linker.SetTopics(all)
	}
	return n, nil
}

// HandLink is one topic the team linked by hand: the links made at once
// from one unlinked-ticket gap.
type HandLink struct {
	GapID     string
	Locale    string
	ArticleID string
	// Topics are the gap's phrasings when it was linked, as the tickets
	// wrote them (normalised for links stored before labels were).
	Topics  []string
	Created time.Time
}

// HandLinks groups links by the gap they were made from, newest first.
func HandLinks(links []TopicLink) []HandLink {
	var out []HandLink
	at := map[string]int{}
	for _, l := range links {
		i, ok := at[l.GapID]
		if !ok {
			i = len(out)
			at[l.GapID] = i
			out = append(out, HandLink{GapID: l.GapID, Locale: l.Locale, ArticleID: l.ArticleID, Created: l.Created})
		}
		if text, ok := strings.CutPrefix(l.Topic, "text:"); ok {
			if l.Label != "" {
				text = l.Label
			}
			out[i].Topics = append(out[i].Topics, text)
		}
		if l.Created.After(out[i].Created) {
			out[i].Created = l.Created
		}
	}
	slices.SortStableFunc(out, func(a, b HandLink) int {
		if n := b.Created.Compare(a.Created); n != 0 {
			return n
		}
		return strings.Compare(a.GapID, b.GapID)
	})
	return out
}

// UnlinkStore is where a hand link is undone: the topic links and the
// stored tickets relinked without it.
type UnlinkStore interface {
	TopicStore
	RelinkStore
}

// UnlinkTopic undoes the hand link made from the unlinked-ticket gap
// gapID (LinkTopic): its tickets to come are linked by search again, and
// the stored tickets it linked are relinked now with linker (by search,
// or by another hand link), or at the next publication when linker is
// nil. gapID is read as pasted (spaces, capitals). It returns how many
// stored tickets were relinked.
//
// The error is site.ENOTFOUND when no hand link was made from gapID.
func UnlinkTopic(ctx context.Context, store UnlinkStore, linker *Linker, gapID string) (int, error) {
	gapID = gaps.ParseID(gapID)
	if gapID == "" {
		return 0, site.Errorf(site.EINVALID, "Name the gap whose hand link to undo.")
	}
	n, err := store.DeleteTopicLinks(ctx, gapID)
	if err != nil {
		return 0, fmt.Errorf("undo the hand link of gap %s: %w", gapID, err)
	}
	if n == 0 {
		return 0, site.Errorf(site.ENOTFOUND, "No topic was linked by hand from gap %s.", gapID)
	}
	if linker == nil {
		return 0, nil
	}
	all, err := store.TopicLinks(ctx)
	if err != nil {
		return 0, err
	}
	linker.SetTopics(all)
	total, _, err := Relink(ctx, store, linker)
	return total, err
}
