package web_test

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
)

// seoFiles is a small two-language help center whose descriptions are
// written in Markdown and whose FAQ answer links to another article.
func seoFiles() map[string]string {
	return map[string]string{
		"guichet.yaml":          "title: Docs\nbase_url: https://docs.test\ndefault_locale: en\nlocales: [en, de]\n",
		"shipping/_index.md":    "---\ntitle: Shipping\ndescription: \"Send **parcels** with [labels](/x)\"\n---\n",
		"shipping/labels.md":    "---\ntitle: Print a label\ndescription: \"Use **bold** & [links](/x) — not here\"\nfaq: true\n---\nSee [drop-off](drop-off.md) first.\n",
		"shipping/drop-off.md":  "---\ntitle: Drop off a parcel\ndescription: \"Paper <A4> only, when a < b\"\n---\nBring the parcel.\n",
		"shipping/labels.de.md": "---\ntitle: Etikett drucken\ndescription: \"Mit *Etikett* drucken\"\n---\nText.\n",
	}
}

// TestFAQStructuredDataLinksAreAbsolute: the FAQPage answers' links to
// other pages of the site are absolute, as in the feeds: search engines
// read the text away from the page.
func TestFAQStructuredDataLinksAreAbsolute(t *testing.T) {
	e, _ := newEnvFS(t, seoFiles())
	faq, _ := structured(t, e.page(t, "/faq"))["FAQPage"]
	b, _ := json.Marshal(faq)
	text := string(b)
	if !strings.Contains(text, `href=\"https://docs.test/shipping/drop-off\"`) || strings.Contains(text, `href=\"/`) {
		t.Errorf("FAQPage answer links are not absolute:\n%s", text)
	}
}

// TestAtomFeedsNameThemselvesAndTheirLanguage: every Atom feed links to
// itself (rel="self", RFC 4287 SHOULD) and says its language on <feed>.
func TestAtomFeedsNameThemselvesAndTheirLanguage(t *testing.T) {
	e, _ := newEnvFS(t, seoFiles())
	for _, c := range []struct{ path, lang string }{{"/feed.atom", "en"}, {"/de/feed.atom", "de"}, {"/shipping/feed.atom", "en"}} {
		var atom struct {
			Lang  string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
			Links []struct {
				Rel  string `xml:"rel,attr"`
				Href string `xml:"href,attr"`
			} `xml:"link"`
			Entries []struct{} `xml:"entry"`
		}
		w := e.do(t, "GET", c.path, nil)
		if err := xml.Unmarshal(w.Body.Bytes(), &atom); err != nil || w.Code != 200 {
			t.Fatalf("%s: %d %v", c.path, w.Code, err)
		}
		if atom.Lang != c.lang {
			t.Errorf("%s: xml:lang %q, want %q", c.path, atom.Lang, c.lang)
		}
		self := ""
		for _, l := range atom.Links {
			if l.Rel == "self" {
				self = l.Href
			}
		}
		if self != "https://docs.test"+c.path {
			t.Errorf("%s: self link %q; links %+v", c.path, self, atom.Links)
		}
		if len(atom.Entries) == 0 {
			t.Errorf("%s: no entries", c.path)
		}
	}
}
