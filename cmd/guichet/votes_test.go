package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/web/webtest"
)

// TestNotHelpfulWithoutReason follows the ways a "No" reaches the team: a
// reader who says "No" and leaves without answering "What went wrong?"
// (with and without JavaScript), one who answers at once, one who answers
// later, and one who says "Yes" after "No". Each is one vote per visitor,
// article and day, and the summary, the articles, the to-do list, the
// admin page and the CSV exports agree, before and after the roll-up.
func TestNotHelpfulWithoutReason(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Parcel Help\n")
	writeFile(t, dir, "shipping/lost.md", "---\ntitle: A parcel is lost\n---\nClaim a lost parcel after ten days.\n")
	writeFile(t, dir, "shipping/track.md", "---\ntitle: Track a parcel\n---\nEnter the tracking number.\n")
	day := time.Date(2026, 11, 19, 9, 0, 0, 0, time.UTC)
	clk := &clock{t: day}
	m := openMainAt(t, dir, clk)
	ctx := context.Background()
	event := func(addr, body string) {
		t.Helper()
		if w := from(m, addr, "POST", "/api/v1/events", body, "Content-Type", "application/json"); w.Code != 202 {
			t.Fatalf("event %s: %d %s", body, w.Code, w.Body)
		}
	}
	form := func(addr string, v url.Values) string {
		t.Helper()
		w := from(m, addr, "POST", "/feedback", v.Encode())
		if w.Code != 200 {
			t.Fatalf("feedback form %v: %d %s", v, w.Code, w.Body)
		}
		return w.Body.String()
	}
	no := `{"type":"vote","article_id":"shipping/lost","locale":"en","helpful":false,"source":"site"}`
	// a: "No" on the site with JavaScript, then leaves.
	event("10.0.0.1:1", no)
	// b: "No" without JavaScript, then leaves the "What went wrong?" page.
	if page := form("10.0.0.2:1", url.Values{"article": {"shipping/lost"}, "locale": {"en"}, "helpful": {"no"}}); !strings.Contains(page, `name="step" value="final"`) {
		t.Fatalf("no reasons asked after a \"No\" without JavaScript:\n%s", page)
	}
	// c: "No" in the widget, the reason at once (as the script sends it).
	event("10.0.0.3:1", `{"type":"vote","article_id":"shipping/lost","locale":"en","helpful":false,"source":"widget","context":"orders"}`)
	event("10.0.0.3:1", `{"type":"vote","article_id":"shipping/lost","locale":"en","helpful":false,"reason":"inaccurate","comment":"The claim form is gone","source":"widget","context":"orders"}`)
	// d: "No" without JavaScript, the reason twenty minutes later.
	form("10.0.0.4:1", url.Values{"article": {"shipping/track"}, "locale": {"en"}, "helpful": {"no"}})
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	clk.t = day.Add(20 * time.Minute)
	form("10.0.0.4:1", url.Values{"article": {"shipping/track"}, "locale": {"en"}, "helpful": {"no"}, "step": {"final"}, "reason": {"missing_information"}})
	// e: "No", then "Yes" the same day: the "Yes" stands.
	event("10.0.0.5:1", strings.Replace(no, "shipping/lost", "shipping/track", 1))
	clk.t = day.Add(30 * time.Minute)
	form("10.0.0.5:1", url.Values{"article": {"shipping/track"}, "locale": {"en"}, "helpful": {"yes"}})
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}

	clk.t = day.Add(3 * 24 * time.Hour)
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	bearer := []string{"Authorization", "Bearer " + admin}
	get := func(path string) string {
		t.Helper()
		w := serve(m, "GET", path, "", bearer...)
		if w.Code != 200 {
			t.Fatalf("%s: %d %s", path, w.Code, w.Body)
		}
		return w.Body.String()
	}
	type votes struct{ helpful, notHelpful int }
	want := map[string]votes{"shipping/lost": {0, 3}, "shipping/track": {1, 1}}
	check := func(when string) {
		t.Helper()
		var sum struct {
			HelpfulVotes    int `json:"helpful_votes"`
			NotHelpfulVotes int `json:"not_helpful_votes"`
		}
		json.Unmarshal([]byte(get("/api/v1/insights/summary?since=7d")), &sum)
		if sum.HelpfulVotes != 1 || sum.NotHelpfulVotes != 4 {
			t.Errorf("%s: summary %+v, want 1 helpful and 4 not helpful votes", when, sum)
		}
		var arts struct {
			Articles []struct {
				ID         string
				Helpful    int
				NotHelpful int `json:"not_helpful"`
			}
		}
		json.Unmarshal([]byte(get("/api/v1/insights/articles?since=7d")), &arts)
		got := map[string]votes{}
		for _, a := range arts.Articles {
			got[a.ID] = votes{a.Helpful, a.NotHelpful}
		}
		for id, w := range want {
			if got[id] != w {
				t.Errorf("%s: articles insight %s = %+v, want %+v", when, id, got[id], w)
			}
		}
		rows, _ := csv.NewReader(strings.NewReader(get("/api/v1/insights/articles?since=7d&format=csv"))).ReadAll()
		for _, r := range rows[1:] {
			if w := want[r[0]]; r[7] != strconv.Itoa(w.helpful) || r[8] != strconv.Itoa(w.notHelpful) {
				t.Errorf("%s: articles CSV %v, want %d helpful, %d not", when, r, w.helpful, w.notHelpful)
			}
		}
		var todo struct {
			Tasks []struct{ Kind, ArticleID, Why string }
		}
		json.Unmarshal([]byte(strings.ReplaceAll(get("/api/v1/insights/todo?since=7d"), `"article_id"`, `"articleid"`)), &todo)
		whys := map[string]string{}
		for _, k := range todo.Tasks {
			if k.Kind == "unhelpful" {
				whys[k.ArticleID] = k.Why
			}
		}
		if !strings.Contains(whys["shipping/lost"], "3 of 3 votes say not helpful") || !strings.Contains(whys["shipping/track"], "1 of 2 votes say not helpful") {
			t.Errorf("%s: to-do list %+v", when, todo.Tasks)
		}
		if csv := get("/api/v1/insights/todo?since=7d&format=csv"); !strings.Contains(csv, "3 of 3 votes say not helpful") {
			t.Errorf("%s: to-do CSV:\n%s", when, csv)
		}
	}
	check("live")

	// The admin page and its comment export: both reasons, each once.
	w := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(w.Header().Get("Set-Cookie"), ";")[0]
	doc := webtest.Parse(t, serve(m, "GET", "/admin/?since=7d", "", "Cookie", session).Body.String())
	if got := doc.Text(`[data-figure="helpful_share"] .card-value`); got != "20.0%" {
		t.Errorf("helpful share card %q, want 20.0%% (1 of 5 votes)", got)
	}
	comments := serve(m, "GET", "/admin/export/comments.csv?since=7d", "", "Cookie", session).Body.String()
	if !strings.Contains(comments, "shipping/lost,en,The claim form is gone,1,") || strings.Count(comments, "\n") != 2 {
		t.Errorf("comments export:\n%s", comments)
	}
	// The reasons, with or without a comment, in their own export (a
	// reason given without a comment was on the page only).
	reasons := serve(m, "GET", "/admin/export/reasons.csv?since=7d", "", "Cookie", session).Body.String()
	if !strings.Contains(reasons, "shipping/lost,en,inaccurate,1\n") || !strings.Contains(reasons, "shipping/track,en,missing_information,1\n") {
		t.Errorf("reasons export:\n%s", reasons)
	}

	if _, err := m.DB.RollUp(ctx, clk.Now()); err != nil {
		t.Fatal(err)
	}
	check("rolled up")
}
