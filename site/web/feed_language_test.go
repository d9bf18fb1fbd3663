package web_test

import (
	"encoding/json"
	"encoding/xml"
	"testing"
)

// TestRSSAndJSONFeedsSayTheirLanguage: the Atom feed says its language
// and its address; the RSS and JSON feeds of the same articles said
// neither, so a reader could not tell /de/feed.rss was German (nor set
// the direction of an Arabic one), and a JSON Feed handed around did not
// say where to poll it (feed_url, which JSON Feed strongly recommends)
// (a newcomer, rv23d).
func TestRSSAndJSONFeedsSayTheirLanguage(t *testing.T) {
	e, _ := newEnvFS(t, seoFiles())
	for _, c := range []struct{ base, lang string }{{"/", "en"}, {"/de/", "de"}, {"/shipping/", "en"}} {
		var rss struct {
			Channel struct {
				Language string     `xml:"language"`
				Items    []struct{} `xml:"item"`
			} `xml:"channel"`
		}
		w := e.do(t, "GET", c.base+"feed.rss", nil)
		if err := xml.Unmarshal(w.Body.Bytes(), &rss); err != nil || w.Code != 200 {
			t.Fatalf("%sfeed.rss: %d %v", c.base, w.Code, err)
		}
		if rss.Channel.Language != c.lang || len(rss.Channel.Items) == 0 {
			t.Errorf("%sfeed.rss: language %q (%d items), want %q", c.base, rss.Channel.Language, len(rss.Channel.Items), c.lang)
		}
		var jf struct {
			Language string     `json:"language"`
			FeedURL  string     `json:"feed_url"`
			Items    []struct{} `json:"items"`
		}
		w = e.do(t, "GET", c.base+"feed.json", nil)
		if err := json.Unmarshal(w.Body.Bytes(), &jf); err != nil || w.Code != 200 {
			t.Fatalf("%sfeed.json: %d %v", c.base, w.Code, err)
		}
		if jf.Language != c.lang || jf.FeedURL != "https://docs.test"+c.base+"feed.json" || len(jf.Items) == 0 {
			t.Errorf("%sfeed.json: language %q, feed_url %q (%d items), want %q and its own address", c.base, jf.Language, jf.FeedURL, len(jf.Items), c.lang)
		}
	}
}
