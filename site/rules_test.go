package site

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestErrorCodeAndMessage(t *testing.T) {
	coded := Errorf(ENOTFOUND, "no article at %s", "/x")
	for _, c := range []struct {
		name      string
		err       error
		code, msg string
	}{
		{"nil", nil, "", "Internal error."},
		{"coded", coded, ENOTFOUND, "no article at /x"},
		{"wrapped", fmt.Errorf("load: %w", coded), ENOTFOUND, "no article at /x"},
		{"twice wrapped", fmt.Errorf("a: %w", fmt.Errorf("b: %w", Errorf(ETOOLARGE, "body over 1 MiB"))), ETOOLARGE, "body over 1 MiB"},
		{"joined", errors.Join(errors.New("disk"), Errorf(EINVALID, "bad q")), EINVALID, "bad q"},
		// An internal error's text (paths, SQL) never reaches a visitor.
		{"internal", errors.New("open /var/lib/guichet/db: permission denied"), EINTERNAL, "Internal error."},
	} {
		if got := ErrorCode(c.err); got != c.code {
			t.Errorf("%s: ErrorCode = %q, want %q", c.name, got, c.code)
		}
		if c.err == nil {
			continue
		}
		if got := ErrorMessage(c.err); got != c.msg {
			t.Errorf("%s: ErrorMessage = %q, want %q", c.name, got, c.msg)
		}
	}
	if got := coded.Error(); got != "not_found: no article at /x" {
		t.Errorf("Error() = %q", got)
	}
}

func TestErrorText(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"nil", nil, ""},
		{"coded", Errorf(ENOTFOUND, "No gap nope."), "No gap nope."},
		{"wrapped", fmt.Errorf("gaps mark: %w", Errorf(EINVALID, "status done is unknown")), "gaps mark: status done is unknown"},
		// Other errors keep their whole text: the operator needs it.
		{"internal", fmt.Errorf("open store: %w", errors.New("permission denied")), "open store: permission denied"},
	} {
		if got := ErrorText(c.err); got != c.want {
			t.Errorf("%s: ErrorText = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestFileTypes(t *testing.T) {
	for _, c := range []struct {
		path              string
		image, attachment bool
	}{
		{"billing/refund.png", true, false},
		{"img/Screen Shot.JPG", true, false},
		{"a.jpeg", true, false},
		{"diagram.svg", true, false},
		{"photo.webp", true, false},
		{"photo.AVIF", true, false},
		{"anim.gif", true, false},
		{"guide.pdf", false, true},
		{"prices.XLSX", false, true},
		{"export.csv", false, true},
		{"demo.mp4", false, true},
		{"podcast.m4a", false, true},
		{"archive.zip", false, true},
		{"readme.txt", false, true},
		{"article.md", false, false},
		{"script.js", false, false},
		{"page.html", false, false},
		{"setup.exe", false, false},
		{"noext", false, false},
		{"png", false, false},
		{"dir.png/file", false, false},
		{"", false, false},
	} {
		if got := IsImage(c.path); got != c.image {
			t.Errorf("IsImage(%q) = %v, want %v", c.path, got, c.image)
		}
		if got := IsAttachment(c.path); got != c.attachment {
			t.Errorf("IsAttachment(%q) = %v, want %v", c.path, got, c.attachment)
		}
	}
}

func TestWidgetOrigins(t *testing.T) {
	for _, c := range []struct {
		name  string
		w     WidgetConfig
		any   bool
		allow map[string]bool
	}{
		{"own origin only", WidgetConfig{}, false, map[string]bool{"https://app.example.com": false}},
		{"listed", WidgetConfig{AllowedOrigins: []string{"https://app.example.com"}}, false,
			map[string]bool{"https://app.example.com": true, "https://evil.example.com": false, "http://app.example.com": false}},
		{"any", WidgetConfig{AllowedOrigins: []string{"*"}}, true, map[string]bool{"https://anything.test": true}},
		// One unreadable entry makes the list fail closed, even with "*".
		{"invalid with star", WidgetConfig{AllowedOrigins: []string{"*"}, Invalid: true}, false,
			map[string]bool{"https://anything.test": false}},
		{"invalid with listed", WidgetConfig{AllowedOrigins: []string{"https://app.example.com"}, Invalid: true}, false,
			map[string]bool{"https://app.example.com": false}},
	} {
		if got := c.w.AnyOrigin(); got != c.any {
			t.Errorf("%s: AnyOrigin = %v, want %v", c.name, got, c.any)
		}
		for origin, want := range c.allow {
			if got := c.w.Allows(origin); got != want {
				t.Errorf("%s: Allows(%s) = %v, want %v", c.name, origin, got, want)
			}
		}
	}
}

func TestValidColor(t *testing.T) {
	for s, want := range map[string]bool{
		"#fff": true, "#FFF": true, "#1a2B3c": true, "#000000": true,
		"": false, "#": false, "fff": false, "#ffff": false, "#fffff": false, "#fffffff": false,
		"#ggg": false, "#12345g": false, "red": false, "#fff;x": false, "#ff\"": false,
		"rgb(0,0,0)": false, "#é12": false,
	} {
		if got := ValidColor(s); got != want {
			t.Errorf("ValidColor(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestProblemString(t *testing.T) {
	for _, c := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "billing/refund.md", Line: 3, Column: 7, Severity: SeverityError, Message: "title is required"},
			"billing/refund.md:3:7: error: title is required"},
		{Problem{File: "billing/refund.md", Line: 3, Severity: SeverityWarning, Message: "unknown field"},
			"billing/refund.md:3: warning: unknown field"},
		{Problem{File: "guichet.yaml", Column: 4, Severity: SeverityError, Message: "bad"},
			"guichet.yaml: error: bad"},
		{Problem{File: "synonyms.yaml", Severity: SeverityWarning, Message: "empty group"},
			"synonyms.yaml: warning: empty group"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("String() = %q, want %q", got, c.want)
		}
	}
}

func TestSameTicket(t *testing.T) {
	at := time.Date(2026, 3, 5, 14, 22, 0, 0, time.UTC)
	base := Ticket{ExternalID: "4411", Subject: "Refund", Body: "Please", Tags: []string{"billing", "refund"},
		Locale: "en", Article: "billing/refund", Source: "zendesk", CreatedAt: at}
	if !SameTicket(base, base) {
		t.Fatal("a ticket differs from itself")
	}
	same := base
	same.CreatedAt = at.In(time.FixedZone("CET", 3600)).Add(300 * time.Microsecond) // stored in milliseconds
	if !SameTicket(base, same) {
		t.Error("the same instant in another zone, below a millisecond apart, differs")
	}
	for name, change := range map[string]func(*Ticket){
		"id":      func(t *Ticket) { t.ExternalID = "4412" },
		"subject": func(t *Ticket) { t.Subject = "Refunds" },
		"body":    func(t *Ticket) { t.Body = "" },
		"tags":    func(t *Ticket) { t.Tags = []string{"refund", "billing"} },
		"no tags": func(t *Ticket) { t.Tags = nil },
		"locale":  func(t *Ticket) { t.Locale = "fr" },
		"article": func(t *Ticket) { t.Article = "" },
		"source":  func(t *Ticket) { t.Source = "freshdesk" },
		"created": func(t *Ticket) { t.CreatedAt = at.Add(time.Second) },
	} {
		other := base
		other.Tags = append([]string(nil), base.Tags...)
		change(&other)
		if SameTicket(base, other) {
			t.Errorf("a changed %s is the same ticket", name)
		}
	}
}

func TestReservedSegment(t *testing.T) {
	for _, seg := range []string{"admin", "API", "static", "_content", "_dev", "widget", "widget.js", "metrics", "healthz", "readyz", "Admin"} {
		if !ReservedSegment(seg) {
			t.Errorf("%q is not reserved, yet the site's own routes use it", seg)
		}
	}
	for _, seg := range []string{"search", "faq", "feed.xml", "sitemap.xml", "billing", "administration", "apis", "", "widgets"} {
		if ReservedSegment(seg) {
			t.Errorf("%q is reserved, so a category cannot take it", seg)
		}
	}
}

func TestShareNo(t *testing.T) {
	for _, c := range []struct {
		yes, no int
		want    float64
	}{{0, 0, 0}, {3, 1, 0.25}, {0, 2, 1}, {5, 0, 0}} {
		if got := (ArticleFeedback{Yes: c.yes, No: c.no}).ShareNo(); got != c.want {
			t.Errorf("ShareNo(%d yes, %d no) = %v, want %v", c.yes, c.no, got, c.want)
		}
	}
}

func TestTicketStatsAll(t *testing.T) {
	now := time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)
	today := now.Truncate(24 * time.Hour)
	s := NewTicketStats([]TicketDay{
		{"b", "en", today, 3}, {"a", "en", today, 3}, {"a", "fr", today, 3},
		{"c", "en", today, 9}, {"d", "en", today.Add(-10 * 24 * time.Hour), 9},
	}, now, FAQConfig{})
	var got []string
	for _, a := range s.All() {
		got = append(got, a.Locale+"|"+a.ArticleID)
	}
	// Highest score first; ties by locale then article, so the order is stable.
	want := []string{"en|c", "en|d", "en|a", "en|b", "fr|a"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("All() = %v, want %v", got, want)
	}
	var none *TicketStats
	if none.All() != nil || none.Of("a", "en").Window != 0 {
		t.Error("nil stats are not empty")
	}
}
