package static_test

import (
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/static"
)

// TestReadingDelay: the site records a reading after site.ReadingDelay on
// screen, the delay the stores count back from when they tell an article
// opened after a search from the page the search was typed on.
func TestReadingDelay(t *testing.T) {
	js, err := static.FS.ReadFile("js/app.js")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)function reading\(.*?type: 'view'.*?\}, (\d+)\);`).FindSubmatch(js)
	if m == nil {
		t.Fatal("app.js: no reading timer found in function reading")
	}
	ms, _ := strconv.Atoi(string(m[1]))
	if got := time.Duration(ms) * time.Millisecond; got != site.ReadingDelay {
		t.Errorf("app.js records a reading after %v, site.ReadingDelay is %v", got, site.ReadingDelay)
	}
}
