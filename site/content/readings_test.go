package content

import (
	"bufio"
	"bytes"
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/site"
)

// encodeReadingsBytes lays out files as saveReadings writes them.
func encodeReadingsBytes(t *testing.T, files map[string]*readMemo, content, head string, git map[string]time.Time) []byte {
	t.Helper()
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	if err := encodeReadings(files, content, head, git).write(w, readingsMagic, true); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	return b.Bytes()
}

// TestReadingsRoundTrip: every field of a reading — each of the
// article's, the problems, the first lines of a broken file, a
// category's — and the commit dates come back from the readings file as
// they were stored, lists and maps nil or empty as they were; a reading
// of a type the file cannot hold is left out.
func TestReadingsRoundTrip(t *testing.T) {
	if n := reflect.TypeFor[site.Article]().NumField(); n != articleFieldCount {
		t.Fatalf("site.Article has %d fields, the readings file stores %d: store the new ones (encodeRecord, readingsView.reading) and change readingsMagic", n, articleFieldCount)
	}
	paris := time.FixedZone("", 2*3600)
	full := &site.Article{
		ID: "id", Locale: "fr", Slug: "slug", Title: "Titre «é»", Description: "d", Tags: []string{"a", "b"},
		Keywords: []string{}, Contexts: []string{"c"}, TicketTags: []string{"t"}, FAQ: site.FAQPinned, Weight: -7,
		Draft: true, PublishAt: time.Date(2026, 5, 1, 10, 0, 0, 5, paris), Aliases: []string{"/old"},
		Updated: time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC), SearchTests: []string{"q"},
		Extra: map[string]any{
			"s": "x", "b": true, "f": false, "i": 3, "i64": int64(-4), "u": uint64(5), "fl": 2.5, "nil": nil,
			"t": time.Date(2025, 1, 2, 10, 0, 0, 0, paris), "list": []any{"a", 1, []any{}}, "map": map[string]any{"k": []any{nil}},
			"empty": map[string]any{}, "nillist": []any(nil),
		},
		SourcePath: "p.md", URL: "/u", CategoryID: "c", SectionID: "c/s", HTML: "<p>", Text: "text", Files: []string{"f.png"},
	}
	readings := map[string]*reading{
		"full.fr.md": {sum: [32]byte{1, 2, 3}, line: 12, ok: true, probs: []site.Problem{
			{Severity: site.SeverityWarning, Kind: site.KindFrontMatter, File: "full.fr.md", Line: 3, Column: 4, Field: "title", Message: "long"},
			{Severity: site.SeverityError, File: "full.fr.md", Message: "e"},
		}, meta: meta{a: full, hasID: true, idLine: 2, slugLine: 3, updated: true, set: inheritSet(0).with("faq").with("contexts")}},
		"plain.md":   {sum: [32]byte{9}, line: 4, ok: true, probs: []site.Problem{}, meta: meta{a: &site.Article{Title: "Plain"}}},
		"broken.md":  {sum: [32]byte{7}, raw: []byte("---\ntitle: [\n"), probs: []site.Problem{{Severity: site.SeverityError, Message: "bad"}}},
		"_index.md":  {sum: [32]byte{5}, ok: true, cat: categoryMeta{title: "Billing", description: "All", weight: 3, icon: "💳"}},
		"empty.md":   {},
		"strange.md": {ok: true, meta: meta{a: &site.Article{Title: "S", Extra: map[string]any{"levels": map[any]any{1: "one"}}}}},
	}
	files := map[string]*readMemo{}
	for p, r := range readings {
		files[p] = &readMemo{stamp: fileStamp{size: int64(len(p)), modTime: -5, changed: 1 << 62, inode: 77}, ignore: "x\x00y", index: p == "_index.md", got: r}
	}
	git := map[string]time.Time{"full.fr.md": time.Unix(1700000000, 0).UTC(), "plain.md": time.Unix(0, 0).UTC()}
	b := encodeReadingsBytes(t, files, "/srv/help", "abc123", git)
	got, head, gotGit, ok := openReadings(string(b), "/srv/help")
	if !ok {
		t.Fatal("the readings file written was not read")
	}
	if head != "abc123" || !reflect.DeepEqual(gotGit, git) {
		t.Errorf("commit dates: %q %v, want %q %v", head, gotGit, "abc123", git)
	}
	if got["strange.md"] != nil {
		t.Error("a reading the file cannot hold was stored")
	}
	for p, want := range readings {
		if p == "strange.md" {
			continue
		}
		r := got[p]
		if r == nil {
			t.Errorf("%s: not stored", p)
			continue
		}
		if r.stamp != files[p].stamp || r.ignore != files[p].ignore || r.index != files[p].index {
			t.Errorf("%s: stamp %+v %q %v, want %+v %q %v", p, r.stamp, r.ignore, r.index, files[p].stamp, files[p].ignore, files[p].index)
		}
		d, ok := r.data()
		if !ok {
			t.Errorf("%s: does not decode", p)
			continue
		}
		if !reflect.DeepEqual(d, *want) {
			t.Errorf("%s:\n got %+v\nwant %+v", p, d, *want)
			if d.meta.a != nil && want.meta.a != nil {
				t.Errorf("article:\n got %+v\nwant %+v", *d.meta.a, *want.meta.a)
			}
		}
		again, _ := r.data()
		if d.meta.a != nil && (d.meta.a == again.meta.a || len(d.meta.a.Tags) > 0 && &d.meta.a.Tags[0] == &again.meta.a.Tags[0]) {
			t.Errorf("%s: two decodings share their article", p)
		}
	}
	if _, _, _, ok := openReadings(string(b), "/srv/other"); ok {
		t.Error("readings kept for another content folder were read")
	}
}

// TestReadingsDamaged: a readings file with any byte altered, cut short
// anywhere, of another kind or of the previous layout restores nothing,
// without a panic.
func TestReadingsDamaged(t *testing.T) {
	files := map[string]*readMemo{
		"a/x.md": {stamp: fileStamp{size: 3}, got: &reading{ok: true, meta: meta{a: &site.Article{Title: "X", Tags: []string{"t"}, Extra: map[string]any{"k": []any{1}}}}}},
		"a/y.md": {stamp: fileStamp{size: 4}, got: &reading{probs: []site.Problem{{Message: "m"}}, raw: []byte("raw")}},
	}
	b := encodeReadingsBytes(t, files, "/c", "", nil)
	if _, _, _, ok := openReadings(string(b), "/c"); !ok {
		t.Fatal("the intact file was not read")
	}
	for at := range b {
		bad := bytes.Clone(b)
		bad[at] ^= 0x04
		if _, _, _, ok := openReadings(string(bad), "/c"); ok {
			t.Errorf("a readings file with byte %d of %d altered was read", at, len(b))
		}
	}
	for cut := range len(b) {
		if _, _, _, ok := openReadings(string(b[:cut]), "/c"); ok {
			t.Errorf("a readings file cut at %d of %d bytes was read", cut, len(b))
		}
	}
	var shard bytes.Buffer
	w := bufio.NewWriter(&shard)
	encodeShard(w, map[string]*cachedOutput{"a/x.md": {Key: "k"}})
	w.Flush()
	for _, f := range []string{"", "garbage", "GCREADS0" + string(b[8:]), shard.String()} {
		if _, _, _, ok := openReadings(f, "/c"); ok {
			t.Errorf("a foreign file %.12q was read as readings", f)
		}
	}
	// A value cut inside its own encoding (the file's checks pass) does
	// not decode: that file is read again.
	for cut := range 12 {
		enc, _ := appendValue(nil, map[string]any{"k": []any{"abc", 1.5}}, 0)
		d := valueDecoder{s: string(enc[:cut])}
		if d.value(0); d.ok {
			t.Errorf("a value cut at %d decoded", cut)
		}
	}
}

// TestRestartDecodesIntoFreshArticles: two loads from one restored memo
// get articles of their own: what one load does to its library never
// reaches the next.
func TestRestartDecodesIntoFreshArticles(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	files := fstest.MapFS{
		"billing/refund.md": {Data: []byte("---\ntitle: Refunds\ntags: [money]\nms.custom: {a: [1, 2]}\n---\nBody.\n"), ModTime: old},
	}
	cache := filepath.Join(t.TempDir(), "cache")
	ctx := context.Background()
	if _, err := Load(ctx, files, Options{Dir: "/srv", Cache: cache, Memo: NewMemo()}); err != nil {
		t.Fatal(err)
	}
	memo := NewMemo()
	first, err := Load(ctx, files, Options{Dir: "/srv", Cache: cache, Memo: memo})
	if err != nil {
		t.Fatal(err)
	}
	a := first.Articles[0]
	a.Title, a.Tags[0] = "changed", "changed"
	a.Extra["ms.custom"].(map[string]any)["a"] = nil
	second, err := Load(ctx, files, Options{Dir: "/srv", Cache: cache, Memo: memo})
	if err != nil {
		t.Fatal(err)
	}
	b := second.Articles[0]
	if b.Title != "Refunds" || b.Tags[0] != "money" || b.Extra["ms.custom"].(map[string]any)["a"] == nil {
		t.Errorf("a change to the first load's article reached the second: %+v", b)
	}
}

// FuzzCacheFiles: whatever bytes a readings file or a render cache shard
// holds, reading it returns an error or entries, every record of which
// decodes or says it does not, and never panics.
func FuzzCacheFiles(f *testing.F) {
	files := map[string]*readMemo{
		"a/x.md": {stamp: fileStamp{size: 3}, got: &reading{ok: true, probs: []site.Problem{{Message: "m"}},
			meta: meta{a: &site.Article{Title: "X", Tags: []string{"t"}, Extra: map[string]any{"k": []any{1, "s", map[string]any{}}}}}}},
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	encodeReadings(files, "/c", "h", map[string]time.Time{"a/x.md": time.Unix(5, 0)}).write(w, readingsMagic, true)
	encodeShard(w, map[string]*cachedOutput{"a/x.md": {Key: "k", Output: Output{Text: "ab", Sections: []site.Section{{Text: "b", Verbatim: []int{1}}},
		Headings: []site.Heading{{Level: 2, ID: "i", Text: "t"}}, TOC: []site.Heading{{Level: 2, ID: "i", Text: "t"}}}}})
	w.Flush()
	f.Add(b.Bytes(), false)
	f.Fuzz(func(t *testing.T, data []byte, shard bool) {
		if shard {
			decodeShard(string(data))
			return
		}
		got, _, _, ok := openReadings(string(data), "/c")
		if !ok {
			return
		}
		for _, r := range got {
			r.data()
		}
	})
}

// FuzzReadingRecords: records of any content (past the file's checks,
// which only a file written as the writer does passes) decode or say they
// do not, and never panic.
func FuzzReadingRecords(f *testing.F) {
	f.Add([]byte{1, 0, 0, 0, 0}, []byte("block"))
	f.Fuzz(func(t *testing.T, lens, data []byte) {
		c := &columns{cols: make([]nums, readColumns)}
		rest := string(data)
		for i := range readColumns {
			n := 0
			if i < len(lens) {
				n = int(lens[i]) * 4
			}
			if i == readRecords && len(lens) > 0 {
				n = int(lens[0]) % 3 * recordInts * 4
			}
			n = min(n, len(rest)/4*4)
			c.cols[i], rest = nums(rest[:n]), rest[n:]
		}
		c.block = rest
		v := &readingsView{c: c}
		for i := range c.cols[readRecords].len() / recordInts {
			v.reading(i)
		}
	})
}
