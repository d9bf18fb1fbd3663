package site

import (
	"strings"
	"testing"
)

func TestEventValidate(t *testing.T) {
	yes, no := true, false
	id := NewID()
	for _, c := range []struct {
		name string
		e    Event
		err  string // "" when valid
	}{
		{"click", Event{Type: EventClick, ArticleID: "billing/refund", SearchID: id, Position: 2, Source: SourceSite}, ""},
		{"view", Event{Type: EventView, ArticleID: "billing/refund", Source: SourceWidget, Path: "/settings?tab=1#x", Context: " checkout "}, ""},
		{"vote yes drops its reason", Event{Type: EventVote, ArticleID: "a", Helpful: &yes, Reason: "inaccurate", Comment: "x", Source: SourceAPI}, ""},
		{"vote no", Event{Type: EventVote, ArticleID: "a", Helpful: &no, Reason: "inaccurate", Comment: " wrong fee ", Source: SourceAPI}, ""},
		{"no type", Event{ArticleID: "a", Source: SourceAPI}, "type is required"},
		{"unknown type", Event{Type: "purchase", ArticleID: "a", Source: SourceAPI}, "unknown event type"},
		{"search as event", Event{Type: EventSearch, Source: SourceAPI}, "recorded as searches"},
		{"no article", Event{Type: EventClick, Source: SourceAPI}, "article_id is required"},
		{"bad search id", Event{Type: EventClick, ArticleID: "a", SearchID: "1", Source: SourceAPI}, "search_id"},
		{"bad position", Event{Type: EventClick, ArticleID: "a", Position: -1, Source: SourceAPI}, "position"},
		{"vote without answer", Event{Type: EventVote, ArticleID: "a", Source: SourceAPI}, "helpful"},
		{"bad reason", Event{Type: EventVote, ArticleID: "a", Helpful: &no, Reason: "spam", Source: SourceAPI}, "reason must be one of"},
		{"long comment", Event{Type: EventVote, ArticleID: "a", Helpful: &no, Comment: strings.Repeat("é", 1001), Source: SourceAPI}, "comment is longer"},
		{"comment on a click", Event{Type: EventClick, ArticleID: "a", Comment: "hi", Source: SourceAPI}, "belong to vote events"},
		{"bad source", Event{Type: EventClick, ArticleID: "a", Source: "email"}, "source"},
		{"bad path", Event{Type: EventClick, ArticleID: "a", Source: SourceWidget, Path: "https://evil.example/x"}, "path"},
		{"long context", Event{Type: EventClick, ArticleID: "a", Source: SourceWidget, Context: strings.Repeat("k", 201)}, "context"},
	} {
		e := c.e
		err := e.Validate()
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.err != "" && (ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s: %v, want an EINVALID about %q", c.name, err, c.err)
		}
	}
	e := Event{Type: EventView, ArticleID: "a", Source: SourceWidget, Path: "/orders/12?token=abc", Context: " checkout "}
	if e.Validate(); e.Path != "/orders/12" || e.Context != "checkout" {
		t.Errorf("not normalised: %+v", e)
	}
	v := Event{Type: EventVote, ArticleID: "a", Helpful: &yes, Reason: "inaccurate", Comment: "x", Source: SourceAPI}
	if v.Validate(); v.Reason != "" || v.Comment != "" {
		t.Errorf("a yes vote keeps its reason: %+v", v)
	}
}

func TestSearchEventValidate(t *testing.T) {
	ok := SearchEvent{ID: NewID(), Query: "  refund ", Source: SourceSite, Hits: make([]string, 20)}
	if err := ok.Validate(); err != nil || ok.Query != "refund" || len(ok.Hits) != MaxRecordedHits {
		t.Errorf("valid search: %v %+v", err, ok)
	}
	for _, bad := range []SearchEvent{
		{ID: "x", Query: "refund", Source: SourceSite},
		{ID: NewID(), Query: " ", Source: SourceSite},
		{ID: NewID(), Query: strings.Repeat("a", MaxQueryLen+1), Source: SourceSite},
		{ID: NewID(), Query: "\xff", Source: SourceSite},
		{ID: NewID(), Query: "a", Source: "bot"},
		{ID: NewID(), Query: "a", Source: SourceSite, Results: -1},
	} {
		if err := bad.Validate(); ErrorCode(err) != EINVALID {
			t.Errorf("%+v accepted: %v", bad, err)
		}
	}
}

// TestRedacted: every event type's free text loses its personal data.
func TestRedacted(t *testing.T) {
	s := SearchEvent{Query: "refund jane@example.com", Path: "/users/jane@example.com", Context: "card 4111 1111 1111 1111"}.Redacted()
	e := Event{Comment: "call me on +33 6 12 34 56 78", Path: "/u/bob@example.org"}.Redacted()
	o := WidgetOpen{Path: "/orders/bob@example.org", Context: "jane@example.com"}.Redacted()
	for _, text := range []string{s.Query, s.Path, s.Context, e.Comment, e.Path, o.Path, o.Context} {
		if strings.Contains(text, "@example") || strings.Contains(text, "4111") || strings.Contains(text, "12 34") {
			t.Errorf("personal data kept: %q", text)
		}
	}
}
