package site

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Limits of the fields of events, in characters.
const (
	MaxHostPath   = 2000 // a widget host page's path
	MaxContextKey = 200  // a widget context key
	MaxComment    = 1000 // a vote's comment
)

// VoteReasons are the reasons a "not helpful" vote may give, in the order
// forms show them.
var VoteReasons = []string{"missing_information", "inaccurate", "hard_to_understand", "broken_link", "other"}

// HostPath checks the path of a widget's host page and cuts its query and
// fragment: it must start with "/" and be valid UTF-8 of at most
// MaxHostPath characters. Empty is allowed (no page). It is then cleaned
// (CleanPath): a segment's parameters (";jsessionid=…", which Java
// servers add), empty segments ("/projects//42" and "//projects/42" are
// "/projects/42") and dot segments ("/projects/42/../7" is "/projects/7")
// go: the screen is the same one, and its pattern (/projects/*) did not
// match. Its escapes are then decoded where they stand for text
// (ReadablePath: "/caf%C3%A9" is "/café", as the gap report shows it and
// personal data is found in it); stores compose it (NFC) as they do
// queries.
func HostPath(p string) (string, error) {
	if p == "" {
		return "", nil
	}
	if !utf8.ValidString(p) || utf8.RuneCountInString(p) > MaxHostPath || !strings.HasPrefix(p, "/") {
		return "", Errorf(EINVALID, "path must be the host page's path, like /settings/billing, at most %d characters", MaxHostPath)
	}
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	return ReadablePath(CleanPath(p)), nil
}

// CleanPath cleans a path as path.Clean does, a trailing slash kept: runs
// of slashes are one ("//a//b" is "/a/b", never a path a browser reads as
// another host), "." and ".." segments are resolved (written "%2e" too, as
// browsers read them; ".." at the root stays there), and each segment
// loses its parameters (";jsessionid=…"). The result starts with a single
// "/"; empty stays empty.
func CleanPath(p string) string {
	if p == "" {
		return ""
	}
	if !strings.Contains(p, "//") && !strings.Contains(p, "/.") && !strings.Contains(p, "/%") && !strings.Contains(p, ";") && strings.HasPrefix(p, "/") {
		return p // nothing to clean: most paths
	}
	var kept []string
	for seg := range strings.SplitSeq(p, "/") {
		seg, _, _ = strings.Cut(seg, ";")
		switch strings.ToLower(seg) {
		case "", ".", "%2e":
		case "..", ".%2e", "%2e.", "%2e%2e":
			if len(kept) > 0 {
				kept = kept[:len(kept)-1]
			}
		default:
			kept = append(kept, seg)
		}
	}
	out := "/" + strings.Join(kept, "/")
	if len(kept) > 0 && strings.HasSuffix(p, "/") {
		out += "/" // a trailing slash stays
	}
	return out
}

// ContextKey checks a widget context key: valid UTF-8 of at most
// MaxContextKey characters, trimmed. Empty is allowed.
func ContextKey(k string) (string, error) {
	k = strings.TrimSpace(k)
	if !utf8.ValidString(k) || utf8.RuneCountInString(k) > MaxContextKey {
		return "", Errorf(EINVALID, "context must be valid UTF-8 of at most %d characters", MaxContextKey)
	}
	if strings.ContainsAny(k, "\r\n") {
		// A screen's name on one line: it reaches mail headers and CSV rows.
		return "", Errorf(EINVALID, "context must be on one line")
	}
	return k, nil
}

// validSource checks an event's source.
func validSource(s string) error {
	_, err := ParseSource(s, "", SourceSite, SourceWidget, SourceContact, SourceAPI)
	return err
}

// ParseSource reads the source a client names (a search's, an event's, a
// subscription's): trimmed and in any case ("Widget" is widget, as
// boolean parameters take "TRUE"); def when s is empty. One of allowed,
// else an EINVALID error naming them ("source must be site, widget,
// contact or api").
func ParseSource(s, def string, allowed ...string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		s = def
	}
	if slices.Contains(allowed, s) {
		return s, nil
	}
	list := strings.Join(allowed[:len(allowed)-1], ", ") + " or " + allowed[len(allowed)-1]
	return "", Errorf(EINVALID, "source must be %s", list)
}

// ErrNoWord is the error of a search event whose query has no word to be
// counted by (textnorm.HasWords, which the web layer applies: the domain
// cannot read the counting key).
var ErrNoWord = Errorf(EINVALID, "query has no word to count it by (letters or digits): not recorded")

// Validate checks a search against the rules every way in shares: an ID
// made by NewID, a query of 1 to MaxQueryLen characters of valid UTF-8
// (NormalQuery), a
// known source, a valid host path and context key. The error (EINVALID)
// names the field. It normalises Query, Path and Context in place.
func (e *SearchEvent) Validate() error {
	if !ValidID(e.ID) {
		return Errorf(EINVALID, "search_id must be a search_id returned by the search API")
	}
	if !utf8.ValidString(e.Query) {
		return Errorf(EINVALID, "query must be 1 to %d characters of valid UTF-8", MaxQueryLen)
	}
	q, err := NormalQuery("query", e.Query)
	if err != nil {
		return err
	}
	if q == "" {
		return Errorf(EINVALID, "query must be 1 to %d characters of valid UTF-8", MaxQueryLen)
	}
	e.Query = q
	if e.Results < 0 {
		return Errorf(EINVALID, "results must not be negative")
	}
	if len(e.Hits) > MaxRecordedHits {
		e.Hits = e.Hits[:MaxRecordedHits]
	}
	return validWhere(e.Source, &e.Path, &e.Context)
}

// Validate checks a click, vote, reading or contact: its type, an article, a known
// source, a search ID when given, a click's position, a vote's answer,
// reason and comment length. The error (EINVALID) names the field.
func (e *Event) Validate() error {
	switch e.Type {
	case EventClick, EventVote, EventView, EventContact:
	case EventSearch, EventOpen:
		return Errorf(EINVALID, "%s events are recorded as searches or widget openings", e.Type)
	case "":
		return Errorf(EINVALID, "type is required: search, click, vote, view, contact or open")
	default:
		return Errorf(EINVALID, "unknown event type %q: expected search, click, vote, view, contact or open", e.Type)
	}
	// A contact may come from a page that is no article.
	needArticle := e.Type != EventContact || e.ArticleID != ""
	if needArticle && (e.ArticleID == "" || !utf8.ValidString(e.ArticleID) || len(e.ArticleID) > 1000) {
		return Errorf(EINVALID, "article_id is required for %s events", e.Type)
	}
	if e.SearchID != "" && !ValidID(e.SearchID) {
		return Errorf(EINVALID, "search_id must be a search_id returned by the search API")
	}
	if e.Type == EventContact && (e.SearchID != "" || e.Position != 0) {
		return Errorf(EINVALID, "search_id and position belong to click events")
	}
	if e.Type == EventClick && (e.Position < 0 || e.Position > 10000) {
		return Errorf(EINVALID, "position must be from 1 to 10000 (or absent when the click was not on a result list)")
	}
	if e.Type == EventVote {
		if e.Helpful == nil {
			return Errorf(EINVALID, "helpful: true or false is required for vote events")
		}
		if e.Reason != "" && !slices.Contains(VoteReasons, e.Reason) {
			return Errorf(EINVALID, "reason must be one of %s", strings.Join(VoteReasons, ", "))
		}
		e.Comment = strings.TrimSpace(strings.ToValidUTF8(e.Comment, "\uFFFD"))
		if utf8.RuneCountInString(e.Comment) > MaxComment {
			return Errorf(EINVALID, "comment is longer than %d characters", MaxComment)
		}
		if *e.Helpful {
			e.Reason, e.Comment = "", ""
		}
	} else if e.Reason != "" || e.Comment != "" || e.Helpful != nil {
		return Errorf(EINVALID, "helpful, reason and comment belong to vote events")
	}
	return validWhere(e.Source, &e.Path, &e.Context)
}

// Validate checks an opening of the widget: it comes from the widget, with
// a valid host path and context key.
func (e *WidgetOpen) Validate() error {
	return validWhere(SourceWidget, &e.Path, &e.Context)
}

// validWhere checks where an event happened: its source, host path and
// context key.
func validWhere(source string, path, context *string) error {
	if err := validSource(source); err != nil {
		return err
	}
	var err error
	if *path, err = HostPath(*path); err != nil {
		return err
	}
	*context, err = ContextKey(*context)
	return err
}

// Redacted returns the search with its free text (query, host path,
// context key) cleaned of control characters (CleanText) and its personal
// data replaced by placeholders (Redact). Stores
// call it where events enter them, so nothing a visitor typed is stored
// unredacted whatever the handler.
func (e SearchEvent) Redacted() SearchEvent {
	e.Query, e.Path, e.Context = Redact(CleanText(e.Query)), Redact(CleanText(e.Path)), Redact(CleanText(e.Context))
	return e
}

// Redacted returns the event with the personal data in its comment, host
// path and context key replaced (see SearchEvent.Redacted).
func (e Event) Redacted() Event {
	e.Comment, e.Path, e.Context = Redact(CleanText(e.Comment)), Redact(CleanText(e.Path)), Redact(CleanText(e.Context))
	return e
}

// Redacted returns the opening with the personal data in its host path and
// context key replaced (see SearchEvent.Redacted).
func (e WidgetOpen) Redacted() WidgetOpen {
	e.Path, e.Context = Redact(CleanText(e.Path)), Redact(CleanText(e.Context))
	return e
}
