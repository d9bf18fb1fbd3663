package main

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/web/webtest"
)

// TestKeywordsTaskNamesTheFile: when the visitors of a failed search
// opened an article next only by clicking it (offered under "no
// results"; nobody read it 10 seconds nor voted), the to-do list's "add
// these words to that article" still names the article's file to edit,
// not the gap's form: the article has no figures in the period, but it is
// published.
func TestKeywordsTaskNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "heatpump/settings.md", "---\ntitle: Set your heat pump to save energy\n---\nUse a low heating curve.\n")
	clk := &clock{t: time.Date(2026, 11, 19, 9, 0, 0, 0, time.UTC)}
	m := openMainAt(t, dir, clk)
	ctx := context.Background()
	for _, addr := range []string{"10.0.0.5:1", "10.0.0.6:1"} {
		w := from(m, addr, "GET", "/api/v1/search?source=widget&q="+url.QueryEscape("home battery grant"), "")
		var res struct {
			SearchID string `json:"search_id"`
			Total    int
		}
		if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &res) != nil || res.Total != 0 {
			t.Fatalf("search: %d %s", w.Code, w.Body)
		}
		body := `{"type":"click","search_id":"` + res.SearchID + `","article_id":"heatpump/settings","position":1,"locale":"en","source":"widget"}`
		if w := from(m, addr, "POST", "/api/v1/events", body, "Content-Type", "application/json"); w.Code != 202 {
			t.Fatalf("click: %d %s", w.Code, w.Body)
		}
	}
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	admin, _, err := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	if err != nil {
		t.Fatal(err)
	}
	w := serve(m, "GET", "/api/v1/insights/todo?since=7d", "", "Authorization", "Bearer "+admin)
	var todo struct {
		Tasks []struct {
			Kind, Action, Target, Why string
			ArticleID                 string `json:"article_id"`
		}
	}
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &todo) != nil || len(todo.Tasks) != 1 {
		t.Fatalf("todo: %d %s", w.Code, w.Body)
	}
	if task := todo.Tasks[0]; task.Action != "keywords" || task.ArticleID != "heatpump/settings" || task.Target != "heatpump/settings.md" {
		t.Errorf("to-do task %+v, want the words added to heatpump/settings.md", task)
	}
	// Its reason, the same in the JSON, the CSV and on the admin page:
	// both people found nothing, none "opened nothing" (left21a).
	const why = "2 people searched it and found nothing; 2 of them opened heatpump/settings next"
	if got := todo.Tasks[0].Why; got != why {
		t.Errorf("why %q, want %q", got, why)
	}
	if w := serve(m, "GET", "/api/v1/insights/todo?since=7d&format=csv", "", "Authorization", "Bearer "+admin); !strings.Contains(w.Body.String(), ","+why+",") {
		t.Errorf("todo CSV without %q:\n%s", why, w.Body)
	}
	w = serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	session := strings.Split(w.Header().Get("Set-Cookie"), ";")[0]
	if doc := webtest.Parse(t, serve(m, "GET", "/admin/?since=7d", "", "Cookie", session).Body.String()); !strings.Contains(doc.Text(".todo"), why) {
		t.Errorf("admin to-do list without %q: %q", why, doc.Text(".todo"))
	}
}
