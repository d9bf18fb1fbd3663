package content

import (
	"bytes"
	"context"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/site"
)

// TestRestartReadsNoFile: a process started again on the same data folder
// (a new Memo, the same render cache folder) reads no Markdown file of an
// unchanged content folder and loads the same library as a first load, the
// front matter's unknown fields of every YAML type included; a file changed
// while the server was stopped is the only one read; a damaged or foreign
// readings file only makes the restart read every file.
func TestRestartReadsNoFile(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	files := fstest.MapFS{
		"billing/_index.md": {Data: []byte("---\ntitle: Billing\nicon: 💳\nweight: 3\n---\nAll about billing.\n"), ModTime: old},
		"billing/refund.md": {Data: []byte("---\ntitle: Refunds\ntags: [money]\nupdated: 2026-03-04\nms.custom:\n  owners: [ana, bo]\n  since: 2025-01-02T10:00:00+02:00\n  ratio: 2.5\n  count: 7\n  on: true\n  none: null\n---\nSee [fees](fees.md#card-fees).\n\n## Timing\n\nFive days.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"), ModTime: old},
		"billing/fees.md":   {Data: []byte("---\ntitle: Fees\nid: card-fees\n---\n# Fees\n\n## Card fees\n\n2%.\n"), ModTime: old},
		"billing/broken.md": {Data: []byte("---\ntitle: [unclosed\n---\nBody.\n"), ModTime: old},
		// Its duplicate id is reported by the field written, after a restart too.
		"billing/later.md": {Data: []byte("---\ntitle: Dup\ntranslationKey: card-fees\n---\nDup.\n"), ModTime: old},
		// A mapping with number keys is no type the readings file keeps:
		// its file is read at every start.
		"billing/odd.md": {Data: []byte("---\ntitle: Odd\nlevels: {1: one}\n---\nOdd.\n"), ModTime: old},
	}
	fsys := newCountingFS(files)
	const odd = "billing/odd.md"
	ctx := context.Background()
	data := t.TempDir()
	cache := filepath.Join(data, "cache")
	start := func(what string) *site.Library { // a new process
		t.Helper()
		lib, err := Load(ctx, fsys, Options{Dir: "/srv/help", Cache: cache, Memo: NewMemo()})
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return lib
	}
	fresh := func(what string) *site.Library { // nothing kept
		t.Helper()
		lib, err := Load(ctx, fsys, Options{Dir: "/srv/help", Cache: t.TempDir()})
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		fsys.opened()
		return lib
	}
	first := start("first start")
	if n := len(fsys.opened()); n != 6 {
		t.Fatalf("first start read %d Markdown files, want 6", n)
	}
	restarted := start("restart")
	if got := fsys.opened(); !maps.Equal(got, map[string]int{odd: 1}) {
		t.Errorf("a restart on unchanged content read %v, want %s alone", got, odd)
	}
	sameLibrary(t, "restart", restarted, first)
	if !findProblem(restarted, want{site.SeverityError, "billing/later.md", 3, "translationKey", "(from `translationKey`"}) {
		t.Errorf("after a restart, the duplicate id is not named by its field: %v", restarted.Problems)
	}
	for _, a := range restarted.Articles {
		if a.ID == "billing/refund" {
			custom, _ := a.Extra["ms.custom"].(map[string]any)
			if custom == nil || custom["ratio"] != 2.5 || custom["count"] != 7 || custom["on"] != true {
				t.Errorf("unknown fields after a restart: %#v", a.Extra)
			}
		}
	}

	// Changed while the server was stopped.
	files["billing/fees.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Fees\nid: card-fees\n---\n## Card fees\n\n3% since May.\n"), ModTime: old.Add(time.Minute)}
	edited := start("restart after an edit")
	if got := fsys.opened(); !maps.Equal(got, map[string]int{"billing/fees.md": 1, odd: 1}) {
		t.Errorf("a restart after one edit read %v, want billing/fees.md (and %s)", got, odd)
	}
	sameLibrary(t, "restart after an edit", edited, fresh("edited, nothing kept"))

	// A damaged file, or one kept for another content folder, is read
	// as no file: every Markdown file is read, nothing fails.
	for _, damage := range []func(){
		func() { os.WriteFile(filepath.Join(cache, readingsFile), []byte("garbage"), 0o644) },
		func() {
			if _, err := Load(ctx, fsys, Options{Dir: "/srv/other", Cache: cache, Memo: NewMemo()}); err != nil {
				t.Fatal(err)
			}
		},
	} {
		damage()
		fsys.opened()
		lib := start("restart on a damaged readings file")
		if n := len(fsys.opened()); n != 6 {
			t.Errorf("restart on a damaged or foreign readings file read %d files, want 6", n)
		}
		sameLibrary(t, "restart on a damaged readings file", lib, edited)
		for _, p := range lib.Problems {
			if p.Severity == site.SeverityWarning && p.File == cache {
				t.Errorf("a damaged readings file reported: %v", p)
			}
		}
		start("restart after the damage")
		if got := fsys.opened(); !maps.Equal(got, map[string]int{odd: 1}) {
			t.Errorf("the restart after a damaged readings file read %v: the file was not written again", got)
		}
	}
}

// TestShardRoundTrip: a render cache shard gives back the outputs stored,
// whole (sections as slices of the text, a table of contents equal to the
// headings shared with them); a shard cut short, with its index or counts
// altered, of another kind or of the previous layout is refused without a
// panic.
func TestShardRoundTrip(t *testing.T) {
	timing := site.Heading{Level: 2, Text: "Timing", ID: "timing"}
	deep := site.Heading{Level: 4, Text: "Deep", ID: "deep"}
	in := map[string]*cachedOutput{
		"a/one.md": {Key: "k1", Output: Output{HTML: "<p>One</p>", Text: "Intro\nTiming\nFive days.", lead: "Intro",
			Sections: []site.Section{{Text: "Intro"}, {Heading: timing, Text: "Five days.", Verbatim: []int{0, 3}}},
			Headings: []site.Heading{timing}, TOC: []site.Heading{timing}, Files: []string{"a/x.png"}}},
		"a/two.md": {Key: "k2", Output: Output{HTML: "<p>Two</p>", Text: "Two", Sections: []site.Section{{Text: "not in the text"}},
			Headings: []site.Heading{timing, deep}, TOC: []site.Heading{timing},
			Problems: []site.Problem{{Severity: site.SeverityWarning, File: "a/two.md", Line: 3, Message: "m"}},
			anchors:  []anchorRef{{File: "a/two.md", Line: 2, Dest: "one.md#timing", Target: "a/one.md", Anchor: "timing"}},
			includes: map[string][32]byte{"_inc/x.md": {1, 2}}}},
		"a/nil.md": {Key: "k3"},
	}
	path := filepath.Join(t.TempDir(), "render-00.gob")
	c := &renderCache{dir: filepath.Dir(path)}
	if err := c.writeShard(0, in); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out, err := readShard(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) {
		t.Fatalf("%d entries back, want %d", len(out), len(in))
	}
	for p, want := range in {
		if got := out[p]; got == nil || !reflect.DeepEqual(*got, *want) {
			t.Errorf("%s: got %+v, want %+v", p, got, want)
		}
	}
	if one := out["a/one.md"]; &one.TOC[0] != &one.Headings[0] {
		t.Error("a table of contents equal to the headings is not shared with them")
	}
	c0, err := openColumns(string(b), shardMagic, shardColumns)
	if err != nil {
		t.Fatal(err)
	}
	index := len(b) - len(c0.block) // header, columns and gob part
	for cut := 0; cut < len(b); cut += max(1, len(b)/50) {
		if _, err := decodeShard(string(b[:cut])); err == nil {
			t.Errorf("a shard cut at %d of %d bytes was read", cut, len(b))
		}
	}
	for at := 0; at < index; at++ {
		bad := bytes.Clone(b)
		bad[at] ^= 0x10
		if _, err := decodeShard(string(bad)); err == nil {
			t.Errorf("a shard with byte %d of its index altered was read", at)
		}
	}
	foreign := []string{"", "garbage", "GCSHARD1" + string(b[8:]), readingsMagic + string(b[8:])}
	for _, f := range foreign {
		if _, err := decodeShard(f); err == nil {
			t.Errorf("a foreign shard %.12q was read", f)
		}
	}
}

// TestRestartRunsNoGitLog: the files' commit dates are kept with the
// readings, so a restart at the same commit reads them from the data
// folder (the memo holds them before any `git log` could run), and a
// restart after a commit reads the new ones.
func TestRestartRunsNoGitLog(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	git := gitIn(t, repo)
	commit := commitIn(t, repo)
	git("", "init", "-q")
	commit("2021-01-01T00:00:00Z", "a.md", "---\ntitle: A\n---\nA.\n")
	commit("2021-02-01T00:00:00Z", "b.md", "---\ntitle: B\n---\nB.\n")
	ctx := context.Background()
	cache := filepath.Join(t.TempDir(), "cache")
	start := func() (*site.Library, *Memo) {
		t.Helper()
		memo := NewMemo()
		lib, err := Load(ctx, os.DirFS(repo), Options{Dir: repo, Cache: cache, Memo: memo})
		if err != nil {
			t.Fatal(err)
		}
		return lib, memo
	}
	updated := func(lib *site.Library) map[string]string {
		out := map[string]string{}
		for _, a := range lib.Articles {
			out[a.ID] = a.Updated.Format(time.DateOnly)
		}
		return out
	}
	first, _ := start()
	want := map[string]string{"help/a": "2021-01-01", "help/b": "2021-02-01"}
	if got := updated(first); !maps.Equal(got, want) {
		t.Fatalf("first start: updated %v, want %v", got, want)
	}
	// The memo a restart begins with holds the dates before Load asks git.
	memo := NewMemo()
	memo.restoreReadings(cache, repo)
	if head, dates := memo.gitDates(repo); head == "" || len(dates) != 2 {
		t.Errorf("restored commit dates: %q %v, want HEAD and 2 files", head, dates)
	}
	again, _ := start()
	sameLibrary(t, "restart in git", again, first)
	commit("2022-03-01T00:00:00Z", "a.md", "---\ntitle: A\n---\nA, edited.\n")
	edited, _ := start()
	want["help/a"] = "2022-03-01"
	if got := updated(edited); !maps.Equal(got, want) {
		t.Errorf("restart after a commit: updated %v, want %v", got, want)
	}
}

// TestRestartAfterUnshallow: a shallow clone dates every file its history
// does not reach at its oldest commit; once the history is fetched (at the
// same HEAD), a restart on the same data folder shows the true dates, as a
// first start would, instead of the ones kept from the shallow history.
func TestRestartAfterUnshallow(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	origin := t.TempDir()
	git := gitIn(t, origin)
	git("", "init", "-q")
	for _, c := range []struct{ date, name string }{{"2021-01-01T00:00:00Z", "a.md"}, {"2021-02-01T00:00:00Z", "b.md"}} {
		os.MkdirAll(filepath.Join(origin, "billing"), 0o755)
		if err := os.WriteFile(filepath.Join(origin, "billing", c.name), []byte("---\ntitle: "+c.name+"\n---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		git(c.date, "add", ".")
		git(c.date, "commit", "-q", "-m", c.name)
	}
	clone := filepath.Join(t.TempDir(), "help")
	git("", "clone", "-q", "--depth", "1", "file://"+origin, clone)
	cache := filepath.Join(t.TempDir(), "cache")
	start := func() string { // a new process; a.md's updated date
		t.Helper()
		lib, err := Load(context.Background(), os.DirFS(clone), Options{Dir: clone, Cache: cache, Memo: NewMemo()})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range lib.Articles {
			if a.SourcePath == "billing/a.md" {
				return a.Updated.Format(time.DateOnly)
			}
		}
		t.Fatal("a.md not loaded")
		return ""
	}
	if got := start(); got != "2021-02-01" {
		t.Fatalf("shallow clone: a.md updated %s, want 2021-02-01 (its only commit)", got)
	}
	gitIn(t, clone)("", "fetch", "-q", "--unshallow")
	if got := start(); got != "2021-01-01" {
		t.Errorf("restart after git fetch --unshallow: a.md updated %s, want 2021-01-01 (its own commit)", got)
	}
}

// TestRacyByChangeTime: a file written just now but given an old
// modification time (touch -d, an archive) is still read again by the next
// load, since a second write of the same size could keep both times (a
// file whose times are both old is not: TestMemoReadsOnlyChangedFiles).
func TestRacyByChangeTime(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("change times are read on Linux")
	}
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for name, data := range map[string]string{"help/a.md": "---\ntitle: A\n---\nA.\n", "help/b.md": "---\ntitle: B\n---\nB.\n"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	fsys := newCountingFS(os.DirFS(dir))
	memo, cache := NewMemo(), t.TempDir()
	for i := range 2 {
		if _, err := Load(context.Background(), fsys, Options{Dir: dir, Cache: cache, Memo: memo}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			fsys.opened()
		}
	}
	// Both files' status changed just now (written, then their times
	// set): the second load reads them again.
	if got := fsys.opened(); got["help/a.md"] != 1 || got["help/b.md"] != 1 {
		t.Errorf("files written just now with an old modification time were not read again: %v", got)
	}
}
