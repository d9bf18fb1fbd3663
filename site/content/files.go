package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/guichet/guichet/site"
)

// maxArticleBytes is the largest Markdown file read: far above any real
// article (the Microsoft corpus's largest is 120 KB), and low enough that
// pathological Markdown cannot hold a load for minutes.
const maxArticleBytes = 1 << 20

// checkEntry decides whether the content file p may be read, reporting a
// problem when not: only regular files and symbolic links to files of the
// same kind inside the folder (an image to an image, an article to an
// article) that are neither in a hidden folder nor a site file; never a
// file hard-linked from elsewhere; Markdown no larger than
// maxArticleBytes. It returns the file's information (a link's target's)
// when it may, the problem when not; it changes nothing in l, so that
// files are checked in parallel.
func (l *loader) checkEntry(p string, d fs.DirEntry) (fs.FileInfo, *site.Problem) {
	mode := d.Type()
	switch {
	case mode&fs.ModeSymlink != 0:
		target, err := l.resolveLink(p)
		if err != nil {
			return nil, problem(errorAt(site.KindFile, p, 0, "", "symbolic link %v: it is not published; link to a file inside the folder or copy the file in", err))
		}
		info, err := fs.Stat(l.fsys, p)
		if err != nil {
			return nil, problem(errorAt(site.KindFile, p, 0, "", "symbolic link points outside the content folder (or to nothing): it is not published; link to a file inside the folder or copy the file in"))
		}
		if info.IsDir() {
			return nil, problem(warningAt(site.KindFile, p, 0, "", "symbolic link to a folder is not followed; move the folder here or link its files one by one"))
		}
		if why := badTarget(p, target); why != "" {
			return nil, problem(errorAt(site.KindFile, p, 0, "", "symbolic link to %s: %s; it is not published", target, why))
		}
		return info, checkFile(p, info)
	case !mode.IsRegular():
		return nil, problem(warningAt(site.KindFile, p, 0, "", "not a regular file (a pipe, socket or device): skipped"))
	}
	info, err := d.Info()
	if err != nil {
		return nil, problem(errorAt(site.KindFile, p, 0, "", "cannot read: %v", err))
	}
	return info, checkFile(p, info)
}

func problem(p site.Problem) *site.Problem { return &p }

// checkFile refuses hard-linked files (the other name may be outside the
// folder; git never makes them) and oversized Markdown.
func checkFile(p string, info fs.FileInfo) *site.Problem {
	if hardLinked(info) {
		return problem(errorAt(site.KindFile, p, 0, "", "the file is hard-linked from elsewhere (more than one name on disk): it is not read; copy it instead"))
	}
	if isMarkdown(p) && info.Size() > maxArticleBytes {
		return problem(errorAt(site.KindFile, p, 0, "", "the file is %d KB, over the %d KB an article may be: it is not read; split it", info.Size()>>10, maxArticleBytes>>10))
	}
	return nil
}

// resolveLink follows the symbolic link p, and any link it leads to,
// lexically inside the folder, and returns the final path. It refuses
// absolute links, links leaving the folder and loops.
func (l *loader) resolveLink(p string) (string, error) {
	cur := p
	for hops := 0; hops < 40; hops++ {
		info, err := fs.Lstat(l.fsys, cur)
		if errors.Is(err, fs.ErrNotExist) && cur != p {
			return "", fmt.Errorf("points to %s, which does not exist", cur)
		}
		if err != nil {
			return "", fmt.Errorf("cannot be read: %w", err)
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			return cur, nil
		}
		t, err := fs.ReadLink(l.fsys, cur)
		if err != nil {
			return "", fmt.Errorf("cannot be read: %w", err)
		}
		if path.IsAbs(t) || strings.HasPrefix(t, `\`) {
			return "", fmt.Errorf("is absolute (%s): only a link to a file inside the content folder, written relative to its own folder, is published", t)
		}
		next := path.Join(path.Dir(cur), t)
		if next == ".." || strings.HasPrefix(next, "../") {
			return "", fmt.Errorf("points outside the content folder (%s)", t)
		}
		cur = next
	}
	return "", fmt.Errorf("goes round in a loop")
}

// badTarget says why the link p may not point to target, "" when it may:
// the target must be a file of the same kind, outside hidden folders, and
// not one of the site's own files.
func badTarget(p, target string) string {
	for _, seg := range strings.Split(target, "/") {
		if strings.HasPrefix(seg, ".") {
			return "a hidden file or folder (like .git)"
		}
	}
	switch target {
	case configFile, synonymsFile, redirectsFile:
		return "a site settings file"
	}
	kind := func(f string) string {
		switch {
		case isMarkdown(f):
			return "article"
		case site.IsImage(f):
			return "image"
		case site.IsAttachment(f):
			return strings.ToLower(path.Ext(f))
		}
		return "other"
	}
	if k, kt := kind(p), kind(target); k != kt || k == "other" {
		return fmt.Sprintf("a file of another kind (a link named %s must point to a %s file)", path.Base(p), path.Ext(p))
	}
	return ""
}
