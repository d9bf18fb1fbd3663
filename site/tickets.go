package site

import (
	"slices"
	"time"
)

// Ticket is one support ticket taken in from a helpdesk. Only what linking
// and ranking need is kept: subject, the start of the body, tags, dates.
type Ticket struct {
	ExternalID string    `json:"external_id"`
	Subject    string    `json:"subject"`
	Body       string    `json:"body,omitempty"`
	Tags       []string  `json:"tags,omitempty"`
	Locale     string    `json:"locale"`
	Article    string    `json:"article,omitempty"` // article ID or URL named by the helpdesk
	CreatedAt  time.Time `json:"created_at"`
	Source     string    `json:"source"` // api, zendesk, freshdesk, helpscout, csv
}

// Ticket link methods, in the order they are tried.
const (
	LinkExplicit = "explicit" // the ticket names the article (ID or URL)
	// LinkManual: the team linked the ticket's topic to the article by
	// hand (see tickets.TopicLink).
	LinkManual = "manual"
	LinkTag    = "tag" // a ticket tag is in the article's ticket_tags
	// LinkTitle: the subject is the article's title (score 1).
	LinkTitle = "title"
	// LinkSearch: search on the subject (and body) was confident enough.
	LinkSearch = "search"
)

// TicketLink is the article a ticket is about, and how that was decided.
type TicketLink struct {
	ArticleID string  `json:"article_id,omitempty"`
	Method    string  `json:"method,omitempty"` // "" when unlinked
	Score     float64 `json:"score,omitempty"`  // search confidence, 0..1; of Nearest when unlinked
	// Nearest is, for an unlinked ticket, the article search found
	// closest, too far to link.
	Nearest string `json:"nearest,omitempty"`
}

// StoredTicket is a ticket with its link, as stored.
type StoredTicket struct {
	Ticket
	// Topic is the subject without forwarding prefixes, greetings and
	// asides: what the ticket asks (see tickets.Topic).
	Topic string
	Link  TicketLink
	// Key names the content and settings the link was computed on; a
	// different key means the link must be recomputed.
	Key string
}

// SameTicket reports whether two versions of a ticket hold the same data,
// links aside.
func SameTicket(a, b Ticket) bool {
	return a.ExternalID == b.ExternalID && a.Subject == b.Subject && a.Body == b.Body &&
		slices.Equal(a.Tags, b.Tags) && a.Locale == b.Locale && a.Article == b.Article &&
		a.Source == b.Source && a.CreatedAt.UnixMilli() == b.CreatedAt.UnixMilli()
}

// Outcomes of ingesting one ticket.
const (
	TicketCreated  = "created"
	TicketUpdated  = "updated"
	TicketRejected = "rejected"
	// TicketIgnored: an automatic reply or a bounce (tickets.AutoReply),
	// not stored: no customer asked anything.
	TicketIgnored = "ignored"
)

// Limits on ingested tickets.
const (
	MaxTicketBatch      = 1000 // tickets in one POST /api/v1/tickets
	MaxTicketIDLen      = 200
	MaxTicketSubjectLen = 500
	// MaxTicketBodyLen is how much of a body is kept, in characters:
	// linking reads only its first words.
	MaxTicketBodyLen = 2000
	MaxTicketTags    = 100
)

// TicketDay counts the tickets linked to one article in one locale on one
// day (UTC).
type TicketDay struct {
	ArticleID string
	Locale    string
	Day       time.Time
	Tickets   int
}
