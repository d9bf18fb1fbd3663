package site

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestTicketStats: the window, the half-life decay and the 7/30/90-day
// counts.
func TestTicketStats(t *testing.T) {
	now := time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)
	day := func(ago int) time.Time { return now.Truncate(24 * time.Hour).Add(-time.Duration(ago) * 24 * time.Hour) }
	days := []TicketDay{
		{"a", "en", day(0), 4}, {"a", "en", day(30), 2}, {"a", "en", day(45), 1}, {"a", "en", day(100), 50},
		{"a", "fr", day(1), 1},
	}
	s := NewTicketStats(days, now, FAQConfig{WindowDays: 90, HalfLifeDays: 30})
	a := s.Of("a", "en")
	if a.Window != 7 || a.Last7 != 4 || a.Last30 != 4 || a.Prev30 != 3 || a.Last90 != 7 {
		t.Errorf("counts %+v", a)
	}
	if want := 4 + 2*0.5 + 1*math.Exp2(-1.5); math.Abs(a.Score-want) > 1e-9 {
		t.Errorf("score %v, want %v (the 100-day-old tickets are outside the window)", a.Score, want)
	}
	if fr := s.Of("a", "fr"); fr.Window != 1 {
		t.Errorf("locales mixed: %+v", fr)
	}
	if none := s.Of("zz", "en"); none.Window != 0 || none.Trend() != "" {
		t.Errorf("unknown article: %+v", none)
	}
	before, after, afterDays := s.Around("a", "en", day(30), 30)
	if before != 1 || after != 2 || afterDays != 30 { // the 30 days from day 30 end before today
		t.Errorf("around: %d before, %d after over %d days", before, after, afterDays)
	}
	before, after, afterDays = s.Around("a", "en", day(2), 30)
	if before != 2 || after != 4 || afterDays != 3 {
		t.Errorf("around a recent update: %d before, %d after over %d days", before, after, afterDays)
	}
}

func TestTrend(t *testing.T) {
	for _, c := range []struct {
		last, prev int
		want       string
	}{{0, 0, ""}, {3, 0, "new"}, {12, 10, "up"}, {11, 10, "steady"}, {9, 10, "steady"}, {8, 10, "down"}, {0, 4, "down"}} {
		if got := (ArticleTickets{Last30: c.last, Prev30: c.prev}).Trend(); got != c.want {
			t.Errorf("%d vs %d: %q, want %q", c.last, c.prev, got, c.want)
		}
	}
}

// TestRankFAQ: pinned first by weight, then by decayed tickets with
// faq: true breaking ties; drafts and scheduled articles never; the
// include setting; the size.
func TestRankFAQ(t *testing.T) {
	now := time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)
	art := func(id, faq string, weight int) *Article {
		return &Article{ID: id, Locale: "en", Title: strings.ToUpper(id), URL: "/x/" + id, FAQ: faq, Weight: weight, CategoryID: "x", SectionID: "x"}
	}
	draft := art("draft", FAQTrue, 0)
	draft.Draft = true
	later := art("later", FAQPinned, 0)
	later.PublishAt = now.Add(time.Hour)
	lib := &Library{Config: Config{DefaultLocale: "en"}, Articles: []*Article{
		art("pin2", FAQPinned, 2), art("pin1", FAQPinned, 1), art("marked", FAQTrue, 0), art("busy", "", 0),
		art("old", "", 0), art("quiet", FAQTrue, 5), art("none", "", 0), draft, later,
	}}
	today := now.Truncate(24 * time.Hour)
	days := []TicketDay{
		{"busy", "en", today, 5}, {"old", "en", today.Add(-80 * 24 * time.Hour), 9}, // 9 old tickets weigh less than 5 new
		{"marked", "en", today, 1}, {"draft", "en", today, 100},
	}
	stats := NewTicketStats(days, now, FAQConfig{})
	ids := func(list []FAQEntry) string {
		var out []string
		for _, e := range list {
			out = append(out, e.Article.ID)
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct {
		name   string
		drafts bool
		cfg    FAQConfig
		want   string
	}{
		{"all", false, FAQConfig{}, "pin1 pin2 busy old marked quiet"},
		{"marked only", false, FAQConfig{Include: FAQIncludeMarked}, "pin1 pin2 marked quiet"},
		{"size", false, FAQConfig{Size: 3}, "pin1 pin2 busy"},
		{"pinned beyond size", false, FAQConfig{Size: 1}, "pin1 pin2"},
		{"never drafts, even in dev", true, FAQConfig{}, "pin1 pin2 busy old marked quiet"},
	} {
		v := NewView(lib, now, c.drafts)
		if got := ids(RankFAQ(v, "en", stats, c.cfg)); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// Without tickets, by weight: "quiet" (5) before "marked" (none).
	if got := ids(RankFAQ(NewView(lib, now, false), "en", nil, FAQConfig{})); got != "pin1 pin2 quiet marked" {
		t.Errorf("no tickets yet: %q", got)
	}
}

// TestRankFAQCountsTicketsOnUntranslatedArticles: an English ticket
// linked to an article written only in the default locale (Italian here)
// is an English reader's question, and the English FAQ shows that
// article: seven English tickets on "Come salto una settimana?" made it
// neither the Italian FAQ's (no Italian ticket) nor the English one's
// (not an English article), so the top question of English customers
// was on no FAQ (rv23a).
func TestRankFAQCountsTicketsOnUntranslatedArticles(t *testing.T) {
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	art := func(id, locale, faq string) *Article {
		return &Article{ID: id, Locale: locale, Title: id + " (" + locale + ")", URL: "/" + locale + "/x/" + id, FAQ: faq, CategoryID: "x", SectionID: "x"}
	}
	lib := &Library{Config: Config{DefaultLocale: "it", Locales: []string{"it", "en"}}, Articles: []*Article{
		art("skip", "it", ""), art("cancel", "it", FAQTrue), art("cancel", "en", FAQTrue), art("gift", "it", FAQTrue),
	}}
	today := now.Truncate(24 * time.Hour)
	stats := NewTicketStats([]TicketDay{{"skip", "en", today, 7}, {"cancel", "it", today, 1}}, now, FAQConfig{})
	ids := func(list []FAQEntry) string {
		var out []string
		for _, e := range list {
			out = append(out, e.Article.ID+"/"+e.Article.Locale+":"+strconv.Itoa(e.Tickets.Window))
		}
		return strings.Join(out, " ")
	}
	v := NewView(lib, now, false)
	if got, want := ids(RankFAQ(v, "en", stats, FAQConfig{})), "skip/it:7 cancel/en:0"; got != want {
		t.Errorf("English FAQ: %q, want %q (the English tickets on the Italian-only article count for English readers)", got, want)
	}
	if got, want := ids(RankFAQ(v, "it", stats, FAQConfig{})), "cancel/it:1 gift/it:0"; got != want {
		t.Errorf("Italian FAQ: %q, want %q (English tickets are not Italian ones)", got, want)
	}
	if got, want := ids(RankFAQ(v, "en", stats, FAQConfig{Include: FAQIncludeMarked})), "cancel/en:0"; got != want {
		t.Errorf("English FAQ of marked articles: %q, want %q", got, want)
	}
}
