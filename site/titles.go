package site

import "strings"

// TitleSeparator joins the parts of a page's <title>.
const TitleSeparator = " – "

// distinctTitles names, by URL, the pages of the view whose title another
// visible page of the same locale also has: each is told apart by the
// titles of its categories, nearest first ("Administration – Exchange
// Online"), as many as it takes. Titles nobody shares are not listed.
func (v *View) distinctTitles() map[string]string {
	type page struct {
		url, locale, title string
		parent             string // ID of the category to name next
		text               string
	}
	var pages []*page
	for _, a := range v.byURL {
		pages = append(pages, &page{url: a.URL, locale: a.Locale, title: a.Title, parent: a.SectionID, text: a.Title})
	}
	for _, c := range v.catByURL {
		if v.CountIn(c.ID, c.Locale) == 0 {
			continue // not served
		}
		pages = append(pages, &page{url: c.URL, locale: c.Locale, title: c.Title, parent: c.ParentID, text: c.Title})
	}
	out := map[string]string{}
	// Each round names one more category for the pages that still share
	// their title; a page whose categories are all named keeps its text.
	for round := 0; round < 64; round++ {
		groups := map[string][]*page{}
		for _, p := range pages {
			k := p.locale + "\x00" + strings.ToLower(p.text)
			groups[k] = append(groups[k], p)
		}
		var shared []*page
		for _, g := range groups {
			if len(g) > 1 {
				shared = append(shared, g...)
			}
		}
		changed := false
		for _, p := range shared {
			if p.parent == "" {
				continue
			}
			c, err := v.Category(p.parent, p.locale)
			if err != nil {
				p.parent = ""
				continue
			}
			p.text += TitleSeparator + c.Title
			p.parent = c.ParentID
			out[p.url] = p.text
			changed = true
		}
		if !changed {
			break
		}
	}
	return out
}

// PageTitle is the title of the article or category at url as its page's
// <title> says it, before the site's name: its own title, followed by the
// titles of its categories when another page of its locale has the same
// title (see distinctTitles); title when the view has nothing to add.
func (v *View) PageTitle(url, title string) string {
	if t, ok := v.titles[url]; ok {
		return t
	}
	return title
}
