package tickets

import (
	"strings"
	"testing"
	"time"
)

// TestParseTimeClock: the twelve-hour clock of spreadsheet dates (12 AM is
// midnight, 12 PM noon, any case, with or without a space), and dates with
// the year last read in the import's time zone.
func TestParseTimeClock(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"4/8/2026 12:30 AM", "2026-04-08T00:30:00Z"},
		{"4/8/2026 12:30 PM", "2026-04-08T12:30:00Z"},
		{"4/8/2026 1:05 am", "2026-04-08T01:05:00Z"},
		{"4/8/2026 11:59:59 PM", "2026-04-08T23:59:59Z"},
		{"4/8/2026 8:52pm", "2026-04-08T20:52:00Z"},
		{"4/8/2026 0:30 AM", "2026-04-08T00:30:00Z"},
		{"31/12/2026", "2026-12-31T00:00:00Z"},    // "/" with a first number above 12: day first
		{"12/31/2026", "2026-12-31T00:00:00Z"},    // "/" otherwise: month first
		{"8.4.2026 9:05", "2026-04-08T09:05:00Z"}, // "." is always day first
		{"29-02-2028", "2028-02-29T00:00:00Z"},    // a leap day
	} {
		got, err := parseTime(c.in, nil, monthFirst)
		if strings.HasPrefix(c.in, "31") || strings.Contains(c.in, ".") || strings.Contains(c.in, "-") {
			got, err = parseTime(c.in, nil, dayFirst)
		}
		if err != nil || got.UTC().Format(time.RFC3339) != c.want {
			t.Errorf("parseTime(%q) = %v, %v; want %s", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"29-02-2026", "4/8/2026 12:60 PM", "4/8/2026 8:52:61", "0/8/2026", "4/0/2026", "4/8/2026 PM", "4//8/2026"} {
		if got, err := ParseTime(bad, nil); err == nil {
			t.Errorf("ParseTime(%q) = %v, want an error", bad, got)
		} else if !strings.Contains(err.Error(), bad) {
			t.Errorf("ParseTime(%q) error %q does not name the value", bad, err)
		}
	}
	// Without a zone, the import's time zone: winter and summer time.
	loc := paris(t)
	for _, c := range []struct{ in, want string }{
		{"15/01/2026 09:30", "2026-01-15T08:30:00Z"},
		{"15/07/2026 09:30", "2026-07-15T07:30:00Z"},
		{"7/15/2026 9:30 AM", "2026-07-15T07:30:00Z"},
	} {
		got, err := ParseTime(c.in, loc) // each shows its order
		if err != nil || got.UTC().Format(time.RFC3339) != c.want {
			t.Errorf("ParseTime(%q) in Paris = %v, %v; want %s", c.in, got, err, c.want)
		}
	}
	// Unix seconds are an instant: the time zone does not move them.
	a, err1 := ParseTime("1788289353", loc)
	b, err2 := ParseTime("1788289353", nil)
	if err1 != nil || err2 != nil || !a.Equal(b) {
		t.Errorf("unix seconds differ by zone: %v %v (%v, %v)", a, b, err1, err2)
	}
}

// TestSplitTags: tags as each export writes them.
func TestSplitTags(t *testing.T) {
	for _, c := range []struct {
		in     string
		spaces bool
		want   string
	}{
		{"billing refund", true, "billing|refund"},
		{"billing refund", false, "billing refund"},
		{"billing issue, refund", true, "billing issue|refund"},
		{"a;b; c", false, "a|b|c"},
		{" , ,", false, ""},
		{"", true, ""},
		{"  lone  ", true, "lone"},
	} {
		if got := strings.Join(splitTags(c.in, c.spaces), "|"); got != c.want {
			t.Errorf("splitTags(%q, %v) = %q, want %q", c.in, c.spaces, got, c.want)
		}
	}
}
