package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/textnorm"
)

// TestGapsReport records the searches of several visitors the way the site
// does and reads the gap report like the team would.
func TestGapsReport(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "synonyms.yaml", "en:\n  - [bike, bicycle, velo]\n")
	writeFile(t, dir, "travel/luggage.md", "---\ntitle: Luggage on the train\n---\nSuitcases go on the racks above your seat.\n")
	m := openMain(t, dir, false)
	now := time.Now().UTC()
	rec := func(q, visitor string, results int) {
		m.Recorder.RecordSearch(site.SearchEvent{ID: newTestID(), Query: q, Normalized: textnorm.Key(q), Locale: "en",
			Source: site.SourceWidget, Context: "checkout", Visitor: visitor, Results: results, Time: now.Add(-time.Hour)})
	}
	rec("bike on train", "v1", 0)
	rec("Bicycle train", "v2", 0)
	rec("take my bikes", "v3", 0)
	rec("velo train", "v4", 0)
	for i := 0; i < 50; i++ {
		rec("velo train", "v4", 0) // the same visitor again: still one
	}
	rec("luggage", "v1", 1) // found something, nobody clicked
	rec("luggage", "v5", 1)
	rec("<script>alert(1)</script>", "v6", 0)
	if err := m.Recorder.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"gaps", "--content", dir, "--data", m.Config.Data, "--format", "json"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep struct{ Gaps []gaps.Gap }
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Gaps) != 2 {
		t.Fatalf("gaps %+v", rep.Gaps)
	}
	bike := rep.Gaps[0]
	if bike.Kind != gaps.NoResults || bike.Visitors != 4 || len(bike.Variants) != 4 || bike.Query != "velo train" || bike.Sources["widget"] != 54 || bike.Contexts["checkout"] != 54 {
		t.Errorf("bike gap %+v", bike)
	}
	if g := rep.Gaps[1]; g.Kind != gaps.NoClick || g.Query != "luggage" || g.Visitors != 2 {
		t.Errorf("no-click gap %+v", g)
	}
	out.Reset()
	if code := run(context.Background(), []string{"gaps", "--content", dir, "--data", m.Config.Data, "--min-visitors", "1", "--format", "csv"}, &out, io.Discard); code != 0 {
		t.Fatal("csv failed")
	}
	if !strings.Contains(out.String(), "<script>alert(1)</script>") || !strings.HasPrefix(out.String(), "id,status,note,kind,locale,query,visitors") {
		t.Errorf("csv:\n%s", out.String())
	}
	out.Reset()
	run(context.Background(), []string{"gaps", "--content", dir, "--data", m.Config.Data}, &out, io.Discard)
	if !strings.Contains(out.String(), "2 gaps from") || !strings.Contains(out.String(), "velo train") {
		t.Errorf("table:\n%s", out.String())
	}
	// Triage: the team marks the bike gap, then publishes an article that
	// answers it; the next reload marks it answered.
	out.Reset()
	args := []string{"gaps", "mark", bike.ID, "new-article", "--note", "write about bikes", "--content", dir, "--data", m.Config.Data}
	if code := run(context.Background(), args, &out, &errb); code != 0 || !strings.Contains(out.String(), "marked new-article") {
		t.Fatalf("mark: exit %d %s %s", code, out.String(), errb.String())
	}
	if code := run(context.Background(), []string{"gaps", "mark", "nope", "ignored", "--content", dir, "--data", m.Config.Data}, io.Discard, io.Discard); code != 1 {
		t.Errorf("marking an unknown gap: exit %d", code)
	}
	// A writer starts a draft from the no-click gap, in the customers' words.
	out.Reset()
	noClick := rep.Gaps[1]
	if code := run(context.Background(), []string{"gaps", "stub", noClick.ID, "--content", dir, "--data", m.Config.Data}, &out, &errb); code != 0 {
		t.Fatalf("stub: %s", errb.String())
	}
	draft, err := os.ReadFile(filepath.Join(dir, "drafts", "luggage.md"))
	if err != nil || !strings.Contains(string(draft), "title: \"Luggage\"\ndraft: true\nkeywords:\n  - \"luggage\"") {
		t.Errorf("draft %s, %v", draft, err)
	}
	if code := run(context.Background(), []string{"gaps", "stub", noClick.ID, "--content", dir, "--data", m.Config.Data}, io.Discard, io.Discard); code != 1 {
		t.Error("stub overwrote an existing draft")
	}
	// --stub drafts every gap of the report; the one drafted already is kept.
	out.Reset()
	errb.Reset()
	if code := run(context.Background(), []string{"gaps", "--stub", "--content", dir, "--data", m.Config.Data}, &out, &errb); code != 0 {
		t.Fatalf("--stub: %s", errb.String())
	}
	if !strings.Contains(out.String(), "drafts/velo-train.md") || !strings.Contains(errb.String(), "luggage.md") {
		t.Errorf("--stub: %s / %s", out.String(), errb.String())
	}
	writeFile(t, dir, "travel/bikes.md", "---\ntitle: Bikes on trains\n---\nFold your bicycle and take it on board.\n")
	if err := m.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	m.answers.Wait()
	out.Reset()
	run(context.Background(), []string{"gaps", "--content", dir, "--data", m.Config.Data, "--format", "json"}, &out, io.Discard)
	rep.Gaps = nil
	json.Unmarshal(out.Bytes(), &rep)
	if len(rep.Gaps) == 0 || rep.Gaps[0].ID != bike.ID || rep.Gaps[0].Status != gaps.StatusAnswered || rep.Gaps[0].AnsweredAt == nil ||
		rep.Gaps[0].Note != "write about bikes" || rep.Gaps[0].Before != 4 || rep.Gaps[0].After != 0 {
		t.Errorf("after publishing: %+v", rep.Gaps)
	}
	for _, bad := range [][]string{{"--since", "yesterday"}, {"--format", "xml"}, {"--min-visitors", "0"}} {
		if code := run(context.Background(), append([]string{"gaps", "--content", dir, "--data", m.Config.Data}, bad...), io.Discard, io.Discard); code != 1 {
			t.Errorf("%v: exit %d, want 1", bad, code)
		}
	}
}

// newTestID returns a fresh 32-hex-digit search id.
func newTestID() string { return sqlite.NewID() }
