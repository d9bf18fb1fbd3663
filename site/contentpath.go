package site

import (
	"path"
	"strings"
)

// SkippedName reports whether a file or folder of the content folder is
// left out of the content by its name: hidden ones and node_modules;
// folders starting with "_" too (Jekyll's _drafts, Hugo's _index is a
// file).
func SkippedName(name string, dir bool) bool {
	if strings.HasPrefix(name, ".") || name == "node_modules" {
		return true
	}
	return dir && strings.HasPrefix(name, "_")
}

// SkippedPath reports whether the file at p (slash-separated, relative to
// the content folder) is left out of the content by its name or a
// folder's (SkippedName).
func SkippedPath(p string) bool {
	segs := strings.Split(p, "/")
	for i, seg := range segs {
		if seg != ".." && seg != "." && SkippedName(seg, i < len(segs)-1) {
			return true
		}
	}
	return false
}

// SnippetPath reports whether the Markdown file at p is a piece of text
// for other articles to include rather than an article: DocFX keeps them
// in folders named includes, MkDocs sites in folders named snippets.
func SnippetPath(p string) bool {
	for _, seg := range strings.Split(path.Dir(p), "/") {
		if strings.EqualFold(seg, "includes") || strings.EqualFold(seg, "snippets") {
			return true
		}
	}
	return false
}

// ArticleFolder reports whether Markdown files written in folder (a
// slash-separated path relative to the content folder) are read as
// articles: not when the folder or one above it is left out by its name
// (SkippedName) or holds snippets (SnippetPath). The content loader and
// the drafts the gap report writes follow it.
func ArticleFolder(folder string) bool {
	p := path.Join(folder, "article.md")
	return !SkippedPath(p) && !SnippetPath(p)
}
