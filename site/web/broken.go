package web

import (
	"strings"

	"github.com/guichet/guichet/site"
)

// brokenPage is the dev-mode error panel shown in place of an article whose
// file has errors.
type brokenPage struct {
	basePage
	Broken site.Broken
	Errors []panelError
	Lines  []panelLine
}

// panelError is one error of the panel: the problem, its message and the
// likely fix apart.
type panelError struct {
	site.Problem
	Text, Fix string
}

// panelLine is a line of the broken file, marked when an error is on it.
type panelLine struct {
	N     int
	Text  string
	Error bool
}

// brokenData is the dev-mode error panel of an article file that does not
// load: where each error is, in words, with the start of the file.
func brokenData(v *site.View, br site.Broken) *brokenPage {
	b := newBase(v, br.Locale, br.SourcePath, "", br.URL)
	b.NoIndex = true
	p := &brokenPage{basePage: b, Broken: br}
	marked := map[int]bool{}
	for _, e := range br.Errors {
		msg, fix, _ := strings.Cut(e.Message, ". Fix: ")
		p.Errors = append(p.Errors, panelError{Problem: e, Text: msg, Fix: fix})
		marked[e.Line] = true
	}
	for i, l := range br.Lines {
		p.Lines = append(p.Lines, panelLine{N: i + 1, Text: l, Error: marked[i+1]})
	}
	return p
}
