package site

import (
	"context"
	"html/template"
	"time"
)

// MaxOffset is the deepest offset search and autocomplete serve (deeper
// pages are of no use to anyone, and ranking them costs in proportion):
// the API answers a larger offset with a bad request, the results page
// stops offering a next page there.
const MaxOffset = 1000

// SearchRequest is one search or autocomplete request.
type SearchRequest struct {
	Query  string
	Locale string // requested locale; empty means the default locale
	Limit  int    // 1..50
	Offset int
	// Verbatim searches the words as typed: no correction and no typo
	// tolerance (the "Search instead for …" link after a correction).
	Verbatim bool
}

// SearchHit is one matching article.
type SearchHit struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	URL      string `json:"url"`      // article path, without anchor
	Category string `json:"category"` // category title
	// CategoryLang is the language Category is written in when it is not
	// the article's Locale: a category with no title in that locale shows
	// the default locale's ("Billing" over a German article).
	CategoryLang string  `json:"category_lang,omitempty"`
	Locale       string  `json:"locale"`
	Score        float64 `json:"-"`
	// Snippet is the best matching passage: HTML-escaped text where the
	// words typed are wrapped in <mark>, their synonyms in
	// <mark class="synonym"> and corrections in <mark class="correction">.
	Snippet template.HTML `json:"snippet"`
	// Heading and Anchor name the section that matched best, if any.
	Heading string `json:"heading,omitempty"`
	Anchor  string `json:"anchor,omitempty"`
}

// SearchResults is a page of hits.
type SearchResults struct {
	Query string `json:"query"` // as typed
	// Locale is the locale searched; when nothing matched in it, the
	// default locale whose hits are shown. Each hit has its own Locale:
	// a weak answer in the requested locale is completed by better
	// articles of the default locale.
	Locale string      `json:"locale"`
	Total  int         `json:"total"`
	Hits   []SearchHit `json:"results"`
	// DidYouMean is the corrected query the hits were found for, when the
	// query typed was corrected (the hits are then not for Query); empty
	// otherwise.
	DidYouMean string `json:"did_you_mean,omitempty"`
	// CommonWords reports a query made only of words too common to search
	// by ("where is", "how to"): it was matched as a phrase of titles.
	CommonWords bool `json:"common_words,omitempty"`
	// Weak reports hits that answer the query only in part: not even the
	// best of them has half of what the query says (its words that carry
	// meaning, weighed by rarity, a word no article has counting against
	// every hit). Pages then show the hits as related articles, not as
	// answers. Set by Search only.
	Weak bool `json:"weak,omitempty"`
}

// Searcher finds articles. Implementations are safe for concurrent use.
type Searcher interface {
	// Search returns full results with snippets.
	Search(ctx context.Context, req SearchRequest) (*SearchResults, error)
	// Suggest returns autocomplete results: prefix matching on the last
	// word, titles first, one hit per article.
	Suggest(ctx context.Context, req SearchRequest) (*SearchResults, error)
}

// Event sources.
const (
	SourceSite   = "site"
	SourceWidget = "widget"
	SourceAPI    = "api"
	// SourceContact: the suggestions of the contact form, for the
	// subject being typed (a suggestion opened and no request sent is a
	// deflection).
	SourceContact = "contact"
)

// Event types accepted by POST /api/v1/events.
const (
	EventSearch = "search" // the final query of a typing session
	EventClick  = "click"  // a result was opened
	EventVote   = "vote"   // "Was this helpful?"
	EventOpen   = "open"   // the widget panel was opened on a host page
	// EventView: an article was read (shown for a while, or opened inline
	// in the widget), whatever led there.
	EventView = "view"
	// EventContact: the visitor followed a "Contact support" link or
	// opened the contact form (Path and Context say from where; ArticleID
	// the article shown, if any).
	EventContact = "contact"
)

// SearchEvent records one search. Several records with the same ID (an
// autocomplete typing session) collapse into one row holding the last query.
type SearchEvent struct {
	ID         string
	Query      string // as typed
	Normalized string // textnorm.Key(Query): the key searches are counted by
	Locale     string
	Results    int
	// Hits are the IDs of the articles it returned, best first (at most
	// MaxRecordedHits): a vote on or a reading of one of them satisfies
	// the search.
	Hits    []string
	Source  string
	Context string // the widget's context key, if any
	Path    string // the widget's host page path, if any
	// Visitor is a daily-rotated salted hash of the client; never an IP.
	Visitor string
	Time    time.Time
}

// ReadingDelay is how long an article stays on screen before the site
// records its reading (EventView; static/js/app.js): a reading began this
// long before it was recorded, so one recorded sooner than that after a
// search is of the page the search was typed on, not of one opened after
// it.
const ReadingDelay = 10 * time.Second

// MaxRecordedHits is how many result IDs a SearchEvent keeps.
const MaxRecordedHits = 10

// Event records a click, a vote, a reading or a contact.
type Event struct {
	Type      string
	SearchID  string
	ArticleID string
	Locale    string
	Position  int    // 1-based rank of the clicked result
	Helpful   *bool  // votes
	Reason    string // votes
	Comment   string // votes
	Source    string
	Context   string // as in SearchEvent
	Path      string // as in SearchEvent
	Visitor   string // as in SearchEvent
	Time      time.Time
}

// WidgetOpen records one opening of the widget panel on a host page, and
// whether any article's contexts fitted that page.
type WidgetOpen struct {
	Locale  string
	Path    string // the host page's path, without query string
	Context string // the context key the host app gave, if any
	Matched bool
	Visitor string // as in SearchEvent
	Time    time.Time
}

// EventRecorder stores events. Record methods never block the caller: they
// queue the event for a background writer and return.
type EventRecorder interface {
	RecordSearch(e SearchEvent)
	RecordEvent(e Event)
	RecordOpen(e WidgetOpen)
	// Stats counts what the recorder did since it started.
	Stats() RecorderStats
}

// RecorderStats counts, since an EventRecorder started, the events it
// queued, wrote to its store and dropped (queue full, closed, unknown type
// or a failed write), and the batches whose write failed.
type RecorderStats struct {
	Queued, Written, Dropped, WriteErrors uint64
	// Failing is the error of the last batch written when it failed (a
	// full disk, a read-only database): events are being lost. "" once a
	// batch is written again.
	Failing string
	// Answered counts the checks (the ping of /healthz or of a scrape)
	// that found the store answering (Recorder.Reachable): what else
	// failed because the store could not be reached (a contact request)
	// is no longer failing once it grows.
	Answered uint64
}

// Jobs runs the background work that replicas sharing a store must do
// once rather than each: relinking tickets and checking which gaps new
// content answers, after a publication.
type Jobs interface {
	// Once runs fn unless job already ran for key. Replicas sharing the
	// store run a job one at a time (the others wait for it), and the last
	// key it ran for is kept, so a job asked for the same key by every
	// replica runs once. A failed fn records nothing; ran reports whether
	// fn ran.
	Once(ctx context.Context, job, key string, fn func(ctx context.Context) error) (ran bool, err error)
}
