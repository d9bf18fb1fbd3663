package content

import (
	"strings"
	"sync"

	"github.com/guichet/guichet/site/i18n"
)

// The words the renderer itself writes into articles are interface
// strings, as the callout titles are (calloutTitle): the default theme
// gives them in its languages, and a site's i18n/<locale>.yaml or
// theme/i18n/<locale>.yaml rewords them.
const (
	wordFootnotes        = "footnotes"         // accessible name of the footnote list
	wordBackToText       = "back_to_text"      // accessible name of a footnote's back link
	wordImageDescription = "image_description" // summary of a long image description
	wordWatchVideo       = "watch_video"       // link text of an embedded video
	wordTab              = "untitled_tab"      // summary of an unnamed tab
	wordDetails          = "untitled_details"  // summary of an untitled collapsible block
)

// renderedWords are the interface strings rendering writes into articles:
// a change to one renders again (the structure hash).
var renderedWords = []string{
	"callout_note", "callout_tip", "callout_important", "callout_warning", "callout_caution",
	wordFootnotes, wordBackToText, wordImageDescription, wordWatchVideo, wordTab, wordDetails,
}

// word returns the interface string key in the article's locale: the
// content folder's i18n/<locale>.yaml over its theme's over the default
// theme's, with the fallbacks of every interface string (a regional
// locale's language, the site's default locale, English). One the site
// leaves blank is the default theme's: the renderer never writes an
// empty label (a foldable block's toggle, a link with no text). A nil d
// (no document being rendered) gives the default theme's English.
func (d *doc) word(key string) string {
	if d == nil {
		return strings.TrimSpace(defaultWords().Text(i18n.Reference, key))
	}
	if d.in.words != nil {
		if t := strings.TrimSpace(d.in.words.Text(d.in.Locale, key)); t != "" {
			return t
		}
	}
	return strings.TrimSpace(d.r.words.Text(d.in.Locale, key))
}

// defaultWords are the default theme's strings, read once: the words of
// a Renderer whose Input brings none.
var defaultWords = sync.OnceValue(func() *i18n.Catalog { return themeWords(nil, "", nil, "", nil) })
