// Package gaps is the one content-gap report: searches that found nothing,
// searches whose results nobody took, support tickets no article answers
// and host screens where the widget had no help, grouped by what they mean,
// ranked by how many people they concern, with the team's decisions and
// the answered state applied.
//
// Everything that shows gaps (the command line, the admin page, the
// insights API, triage, drafts and the answered check) goes through
// Service, so the same period and filters give the same gaps, IDs and
// counts everywhere.
package gaps

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
)

// Kinds of gap.
const (
	// KindSearch: searches that failed, with no results or with results
	// nobody took (a gap may hold both; see Gap.NoResults and NoClick).
	KindSearch = "search"
	// UnlinkedTicket: support tickets that no article answers (their
	// cleaned subject is the query).
	UnlinkedTicket = "unlinked_ticket"
	// NoHelp: the widget opened on a host screen (a context key, else a
	// path) that no article's contexts fit. Its key is the screen.
	NoHelp = "no_help"
)

// kindWords names a kind of gap in the words the README uses for it, with
// its article, for messages to people: "a gap of failed searches", "a gap
// of unlinked tickets", "a gap of screens with no help".
func kindWords(kind string) string {
	switch kind {
	case KindSearch:
		return "a gap of failed searches"
	case UnlinkedTicket:
		return "a gap of unlinked tickets"
	case NoHelp:
		return "a gap of screens with no help"
	}
	return fmt.Sprintf("a gap of kind %q", kind)
}

// Ways a search fails.
const (
	NoResults = "no_results" // the search found nothing
	NoClick   = "no_click"   // it found articles, but none was taken (see Record.Satisfied)
)

// VisitGap is the longest pause inside one visit: a visitor's searches,
// clicks, votes and readings less than this apart are one visit. A search
// is satisfied by what its visitor does within VisitGap of it, and failed
// searches of one visit are reformulations of each other.
const VisitGap = 30 * time.Minute

// Record is one stored event the report reads: a search with what followed
// it, an unlinked ticket, or an opening of the widget with no help. Its
// texts may be slices of a larger text a store read at once (one row of
// many fields): whoever keeps one beyond the call copies it
// (strings.Clone), so that a kept word does not keep its whole row.
type Record struct {
	Query      string // as typed (personal data already redacted)
	Normalized string // textnorm.Key(Query); computed when empty
	Locale     string
	Source     string // site, widget, api; a helpdesk for tickets
	Context    string // the widget's context key
	Path       string // the widget's host page path
	// Visitor is the daily-rotated hash that identifies a person for a
	// day; empty, the record is a person of its own (see Visitors).
	Visitor string
	Results int
	// Satisfied: a result of this search was clicked, or an article it
	// returned was voted on or read by its visitor within the visit.
	Satisfied bool
	Time      time.Time
	// Kind is UnlinkedTicket or NoHelp for those records, empty for a
	// search.
	Kind string
	// Nearest is, for a ticket, the article search found closest to it
	// and NearestScore that match's confidence (0..1), too low to link.
	Nearest      string
	NearestScore float64
	// Found is, for a failed search, the first article its visitor opened
	// after it in the visit (a click on another search's result, a
	// reading, a "Yes" vote, within VisitGap) that it did not return:
	// the answer exists, but these words did not find it. Empty when
	// none.
	Found string
	// FirstHit is, for a search, the first article it returned (the best
	// of its results, site.SearchEvent.Hits); empty when it found none.
	FirstHit string
	// Waiting is, for a visitor waiting to be told when the query is
	// answered ("Tell me when this is answered"), the subscription's ID:
	// the record counts as a failed search of its visitor, and its gap is
	// tracked whatever its number of visitors.
	Waiting string
}

// LinkedTicket is a stored ticket linked to an article: its topic (its
// subject when stored before topics were kept), locale and article.
type LinkedTicket struct {
	Topic, Locale, Article string
}

// Failure returns how a record fails: NoResults, NoClick, UnlinkedTicket,
// NoHelp, or "" for a satisfied search.
func (r Record) Failure() string {
	switch {
	case r.Kind != "":
		return r.Kind
	case r.Satisfied:
		// A search of related articles only, recorded with no result,
		// is satisfied by a click on one of them all the same.
		return ""
	case r.Results <= 0:
		return NoResults
	}
	return NoClick
}

// Variant is one way a gap was phrased.
type Variant struct {
	Query    string `json:"query"` // the most common spelling of this phrasing
	Searches int    `json:"searches"`
	Visitors int    `json:"visitors"`
	// Key is the phrasing's meaning key (see MeaningKey).
	Key string `json:"-"`
	// visitor is the one person who typed it, when known (oneVisitor):
	// a draft tells one visitor's other phrasings from other people's.
	visitor    uint32
	oneVisitor bool
}

// sameVisitor reports whether v and o are known to be typed by one and
// the same person, and no one else.
func (v Variant) sameVisitor(o Variant) bool {
	return v.oneVisitor && o.oneVisitor && v.visitor == o.visitor
}

// Gap is a group of failed searches (or unlinked tickets, or openings of
// the widget with no help) that mean the same thing, counted over the
// report's period.
type Gap struct {
	// ID identifies the gap across reports: it stays as new phrasings join
	// it, and the team's decision sticks to it.
	ID     string `json:"id"`
	Kind   string `json:"kind"`
	Locale string `json:"locale"`
	// Key is the analysed terms of the phrasing that started the gap (or
	// the screen, for NoHelp).
	Key string `json:"key"`
	// Merged are the IDs of the gaps the team merged into this one
	// (Service.Merge), sorted: a report listing an old ID finds it here.
	Merged   []string  `json:"merged,omitempty"`
	Query    string    `json:"query"` // representative: the variant most visitors used
	Variants []Variant `json:"variants"`
	// Visitors counts distinct people (see Visitors): one person
	// searching 500 times counts once.
	Visitors int `json:"visitors"`
	Searches int `json:"searches"`
	// NoResults and NoClick split the searches of a KindSearch gap by how
	// they failed; NoResultsVisitors and NoClickVisitors count the people.
	NoResults         int       `json:"no_results"`
	NoClick           int       `json:"no_click"`
	NoResultsVisitors int       `json:"no_results_visitors"`
	NoClickVisitors   int       `json:"no_click_visitors"`
	FirstSeen         time.Time `json:"first_seen"`
	LastSeen          time.Time `json:"last_seen"`
	// The trend: visitors in the last 7 days, the 7 days before and the
	// last 30 days, up to now or to the end of a period that ended before,
	// whatever the period's start (a 7-day report has a PREV 7D too).
	Last7    int            `json:"visitors_7d"`
	Prev7    int            `json:"visitors_prev_7d"`
	Last30   int            `json:"visitors_30d"`
	Sources  map[string]int `json:"sources"`  // records by source: the search's (site, widget…) or the ticket's (zendesk, csv, api…); UnknownSource for old rows that recorded none
	Contexts map[string]int `json:"contexts"` // widget context keys
	Paths    map[string]int `json:"paths"`    // widget host paths, identifiers folded (see Screen)
	// Nearest is, for an unlinked-ticket gap, the article search finds
	// closest to most of its tickets, with its best confidence: too low
	// to link by itself; the team can link the topic to it (or another).
	Nearest      string  `json:"nearest_article,omitempty"`
	NearestScore float64 `json:"nearest_score,omitempty"`
	// FoundInstead lists, for a search gap, the articles its visitors
	// opened next in the same visit rather than anything their search
	// returned (see Record.Found), each opened by at least MinFound of
	// them, the most visitors first, at most MaxFound: the answer exists
	// but the customers' words do not find it, so adding those words to
	// the article (its keywords, or synonyms.yaml) may close the gap
	// without a new article.
	FoundInstead []Found `json:"found_instead,omitempty"`
	// ShownFirst lists, for a search gap, the articles its no-click
	// searches returned first (see Record.FirstHit), with the distinct
	// visitors each was shown to, the most visitors first, at most
	// MaxFound: what the search offered and nobody opened (a wrong best
	// result, or a title that does not say it answers). A search that
	// found nothing showed nothing, and is not counted.
	ShownFirst []Found `json:"shown_first,omitempty"`
	// Status is the team's decision (StatusNewArticle, StatusProductFix,
	// StatusFixed, StatusIgnored), empty while undecided; Note goes with it.
	Status string `json:"status,omitempty"`
	Note   string `json:"note,omitempty"`
	// AnsweredAt is when published content first answered the gap, absent
	// while it is open (see Service.CheckAnswered); AnsweredBy is the
	// article that did.
	AnsweredAt *time.Time `json:"answered_at,omitempty"`
	AnsweredBy string     `json:"answered_by,omitempty"`
	// Before and After count the visitors of the period before AnsweredAt
	// and since; in JSON, both are there when AnsweredAt is, 0 included
	// (nobody since), and absent while the gap is open (MarshalJSON).
	Before int `json:"visitors_before_answer,omitempty"`
	After  int `json:"visitors_after_answer,omitempty"`
	// Waiting counts the people waiting to be told when the gap is
	// answered (confirmed subscriptions); Waiters are their subscription
	// IDs, never shown. Each raises the gap's rank (see Rank).
	Waiting int      `json:"waiting"`
	Waiters []string `json:"-"`
}

// MarshalJSON writes the gap as its fields' tags say, with
// visitors_before_answer and visitors_after_answer present, 0 included,
// when the gap is answered.
func (g Gap) MarshalJSON() ([]byte, error) {
	type fields Gap // the same fields, without this method
	if g.AnsweredAt == nil {
		return json.Marshal(fields(g))
	}
	return json.Marshal(struct {
		fields
		Before int `json:"visitors_before_answer"`
		After  int `json:"visitors_after_answer"`
	}{fields(g), g.Before, g.After})
}

// Found is an article a gap's visitors opened instead (Gap.FoundInstead),
// or were shown first and did not open (Gap.ShownFirst).
type Found struct {
	Article  string `json:"article"`  // the article's ID
	Visitors int    `json:"visitors"` // distinct visitors of the gap who opened it next (or were shown it first)
}

// MinFound is the fewest visitors of a gap who must have opened an
// article next for the report to list it: one person's next reading may
// be anything. MaxFound is the most articles listed.
const (
	MinFound = 2
	MaxFound = 3
)

// Rank is what orders the to-do list: the gap's visitors, a person
// waiting to be told about the answer counting twice (as a visitor who
// failed and as a promise to keep).
func (g Gap) Rank() int { return g.Visitors + g.Waiting }

// Team decisions on a gap.
const (
	StatusNewArticle = "new_article"
	StatusProductFix = "product_fix"
	StatusIgnored    = "ignored"
	// StatusFixed: the product fix was made; the people waiting are told,
	// with the note.
	StatusFixed = "fixed"
)

// Statuses lists the team's decisions, in the order forms offer them.
var Statuses = []string{StatusNewArticle, StatusProductFix, StatusFixed, StatusIgnored}

// ParseStatus reads a decision as people write it on the command line:
// new-article, product-fix, fixed, ignored, or undecided (""), in any case
// ("New-Article"), as IDs and formats are read; "_" may stand for "-". The
// error lists them.
func ParseStatus(s string) (string, error) {
	st := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "_")
	if st == "undecided" {
		return "", nil
	}
	if st == "" || !ValidStatus(st) {
		return "", fmt.Errorf("status %q: want new-article, product-fix, fixed, ignored or undecided (whether a gap is answered is for published content to say)", s)
	}
	return st, nil
}

// ValidStatus reports whether s is a team decision; "" (undecided) is one
// too, to take a decision back.
func ValidStatus(s string) bool {
	switch s {
	case "", StatusNewArticle, StatusProductFix, StatusFixed, StatusIgnored:
		return true
	}
	return false
}

// WantingArticles returns the gaps of the report that still want an
// article written (see Gap.WantsArticle), in its order.
func (r Report) WantingArticles() []Gap {
	var out []Gap
	for _, g := range r.Gaps {
		if g.WantsArticle() {
			out = append(out, g)
		}
	}
	return out
}

// WantsArticle reports whether the gap still wants an article written: no
// published content answers it, the team neither ignored it nor sent it
// to the product as a fix, and it is Writable.
func (g Gap) WantsArticle() bool {
	return g.AnsweredAt == nil && g.Status != StatusIgnored && g.Status != StatusProductFix && g.Status != StatusFixed && g.Writable()
}

// NoSubject is the topic of tickets sent with no subject (or an aside
// alone, "2nd time asking") and a body that says nothing ("Thanks", "Sent
// from my iPhone"), as the tickets' cleaning names it: one gap of unlinked
// tickets of its own, to read, that no article can answer.
const NoSubject = "(no subject)"

// Writable reports whether an article could answer the gap: every gap but
// the tickets that said nothing (NoSubject).
func (g Gap) Writable() bool {
	return g.Kind != UnlinkedTicket || g.Query != NoSubject
}

// Decision is what is stored about one gap: the team's status and note,
// and the answered state the answered check keeps.
type Decision struct {
	ID     string
	Kind   string
	Locale string
	Status string
	Note   string
	// AnsweredAt and AnsweredBy: when and by which article published
	// content answered the gap; nil while open.
	AnsweredAt *time.Time
	AnsweredBy string
	// Keys are the meaning keys of the gap's phrasings when it was last
	// decided or checked (see Gap.Key), and their texts, each after a tab
	// (the text as stored, which no content change alters): a phrasing
	// with one of them joins this gap and keeps its ID. Joined and Parted
	// hold keys and texts likewise; a report reads each text with the
	// running analysis.
	Keys []string
	// Joined are the keys of the phrasings the team put together in this
	// gap: by merging others into it (Service.Merge, its own included),
	// by deciding on it (Service.Decide) or by moving a phrasing out of it
	// (Service.Split, the rest): a gap the words make holding a phrasing
	// with one of them is reported as part of this one, with the
	// phrasings that join it later, whatever later searches make the
	// words group.
	Joined []string
	// Parted are the keys of the phrasings the team moved out of this gap
	// (Service.Split): they are reported as a gap of their own however
	// the words group them.
	Parted []string
	// Query is the gap's phrasing as most of its visitors typed it (its
	// Query) when the decision was last saved: what names the gap once
	// its records are gone, as people wrote it rather than its stored,
	// normalised text. Empty in decisions saved before it was kept.
	Query string
	// MergedInto is the ID of the gap the team merged this one into, empty
	// while it stands on its own: Service.Gap and Decide follow it.
	MergedInto string
	// Updated is when the decision last changed.
	Updated time.Time
	// Version counts the saves of the decision as stored; 0 for one never
	// saved. Store.SaveDecisions stores a decision only over the version
	// it was read at.
	Version int64
}

// makeID returns a short identifier from a gap's kind, locale and the text
// of its first phrasing (collector.idText), or from an ID another group
// holds (freeID).
func makeID(kind, locale, key string) string {
	h := fnv.New64a()
	h.Write([]byte(kind + "|" + locale + "|" + key))
	return fmt.Sprintf("%012x", h.Sum64()&0xffffffffffff)
}

// HowFailed says how a gap's people failed: "2 people searched it and
// found nothing", "… and opened none of the results", or both counts when
// some of each, with how many did both, since one person can find nothing
// once and open nothing another time (the to-do list's reason, a
// draft's comment) ("5 people searched it: 3 found
// nothing, 3 opened none of the results (1 did both)").
func (g Gap) HowFailed() string {
	who := site.CountOf(g.Visitors, "person", "people") + " searched it"
	nr, nc := g.NoResultsVisitors, g.NoClickVisitors
	switch {
	case nr > 0 && nc == 0:
		return who + " and found nothing"
	case nr == 0 && nc > 0:
		return who + " and opened none of the results"
	case nr == 0 && nc == 0:
		return who + " and found nothing or opened none of the results"
	}
	why := fmt.Sprintf("%s: %d found nothing, %d opened none of the results", who, nr, nc)
	if both := nr + nc - g.Visitors; both > 0 {
		why += fmt.Sprintf(" (%d did both)", both)
	}
	return why
}

// UnknownSource names, in a gap's Sources, the records that hold no
// source (rows recorded before searches and tickets kept theirs).
const UnknownSource = "unknown"
