package search

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	"golang.org/x/sync/errgroup"

	"github.com/guichet/guichet/site"
)

// markerFile is written last into a finished on-disk index: a directory
// without it is incomplete and never opened.
const markerFile = "COMPLETE"

// Bulk loading: articles go in batchWorkers batches indexed at the same
// time, so that one batch's analysis (parallel inside bleve) overlaps with
// the other's segment building (serial); more batches when the text exceeds
// maxBatchBytes per batch, to bound memory: bleve holds a batch's analysed
// documents and its segment in memory until the segment is written, and
// the term counts read the analysed documents. Batches of 2 MB of text
// keep the peak heap of building 10,000 articles near 360 MB instead of
// near 1 GB with 16 MB batches, for about a tenth more time
// (BenchmarkBuild). One batch becomes one segment; on disk they are merged
// into one.
const (
	batchWorkers  = 2
	maxBatchBytes = 2 << 20
)

// Build indexes the visible articles of v, one bleve index per locale.
//
// With dir == "" the indexes live in memory. Otherwise they live in
// dir/<key>/, where key (see Key) identifies the content, the visible
// articles, the drafts flag and the index format: when a complete index with
// that key exists it is opened instead of rebuilt, so a restart with
// unchanged content is quick. A new index is built in a temporary directory
// and renamed into place, so a crash never leaves a half index behind. Use
// Prune to delete indexes of older content.
//
// The returned Index is immutable and safe for concurrent use; Close it when
// it is no longer served.
func Build(ctx context.Context, v *site.View, dir string) (*Index, error) {
	return BuildFrom(ctx, v, dir, nil)
}

// Key identifies the index Build makes for v: a hash of the library's
// content hash, the visible articles (IDs and locales, in index order), the
// drafts flag and the index format version.
func Key(v *site.View) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00drafts=%t\x00", mappingVersion, v.Lib.Hash, v.Drafts)
	for _, loc := range viewLocales(v) {
		fmt.Fprintf(h, "L%s\x00", loc)
		for _, a := range v.ByLocale[loc] {
			fmt.Fprintf(h, "%s\x00%s\x00", a.ID, a.Locale)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:20]
}

// Prune removes the index directories under dir other than keepKey,
// including temporary directories of interrupted builds. A missing dir is
// not an error.
func Prune(dir, keepKey string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("search: prune: %w", err)
	}
	var errs []error
	for _, e := range entries {
		if !e.IsDir() || e.Name() == keepKey || !isIndexDirName(e.Name()) {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("search: prune: %w", err)
	}
	return nil
}

// isIndexDirName reports whether name looks like a directory Build made, so
// that Prune never deletes anything else an operator put next to them.
func isIndexDirName(name string) bool {
	name = strings.TrimPrefix(name, ".tmp-")
	if i := strings.IndexByte(name, '-'); i >= 0 {
		name = name[:i]
	}
	if len(name) != 20 {
		return false
	}
	_, err := hex.DecodeString(name)
	return err == nil
}

func complete(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, markerFile))
	return err == nil
}

// viewLocales returns the locales with at least one visible article, sorted.
func viewLocales(v *site.View) []string {
	var out []string
	for loc, list := range v.ByLocale {
		if len(list) > 0 {
			out = append(out, loc)
		}
	}
	slices.Sort(out)
	return out
}

// localeDir is the directory name of a locale's index: the locale itself
// when it is a plain tag, else its hex encoding.
func localeDir(locale string) string {
	for _, r := range locale {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return "x" + hex.EncodeToString([]byte(locale))
		}
	}
	if locale == "" {
		return "x"
	}
	return locale
}

// build indexes every locale of v in parallel in memory.
func build(ctx context.Context, v *site.View, key string) (*Index, error) {
	locales := viewLocales(v)
	ix := newIndex(v, key)
	out := make([]*localeIndex, len(locales))
	g, gctx := errgroup.WithContext(ctx)
	for i, loc := range locales {
		g.Go(func() error {
			var err error
			out[i], err = buildLocale(gctx, v, loc, "")
			return err
		})
	}
	err := g.Wait()
	for _, li := range out {
		if li != nil {
			ix.locales[li.locale] = li
		}
	}
	if err != nil {
		ix.Close()
		return nil, err
	}
	return ix, nil
}

// buildLocale indexes the visible articles of one locale.
func buildLocale(ctx context.Context, v *site.View, locale, path string) (*localeIndex, error) {
	m, err := newMapping(locale)
	if err != nil {
		return nil, err
	}
	an, err := loadAnalyzers(m)
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("search: create %s index: %w", locale, err)
	}
	li := &localeIndex{locale: locale, idx: idx, an: an}
	fail := func(err error) (*localeIndex, error) {
		idx.Close()
		return nil, fmt.Errorf("search: build %s index: %w", locale, err)
	}
	articles := v.ByLocale[locale]
	counts, err := indexArticles(ctx, idx, articles, an)
	if err != nil {
		return fail(err)
	}
	if path != "" {
		// Several batches make several segments: merge them into one for
		// faster queries. (In memory, bleve has no merger: the few
		// segments stay.)
		if adv, err := idx.Advanced(); err == nil {
			if s, ok := adv.(*scorch.Scorch); ok {
				if err := s.ForceMerge(ctx, nil); err != nil {
					return fail(fmt.Errorf("merge: %w", err))
				}
			}
		}
	}
	if path != "" {
		if err := counts.write(path); err != nil {
			return fail(err)
		}
	}
	li.load(v, articles, counts)
	return li, nil
}

// indexArticles indexes articles in batches, batchWorkers at a time, and
// returns the document frequencies of their terms, counted from the
// analysed documents.
func indexArticles(ctx context.Context, idx bleve.Index, articles []*site.Article, an analyzers) (*termCounts, error) {
	type chunk struct{ from, to int }
	textSize := func(a *site.Article) int { return len(a.Text) + len(a.Title) + len(a.Description) + 64 }
	total := 0
	for _, a := range articles {
		total += textSize(a)
	}
	batchBytes := min(total/batchWorkers+1, maxBatchBytes)
	var chunks []chunk
	size, from := 0, 0
	for i, a := range articles {
		size += textSize(a)
		if size >= batchBytes || i == len(articles)-1 {
			chunks = append(chunks, chunk{from, i + 1})
			size, from = 0, i+1
		}
	}
	work := make(chan chunk)
	counts := make([]*termCounts, batchWorkers)
	g, gctx := errgroup.WithContext(ctx)
	for w := range batchWorkers {
		counts[w] = newTermCounts()
		g.Go(func() error {
			for c := range work {
				b := idx.NewBatch()
				docs := make([]*document.Document, 0, c.to-c.from)
				for i := c.from; i < c.to; i++ {
					d := articleDoc(docID(articles[i]), articles[i], an)
					if err := b.IndexAdvanced(d); err != nil {
						return err
					}
					docs = append(docs, d)
				}
				if err := safeBatch(idx, b); err != nil {
					return err
				}
				// Indexing analysed the fields: count their terms.
				for _, d := range docs {
					counts[w].add(d)
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		defer close(work)
		for _, c := range chunks {
			// A select between two ready cases picks either: a context
			// canceled already must stop the build whatever it picks.
			if err := gctx.Err(); err != nil {
				return err
			}
			select {
			case work <- c:
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		return nil
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	for _, c := range counts[1:] {
		counts[0].merge(c)
	}
	counts[0].finish()
	return counts[0], nil
}

// open opens a complete on-disk index read-only.
func open(v *site.View, key, root string) (*Index, error) {
	ix := newIndex(v, key)
	ix.root = root
	for _, loc := range viewLocales(v) {
		path := filepath.Join(root, localeDir(loc))
		idx, err := bleve.OpenUsing(path, map[string]any{"read_only": true})
		if err != nil {
			ix.Close()
			return nil, fmt.Errorf("search: open %s index: %w", loc, err)
		}
		li := &localeIndex{locale: loc, idx: idx}
		ix.locales[loc] = li
		// The analyzers come from the stored mapping: the ones the index
		// was built with.
		if li.an, err = loadAnalyzers(idx.Mapping()); err != nil {
			ix.Close()
			return nil, fmt.Errorf("search: open %s index: %w", loc, err)
		}
		counts, err := readTermCounts(path)
		if err != nil {
			ix.Close()
			return nil, fmt.Errorf("search: open %s index: %w", loc, err)
		}
		li.load(v, v.ByLocale[loc], counts)
	}
	return ix, nil
}

// docID is the bleve document ID of an article: its ID, unique within its
// locale (the loader skips an article claiming an ID already used), and
// stable from one publication to the next, so that an incremental update
// replaces or deletes an article's document by ID.
func docID(a *site.Article) string { return a.ID }

// articleDoc makes the bleve document of an article. Nothing is stored:
// hits are resolved through Index.docs.
func articleDoc(id string, a *site.Article, an analyzers) *document.Document {
	d := document.NewDocument(id)
	text := func(name, value string) {
		if value != "" {
			d.AddField(document.NewTextFieldCustom(name, nil, []byte(value), index.IndexField, an.text))
		}
	}
	ac := func(name, value string) {
		if value != "" {
			d.AddField(document.NewTextFieldCustom(name, nil, []byte(value), index.IndexField, an.ac))
		}
	}
	headings := make([]string, 0, len(a.Headings))
	for _, h := range a.Headings {
		headings = append(headings, h.Text)
	}
	text(fieldTitle, a.Title)
	text(fieldKeywords, strings.Join(a.Keywords, "\n"))
	text(fieldMore, strings.Join(slices.Concat(headings, []string{a.Description}, a.Tags), "\n"))
	text(fieldBody, a.Text)
	ac(fieldTitleAC, a.Title)
	more := slices.Concat(headings, a.Keywords, a.Tags)
	ac(fieldMoreAC, strings.Join(more, "\n"))
	// Where the stemmer takes a word's beginning away (Arabic's article
	// and prefixes: "الفواتير" → "فواتير"), the prefixes of the stem are
	// indexed too, so the word is suggested whether it is typed with its
	// article or without.
	ac(fieldTitleAC, strippedStems(an, a.Title))
	ac(fieldMoreAC, strippedStems(an, strings.Join(more, "\n")))
	var phrases []string
	for _, k := range slices.Concat(a.Keywords, a.Tags) {
		if p := phraseOf(an.text, k); strings.Contains(p, phraseSep) {
			phrases = append(phrases, p)
		}
	}
	// Pairs of consecutive terms of the title: queries that keep two of
	// its words together rank it higher ("single sign-on"). (Pairs from
	// the headings too made no difference on the sample help center and
	// cost index time.)
	toks := words(an.text.Analyze([]byte(a.Title)))
	for i := 1; i < len(toks); i++ {
		phrases = append(phrases, string(toks[i-1].Term)+phraseSep+string(toks[i].Term))
	}
	if len(phrases) > 0 {
		d.AddField(document.NewTextFieldCustom(fieldPhrases, nil, []byte(strings.Join(phrases, " ")), index.IndexField, an.phrase))
	}
	return d
}

// strippedStems returns, space-separated, the words of s whose beginning
// the stemmer removed (see beginningStripped), without that beginning:
// from where the stem starts to the word's end ("الضمان" → "ضمان", whose
// stem is "ضم"), so that every beginning of the word typed without its
// article is suggested ("ضما"); the stem itself where the word does not
// write it. Stemmers that only change endings (English, French, German…)
// give none.
func strippedStems(an analyzers, s string) string {
	if s == "" {
		return ""
	}
	plain := map[span]string{}
	for _, t := range an.plain.Analyze([]byte(s)) {
		plain[span{t.Start, t.End}] = string(t.Term)
	}
	var out []string
	for _, t := range words(an.text.Analyze([]byte(s))) {
		word, stem := plain[span{t.Start, t.End}], string(t.Term)
		if !beginningStripped(word, stem) {
			continue
		}
		if i := strings.Index(word, stem); i > 0 {
			stem = word[i:]
		}
		out = append(out, stem)
	}
	return strings.Join(out, " ")
}

// beginningStripped reports whether the stemmer took the beginning of
// word away: the stem does not start with the word's first letter.
func beginningStripped(word, stem string) bool {
	w, _ := utf8.DecodeRuneInString(word)
	s, _ := utf8.DecodeRuneInString(stem)
	return word != "" && stem != "" && w != s
}

// sameIndexed reports whether two versions of an article make the same
// document (articleDoc): the same title, description, keywords, tags,
// headings and text.
func sameIndexed(a, b *site.Article) bool {
	if a == b {
		return true
	}
	return a.Title == b.Title && a.Description == b.Description && a.Text == b.Text &&
		slices.Equal(a.Keywords, b.Keywords) && slices.Equal(a.Tags, b.Tags) &&
		slices.EqualFunc(a.Headings, b.Headings, func(x, y site.Heading) bool { return x.Text == y.Text })
}

// phraseOf returns the analysed terms of s joined by phraseSep: one token
// of the phrases field.
func phraseOf(text analysis.Analyzer, s string) string {
	toks := words(text.Analyze([]byte(s)))
	terms := make([]string, len(toks))
	for i, t := range toks {
		terms[i] = string(t.Term)
	}
	return strings.Join(terms, phraseSep)
}

// safeBatch applies a batch, turning a panic inside bleve into an error:
// after a failed write (a full disk) bleve v2.6.1 can panic on the next
// batch instead of returning the error.
func safeBatch(idx bleve.Index, b *bleve.Batch) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("index batch: %v (is the disk full?)", r)
		}
	}()
	return idx.Batch(b)
}

// words leaves out the joined words of hyphenated compounds: their parts
// are the words of a phrase.
func words(toks analysis.TokenStream) analysis.TokenStream {
	out := toks[:0:0]
	for _, t := range toks {
		if t.Type != analysis.Shingle {
			out = append(out, t)
		}
	}
	return out
}
