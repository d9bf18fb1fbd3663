// Package content is Guichet's content pipeline: it reads a content folder
// (an fs.FS of Markdown files with YAML front matter, guichet.yaml,
// synonyms.yaml and redirects.yaml), validates it, resolves links, renders
// every article once with goldmark and returns an immutable *site.Library.
//
// Loading is pure and deterministic for a given folder: problems in the
// content never abort it; they are collected, located by file and line, in
// Library.Problems while everything else loads.
package content

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"golang.org/x/sync/errgroup"
	"gopkg.in/yaml.v3"
)

// Options tunes Load.
type Options struct {
	// Dir is the on-disk path of the folder fsys reads, "" if it has none.
	// When it is inside a git work tree, an article's default `updated` is
	// its last commit date instead of its modification time.
	Dir string
	// Cache, when set, is a folder where the rendered output of the whole
	// folder is kept, keyed by the content's hash, so that loading
	// unchanged content again skips rendering. The caller must use a folder
	// per program build (rendering code may change between builds).
	Cache string
	// Previous is the library being served, when there is one: an article
	// whose file now has errors that skip it (its front matter) keeps its
	// version from Previous, so a broken edit never takes a page down.
	Previous *site.Library
	// Memo, when set, carries each file's reading and the decoded render
	// cache from one Load to the next (see Memo): pass the same one to
	// every Load of the folder.
	Memo *Memo
}

// Load reads the content folder fsys into a Library. It returns an error
// only when the folder cannot be read at all (or ctx ends); every problem
// in the content itself is reported in Library.Problems, sorted by file
// and line, and the rest of the content loads.
func Load(ctx context.Context, fsys fs.FS, opts Options) (*site.Library, error) {
	where := opts.Dir
	if where == "" {
		where = "."
	}
	if _, err := fs.ReadDir(fsys, "."); err != nil {
		return nil, fmt.Errorf("load content %s: %w", where, err)
	}
	gitCtx, cancelGit := context.WithCancel(ctx)
	defer cancelGit()
	// The file readings and commit dates a previous process kept, and the
	// render cache, are read while the folder is walked; the commit dates
	// are asked for once the memo holds the kept ones.
	restored := make(chan struct{})
	go func() { opts.Memo.restoreReadings(opts.Cache, opts.Dir); close(restored) }()
	shardCh := make(chan shards, 1)
	go func() { shardCh <- loadShards(ctx, opts.Cache, opts.Memo) }()
	gitCh := make(chan map[string]time.Time, 1)
	go func() { <-restored; gitCh <- gitDates(gitCtx, opts.Dir, opts.Memo) }()

	start := time.Now()
	l := &loader{fsys: fsys, assets: map[string]bool{}, sizes: map[string][2]int{}, memo: opts.Memo}
	if opts.Previous != nil {
		l.prevConfig = &opts.Previous.Config
		l.prevLib = opts.Previous
		l.previous = map[string]*site.Article{}
		for _, a := range opts.Previous.Articles {
			l.previous[a.SourcePath] = a
		}
	}
	if err := l.walk(); err != nil {
		return nil, fmt.Errorf("load content %s: %w", where, err)
	}
	l.readSiteFiles()
	l.setLocales()
	l.words = themeWords(l.fsys, l.lib.Config.Theme, l.lib.Strings, l.lib.Config.DefaultLocale, l.lib.Locales())
	l.placeSynonyms()
	l.readTopLevel()
	<-restored
	if err := l.readSources(ctx); err != nil {
		return nil, fmt.Errorf("load content %s: %w", where, err)
	}
	l.memo.remember(l.sources, ignoreKey(l.lib.Config.Check.IgnoreFields), start)
	dates := <-gitCh
	if err := l.memo.saveReadings(opts.Cache, opts.Dir); err != nil {
		// Only an optimisation: the next start reads every file.
		l.probs = append(l.probs, site.Problem{Severity: site.SeverityWarning, Kind: site.KindFile, File: opts.Cache, Message: err.Error()})
	}
	l.assemble(dates)
	l.findSlugs()
	l.checkRedirects()
	l.checkAliases()
	l.cache = newRenderCache(opts.Cache, l.structureHash(), opts.Memo)
	if err := l.renderAll(ctx, shardCh); err != nil {
		return nil, fmt.Errorf("load content %s: %w", where, err)
	}
	l.lib.Problems = append(l.lib.Problems, l.probs...)
	sortProblems(l.lib.Problems)
	l.lib.Problems = dedupeProblems(l.lib.Problems)
	l.lib.Hash = l.hash()
	return &l.lib, nil
}

// loader holds the state of one Load.
type loader struct {
	fsys    fs.FS
	lib     site.Library
	probs   []site.Problem
	known   map[string]bool   // locale suffixes of file names; nil: any locale code
	sources []*source         // Markdown files, sorted by path
	files   []fileSum         // site files read (yaml), for the hash
	assets  map[string]bool   // every non-Markdown file, for image checks
	sizes   map[string][2]int // width and height of the images whose size is readable
	mdOrder []string          // every Markdown file found, in the order the walk found them
	top     []string          // Markdown files at the top of the content folder: not articles
	homes   map[string]string // those that are a home page (index.md, slug: /…) → their locale ("" the reader's)
	// slugs maps the URL path Docusaurus gives an article whose slug is
	// a path (/install, /guides/how-to/connect; without its /docs) to it.
	slugs map[string]*site.Article
	dirs  []string // category and section folders
	// resolver resolves links for rendering, byPath finds an article by
	// its normalised source path; both are made when first called.
	resolver func() *resolver
	byPath   func() map[string]*site.Article
	cache    *renderCache // nil: no cache
	// words are the interface strings articles are rendered with
	// (themeWords).
	words *i18n.Catalog
	// synonymLines is the line of each locale's key in synonyms.yaml.
	synonymLines map[string]int
	// redirectLines is the line of each of lib.Redirects in redirects.yaml.
	redirectLines []int
	// previous holds the articles being served by source path (Options.Previous).
	previous map[string]*site.Article
	// prevConfig is the settings being served (Options.Previous), nil: none.
	prevConfig *site.Config
	// prevLib is the content being served (Options.Previous), nil: none;
	// its synonyms and redirects stand in for a file that does not parse.
	prevLib *site.Library
	// memo holds the readings of the previous Load (nil: none).
	memo *Memo
	// unreadable holds the folders that could not be listed.
	unreadable map[string]error
}

// fileSum is a file read and the sha256 of its content.
type fileSum struct {
	path string
	sum  [sha256.Size]byte
}

// source is one Markdown file on its way to becoming an article or a
// category description.
type source struct {
	path    string
	dir     string // the folder it belongs to
	bundle  string // a page bundle's own folder (path.Dir of path), "" for other files
	name    fileName
	locale  string
	sum     [sha256.Size]byte
	modTime time.Time
	body    []byte
	// raw is the start of a file that did not load, for the error panel.
	raw     []byte
	line    int // file line where body starts
	probs   []site.Problem
	ok      bool // usable: no error in its front matter
	meta    meta
	cat     categoryMeta
	article *site.Article
	out     *Output
	// info is the file's information found by walk; readOK says the
	// file was read, reused that its reading came from the Memo (body
	// is then nil until the file must be rendered).
	info           fs.FileInfo
	readOK, reused bool
}

// walk lists the content folder. Unreadable sub-folders become problems.
// The folders are listed in parallel, a level at a time (listing a folder
// checks each of its files: a system call each); the files are then
// checked (an image's header read for its size) in parallel.
func (l *loader) walk() error {
	type entry struct {
		p, dir string
		d      fs.DirEntry
	}
	listed, err := l.listFolders()
	if err != nil {
		return err
	}
	// The files in the order fs.WalkDir gives them: each folder's entries
	// by name, a sub-folder's files before the next entry.
	var files []entry
	var visit func(dir string)
	visit = func(dir string) {
		for _, d := range listed[dir] {
			p := path.Join(dir, d.Name())
			if site.SkippedName(d.Name(), d.IsDir()) {
				continue
			}
			if d.IsDir() && docusaurusPlugin(dir, d.Name()) {
				continue // a Docusaurus site's translations: DocusaurusTranslations
			}
			if d.IsDir() {
				visit(p)
				continue
			}
			files = append(files, entry{p, dir, d})
		}
	}
	visit(".")
	// The content folder is a Docusaurus site's root: its docs are in docs/.
	l.probs = append(l.probs, DocusaurusTranslations(l.fsys, ".", "docs")...)
	for _, p := range slices.Sorted(maps.Keys(l.unreadable)) {
		l.probs = append(l.probs, errorAt(site.KindFile, p, 0, "", "cannot read: %v", l.unreadable[p]))
	}
	type checked struct {
		info  fs.FileInfo
		prob  *site.Problem
		size  [2]int
		sized bool
	}
	res := make([]checked, len(files))
	const chunk = 256
	parallel(context.Background(), (len(files)+chunk-1)/chunk, func(c int) {
		for i := c * chunk; i < min(len(files), (c+1)*chunk); i++ {
			f, r := files[i], &res[i]
			if r.info, r.prob = l.checkEntry(f.p, f.d); r.prob == nil && !isMarkdown(f.p) && isImage(f.p) {
				w, h, ok := imageSize(l.fsys, f.p)
				r.size, r.sized = [2]int{w, h}, ok
			}
		}
	})
	// The sources in one allocation: they live as long as the Load.
	all := make([]source, 0, len(files))
	for i, f := range files {
		p, name, r := f.p, f.d.Name(), res[i]
		if r.prob != nil {
			l.probs = append(l.probs, *r.prob)
			continue
		}
		if !isMarkdown(name) {
			l.assets[p] = true
			if r.sized {
				l.sizes[p] = r.size
			}
			continue
		}
		l.mdOrder = append(l.mdOrder, p)
		if !strings.Contains(p, "/") {
			l.top = append(l.top, p) // read once the locales are known
			continue
		}
		if isReadme(name) || site.SnippetPath(p) {
			continue
		}
		all = append(all, source{path: p, dir: f.dir, info: r.info})
		l.sources = append(l.sources, &all[len(all)-1])
	}
	return nil
}

// listFolders lists every folder of the content folder not skipped
// (site.SkippedName), by path; a folder that cannot be listed is left out and
// recorded in l.unreadable. Only the top folder failing is an error.
func (l *loader) listFolders() (map[string][]fs.DirEntry, error) {
	top, err := fs.ReadDir(l.fsys, ".")
	if err != nil {
		return nil, err
	}
	listed := map[string][]fs.DirEntry{".": top}
	l.unreadable = map[string]error{}
	level := []string{"."}
	for len(level) > 0 {
		var next []string
		for _, dir := range level {
			for _, d := range listed[dir] {
				if d.IsDir() && !site.SkippedName(d.Name(), true) {
					next = append(next, path.Join(dir, d.Name()))
				}
			}
		}
		lists := make([][]fs.DirEntry, len(next))
		errs := make([]error, len(next))
		parallel(context.Background(), len(next), func(i int) { lists[i], errs[i] = fs.ReadDir(l.fsys, next[i]) })
		level = level[:0]
		for i, dir := range next {
			if errs[i] != nil {
				l.unreadable[dir] = errs[i]
				continue
			}
			listed[dir] = lists[i]
			level = append(level, dir)
		}
	}
	return listed, nil
}

// readSiteFiles reads guichet.yaml, synonyms.yaml and redirects.yaml.
func (l *loader) readSiteFiles() {
	l.lib.Config = defaultConfig()
	l.lib.Synonyms = map[string][][]string{}
	read := func(name string) ([]byte, bool) {
		if !l.assets[name] {
			return nil, false
		}
		data, err := fs.ReadFile(l.fsys, name)
		if err != nil {
			l.probs = append(l.probs, errorAt(site.KindFile, name, 0, "", "cannot read: %v", err))
			return nil, false
		}
		l.files = append(l.files, fileSum{path: name, sum: sha256.Sum256(data)})
		data, cleaned := cleanText(data)
		if p := cleaned.problem(name); p != nil {
			l.probs = append(l.probs, *p)
		}
		return data, true
	}
	if data, ok := read(configFile); ok {
		cfg, probs := parseConfig(data)
		if cfg.Broken && l.prevConfig != nil {
			// The settings being served stay in force, for reading the
			// articles too: with the defaults, a site whose default locale
			// is not en would read its articles as English ones.
			cfg = *l.prevConfig
			cfg.Broken = true
		}
		l.lib.Config = cfg
		l.probs = append(l.probs, probs...)
	}
	if data, ok := read(synonymsFile); ok {
		syn, probs := parseSynonyms(data)
		l.lib.Synonyms, l.synonymLines = syn, synonymLines(data)
		if l.prevLib != nil && len(l.prevLib.Synonyms) > 0 && len(syn) == 0 && unparsed(probs) {
			l.lib.Synonyms = l.prevLib.Synonyms
			probs = append(probs, keptSiteFile(synonymsFile, "synonyms"))
		}
		l.probs = append(l.probs, probs...)
	}
	if data, ok := read(redirectsFile); ok {
		red, lines, probs := parseRedirects(data)
		l.lib.Redirects, l.redirectLines = red, lines
		if l.prevLib != nil && len(l.prevLib.Redirects) > 0 && len(red) == 0 && unparsed(probs) {
			l.lib.Redirects, l.redirectLines = l.prevLib.Redirects, nil
			probs = append(probs, keptSiteFile(redirectsFile, "redirects"))
		}
		l.probs = append(l.probs, probs...)
	}
	l.readStrings(read)
	for _, f := range []struct{ key, p string }{{"logo", l.lib.Config.Logo}, {"logo_dark", l.lib.Config.LogoDark}, {"favicon", l.lib.Config.Favicon}} {
		if f.p != "" && !l.assets[f.p] {
			l.probs = append(l.probs, errorAt(site.KindConfig, configFile, 0, f.key, "%s %s: no such file in the content folder", f.key, f.p))
			switch f.key {
			case "logo":
				l.lib.Config.Logo = ""
			case "logo_dark":
				l.lib.Config.LogoDark = ""
			default:
				l.lib.Config.Favicon = ""
			}
		}
	}
}

// setLocales fixes the site's locales: the configured ones, else the
// default locale plus every locale suffix found in file names. It also
// splits every file name.
func (l *loader) setLocales() {
	cfg := &l.lib.Config
	if len(cfg.Locales) > 0 {
		l.known = map[string]bool{cfg.DefaultLocale: true}
		for _, loc := range cfg.Locales {
			l.known[loc] = true
		}
	}
	found := map[string]bool{}
	for _, s := range l.sources {
		s.name = parseFileName(path.Base(s.path), l.known)
		if l.known != nil && s.name.locale == "" {
			if loc := parseFileName(path.Base(s.path), nil).locale; loc != "" {
				l.probs = append(l.probs, warningAt(site.KindFile, s.path, 0, "", "%q is not one of the locales in %s: it is read as part of the slug", loc, configFile))
			}
		}
		s.locale = s.name.locale
		if s.locale == "" {
			s.locale = cfg.DefaultLocale
		}
		found[s.locale] = true
	}
	locales := []string{cfg.DefaultLocale}
	if l.known != nil {
		for _, loc := range cfg.Locales {
			if loc != cfg.DefaultLocale && !contains(locales, loc) {
				locales = append(locales, loc)
			}
		}
	} else {
		var extra []string
		for loc := range found {
			if loc != cfg.DefaultLocale {
				extra = append(extra, loc)
			}
		}
		sort.Strings(extra)
		locales = append(locales, extra...)
	}
	cfg.Locales = locales
}

// placeSynonyms gives the synonyms written under a locale the site does
// not have to the locale its readers get (fr-FR, fr_FR → fr; es-MX →
// es-419; see i18n.Match), with a warning to write them there, since
// search reads the synonyms of its own locales only; those of a locale no
// site locale serves (it on a site in en and de) are left unused, with a
// warning naming the site's locales.
func (l *loader) placeSynonyms() {
	locales := l.lib.Config.Locales
	var keys []string
	for loc := range l.lib.Synonyms {
		if !contains(locales, loc) {
			keys = append(keys, loc)
		}
	}
	sort.Strings(keys)
	for _, loc := range keys {
		groups := l.lib.Synonyms[loc]
		delete(l.lib.Synonyms, loc)
		to := i18n.Match(locales, loc)
		if to == "" {
			l.probs = append(l.probs, warningAt(site.KindConfig, synonymsFile, l.synonymLines[loc], loc,
				"synonyms for %s are not used: %s is not a locale of this site (%s); add it to locales in %s, or write them under one of these", loc, loc, strings.Join(locales, ", "), configFile))
			continue
		}
		l.lib.Synonyms[to] = append(l.lib.Synonyms[to], groups...)
		l.probs = append(l.probs, warningAt(site.KindConfig, synonymsFile, l.synonymLines[loc], loc,
			"synonyms for %s are used for %s, the locale of this site its readers get (%s has no locale %s): write them under %s", loc, to, configFile, loc, to))
	}
}

// readSources reads and parses the front matter of every Markdown file,
// in parallel, or takes its reading from the Memo when the file did not
// change.
func (l *loader) readSources(ctx context.Context) error {
	ignore := ignoreKey(l.lib.Config.Check.IgnoreFields)
	files := l.memo.readings()
	return parallel(ctx, len(l.sources), func(i int) {
		s := l.sources[i]
		if r := l.memo.reading(files, s, ignore); r != nil && s.reuse(r) {
			return
		}
		s.read(l.fsys, l.lib.Config.Check.IgnoreFields)
	})
}

// readBody reads the Markdown body of a source whose reading came from the
// Memo, for rendering. A file that cannot be read any more renders empty;
// its next Load reports it.
func (s *source) readBody(fsys fs.FS) {
	data, _, err := readFile(fsys, s.path)
	if err != nil {
		return
	}
	data, _ = cleanText(data)
	if _, body, line, _, err := splitFrontMatter(data); err == nil {
		s.body, s.line = body, line
	}
}

// read loads one file and decodes its front matter.
func (s *source) read(fsys fs.FS, ignore []string) {
	data, modTime, err := readFile(fsys, s.path)
	if err != nil {
		s.probs = append(s.probs, errorAt(site.KindFile, s.path, 0, "", "cannot read: %v", err))
		return
	}
	s.sum = sha256.Sum256(data)
	s.modTime = modTime
	s.readOK = true
	data, cleaned := cleanText(data)
	if p := cleaned.problem(s.path); p != nil {
		s.probs = append(s.probs, *p)
	}
	defer func() {
		if !s.ok {
			s.raw = bytes.Clone(data[:min(len(data), 4096)])
		}
	}()
	fm, body, line, delim, err := splitFrontMatter(data)
	if err != nil {
		s.probs = append(s.probs, errorAt(site.KindFrontMatter, s.path, 1, "", "%v", err))
		return
	}
	s.body, s.line = body, line
	if delim == "" && jsonFrontMatter(body) {
		s.probs = append(s.probs, errorAt(site.KindFrontMatter, s.path, 1, "",
			"front matter in JSON is not supported: convert it to YAML between --- lines (title: \"…\" for \"title\": \"…\", one field a line); the article is not published until this is fixed"))
		return
	}
	var fields []field
	var probs []site.Problem
	if delim == "+++" {
		fields, probs = parseTOMLMapping(fm, s.path, 1)
	} else {
		fields, probs = parseYAMLMapping(fm, s.path, 1, "front matter")
	}
	s.probs = append(s.probs, probs...)
	if s.name.index {
		cat, probs := decodeCategory(s.path, fields, ignore)
		s.cat = cat
		s.probs = append(s.probs, probs...)
		s.ok = true
		return
	}
	if hasError(probs) {
		return
	}
	title, heading, at := firstHeading(body)
	m, probs, ok := decodeArticle(s.path, fields, ignore, emojify(title), heading, line+at, delim != "")
	s.meta, s.ok = m, ok
	s.probs = append(s.probs, probs...)
}

// jsonFrontMatter reports whether body opens with Hugo's JSON front
// matter: a line "{" then a line holding a quoted key and a colon.
func jsonFrontMatter(body []byte) bool {
	first, rest, _ := bytes.Cut(body, []byte("\n"))
	if string(bytes.TrimSpace(first)) != "{" {
		return false
	}
	next, _, _ := bytes.Cut(rest, []byte("\n"))
	next = bytes.TrimSpace(next)
	return len(next) > 0 && next[0] == '"' && bytes.Contains(next, []byte("\":"))
}

// readFile reads a file and its modification time with one open.
func readFile(fsys fs.FS, name string) ([]byte, time.Time, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, time.Time{}, err
	}
	buf := make([]byte, 0, fi.Size()+1)
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, time.Time{}, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
	return buf, fi.ModTime(), nil
}

func hasError(probs []site.Problem) bool {
	for _, p := range probs {
		if p.Severity == site.SeverityError {
			return true
		}
	}
	return false
}

// localePrefix is the URL prefix of a locale: "" for the default one.
func (l *loader) localePrefix(locale string) string {
	if locale == l.lib.Config.DefaultLocale {
		return ""
	}
	return "/" + locale
}

// slugPath is the URL path of a folder: "office/Outlook" → "office/outlook".
func slugPath(dir string) string {
	segs := strings.Split(dir, "/")
	for i, s := range segs {
		if slug := slugify(s); slug != "" {
			segs[i] = slug
		} else {
			segs[i] = strings.ToLower(s)
		}
	}
	return strings.Join(segs, "/")
}

// parallel runs fn for 0..n-1 on GOMAXPROCS goroutines; it stops starting
// new calls once ctx ends, and returns ctx's error then.
func parallel(ctx context.Context, n int, fn func(i int)) error {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error { fn(i); return nil })
	}
	g.Wait()
	return ctx.Err()
}

// sortProblems orders problems by file, line and column; the rest of the key
// keeps the order deterministic.
func sortProblems(probs []site.Problem) {
	sort.SliceStable(probs, func(i, j int) bool {
		a, b := probs[i], probs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Severity != b.Severity {
			return a.Severity == site.SeverityError
		}
		if a.Field != b.Field {
			return a.Field < b.Field
		}
		return a.Message < b.Message
	})
}

// dedupeProblems drops repeats of a sorted list: a file included by several
// articles reports its own problems once.
func dedupeProblems(probs []site.Problem) []site.Problem {
	out := probs[:0]
	for i, p := range probs {
		if i > 0 && p == probs[i-1] {
			continue
		}
		out = append(out, p)
	}
	return out
}

// readTopLevel reads the Markdown files at the top of the content folder,
// which are not articles. The home pages of other tools (Hugo's _index.md,
// MkDocs' index.md, a repository's README.md, the Docusaurus doc served at
// the docs' root with `slug: /`) are Guichet's home page: links to them
// lead there. The others are ignored, with a warning.
func (l *loader) readTopLevel() {
	l.homes = map[string]string{}
	for _, p := range l.top {
		f := parseFileName(p, l.known)
		switch {
		case f.index || isReadme(p):
			l.homes[p] = f.locale
		case strings.EqualFold(f.stem, "index"):
			l.homes[p] = f.locale
			l.probs = append(l.probs, warningAt(site.KindFile, p, 0, "",
				"%s is the home page in MkDocs and Hugo: Guichet makes its own home page, so it is not published and links to it lead to the home page; to publish its text, move it into a category folder", p))
		default:
			if line, ok := rootSlug(l.fsys, p); ok {
				l.homes[p] = f.locale
				l.probs = append(l.probs, warningAt(site.KindFile, p, line, "slug",
					"%s is the home page of the docs (`slug: /`): Guichet makes its own home page, so it is not published and links to it lead to the home page; to publish its text, move it into a category folder and remove `slug: /`", p))
				continue
			}
			l.probs = append(l.probs, warningAt(site.KindFile, p, 0, "", "ignored: articles must live in a category folder; move it into one (general/%s, say) to publish it", path.Base(p)))
		}
	}
}

// rootSlug reports whether the Markdown file at p has the front-matter
// field `slug: /` (Docusaurus serves it at the root of the docs), and the
// field's line.
func rootSlug(fsys fs.FS, p string) (int, bool) {
	v, line, ok := slugField(fsys, p)
	// Slashes only: an empty or null slug is no slug.
	if ok && strings.Contains(v, "/") && strings.Trim(v, "/ ") == "" {
		return line, true
	}
	return 0, false
}

// slugField returns the front-matter field `slug` of the Markdown file
// at p as written, and its line.
func slugField(fsys fs.FS, p string) (string, int, bool) {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return "", 0, false
	}
	fm, _, _, delim, err := splitFrontMatter(data)
	if err != nil || delim != "---" {
		return "", 0, false
	}
	fields, _ := parseYAMLMapping(fm, p, 1, "front matter")
	for _, f := range fields {
		if v := f.value; f.name == "slug" && v != nil && v.Kind == yaml.ScalarNode {
			return v.Value, f.line, true
		}
	}
	return "", 0, false
}

// findSlugs fills l.slugs: the URL path Docusaurus serves each article
// whose slug is a path at, below its docs' route (/docs): the slug itself
// when it starts with "/" (`slug: /install`), else the slug from the
// article's folder (`slug: tools/cli` in reference/ is
// /reference/tools/cli). Guichet serves the article at its folder and
// the slug's last segment; links written to the slug's URL lead there.
// Only the files with a slug are read again, and only their front matter
// is parsed.
func (l *loader) findSlugs() {
	l.slugs = map[string]*site.Article{}
	for _, s := range l.sources {
		if s.article == nil || s.meta.slugLine == 0 {
			continue
		}
		v, line, ok := slugField(l.fsys, s.path)
		v = strings.TrimSpace(v)
		if ok && strings.Contains(v, "/") && strings.Trim(v, "/ ") == "" {
			// The docs' root, as at the top of the folder (readTopLevel);
			// in a category, the article stays where its folder puts it.
			l.probs = append(l.probs, warningAt(site.KindFile, s.path, line, "slug",
				"`slug: /` makes this doc the home page of the docs in Docusaurus: Guichet makes its own home page, so this article is served at %s (links to /docs/ lead to the home page); remove `slug: /`", s.article.URL))
			continue
		}
		if !ok || !strings.Contains(strings.TrimRight(v, "/"), "/") {
			continue // one segment from the folder: the URL Guichet gives it
		}
		u := v
		if !strings.HasPrefix(v, "/") {
			u = "/" + path.Join(s.dir, v)
		}
		u = l.localePrefix(s.article.Locale) + strings.TrimSuffix(path.Clean(u), "/")
		if _, dup := l.slugs[u]; !dup {
			l.slugs[u] = s.article
		}
	}
	l.lib.SlugURLs = make(map[string]string, len(l.slugs))
	for u, a := range l.slugs {
		l.lib.SlugURLs[u] = a.URL
	}
}

// structureHash covers what rendering one Markdown file reads besides
// the file itself (renderCache): every article's and category's path,
// URL, ID, locale, title and description, every file name and image size,
// the locales and the settings.
//
// Only a build of the program reads the hash it wrote (the render cache
// is kept per build), so its form is free: each text is written after
// its length, and the Markdown files in the order the walk found them.
func (l *loader) structureHash() string {
	h := newHashWriter()
	for _, a := range l.lib.Articles {
		h.str("article").field(a.SourcePath, a.URL, a.ID, a.Locale, a.Title, a.Description).field(a.Aliases...).str("\n")
	}
	for _, c := range l.lib.Categories {
		h.str("category").field(c.SourcePath, c.URL, c.ID, c.Locale, c.Title, c.Description).str("\n")
	}
	h.str("markdown").field(l.mdOrder...)
	for _, p := range slices.Sorted(maps.Keys(l.homes)) {
		h.str("home").field(p, l.homes[p]).str("\n")
	}
	for _, u := range slices.Sorted(maps.Keys(l.slugs)) {
		h.str("slug").field(u, l.slugs[u].SourcePath).str("\n")
	}
	for _, f := range l.files {
		h.str("file").field(f.path).sum(f.sum).str("\n")
	}
	for _, p := range slices.Sorted(maps.Keys(l.assets)) {
		h.str("asset").field(p).size(l.sizes[p]).str("\n")
	}
	fmt.Fprintf(h, "known %v\n", l.known)
	for _, loc := range l.lib.Locales() {
		// The words rendering writes: an i18n/ or theme string changed
		// renders again.
		for _, k := range renderedWords {
			h.str("word").field(loc, k, l.words.Text(loc, k)).str("\n")
		}
	}
	cfg, _ := json.Marshal(l.lib.Config)
	h.str("config ").Write(cfg)
	return h.hex()
}

// hashWriter is a sha256 written through a buffer, with the few
// formats of hash written as fmt would.
type hashWriter struct {
	h   hash.Hash
	buf []byte
}

func newHashWriter() *hashWriter { return &hashWriter{h: sha256.New(), buf: make([]byte, 0, 64<<10)} }

func (w *hashWriter) flush() {
	if len(w.buf) > 60<<10 {
		w.h.Write(w.buf)
		w.buf = w.buf[:0]
	}
}

func (w *hashWriter) Write(b []byte) (int, error) {
	w.buf = append(w.buf, b...)
	w.flush()
	return len(b), nil
}

// str writes s as it is.
func (w *hashWriter) str(s string) *hashWriter {
	w.buf = append(w.buf, s...)
	w.flush()
	return w
}

// field writes a count, then each text after its length.
func (w *hashWriter) field(list ...string) *hashWriter {
	w.buf = binary.LittleEndian.AppendUint64(w.buf, uint64(len(list)))
	for _, s := range list {
		w.buf = binary.LittleEndian.AppendUint64(w.buf, uint64(len(s)))
		w.buf = append(w.buf, s...)
		w.flush()
	}
	return w
}

// sum writes a content hash as %x would.
func (w *hashWriter) sum(sum [sha256.Size]byte) *hashWriter {
	w.buf = hex.AppendEncode(w.buf, sum[:])
	w.flush()
	return w
}

// size writes an image size as " %v" would.
func (w *hashWriter) size(s [2]int) *hashWriter {
	w.buf = append(w.buf, " ["...)
	w.buf = strconv.AppendInt(w.buf, int64(s[0]), 10)
	w.buf = append(w.buf, ' ')
	w.buf = strconv.AppendInt(w.buf, int64(s[1]), 10)
	w.buf = append(w.buf, ']')
	w.flush()
	return w
}

// hex returns the hash of everything written, hex-encoded.
func (w *hashWriter) hex() string {
	w.h.Write(w.buf)
	w.buf = w.buf[:0]
	return hex.EncodeToString(w.h.Sum(nil))
}

// hash identifies the content: every file path and content read, the
// other files' paths and the resulting config, and the version of the
// rendering that reads them (the text the search index holds).
func (l *loader) hash() string {
	h := newHashWriter()
	h.str("render ").str(renderCacheVersion).str("\n")
	files := make([]fileSum, 0, len(l.files)+len(l.sources))
	files = append(files, l.files...)
	for _, s := range l.sources {
		files = append(files, fileSum{path: s.path, sum: s.sum})
	}
	slices.SortFunc(files, func(a, b fileSum) int { return strings.Compare(a.path, b.path) })
	for _, f := range files {
		h.str("file ").str(f.path).str(" ").sum(f.sum).str("\n")
	}
	for _, p := range slices.Sorted(maps.Keys(l.assets)) {
		h.str("asset ").str(p).size(l.sizes[p]).str("\n") // a resized image renders again
	}
	cfg, _ := json.Marshal(l.lib.Config)
	h.str("config ").Write(cfg)
	return h.hex()
}

// unparsed reports whether a site file's problems say that it does not
// parse as a whole (a YAML syntax error, or a document of the wrong
// shape), so that nothing of it could be read.
func unparsed(probs []site.Problem) bool {
	for _, pr := range probs {
		if pr.Kind == site.KindYAML && pr.Severity == site.SeverityError {
			return true
		}
	}
	return false
}

// keptSiteFile is the warning that the synonyms or redirects being served
// stay in force while their file does not parse, listed with the articles
// served at their last good version (the reload API's "kept", the admin
// page, the log's "content warning"): a typo must not send every old URL
// to 404 nor drop every synonym.
func keptSiteFile(file, what string) site.Problem {
	return warningAt(site.KindKept, file, 0, "", "the %s being served stay in force until its errors are fixed", what)
}
