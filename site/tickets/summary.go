package tickets

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
)

// WriteJSON prints the summary as JSON for scripts:
// {"summary": {...}, "seconds": took}.
func (s Summary) WriteJSON(w io.Writer, took time.Duration) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{"summary": s, "seconds": took.Seconds()})
}

// WriteText writes the summary of an import of path that took took, as
// `guichet tickets import` prints it.
func (s Summary) WriteText(w io.Writer, path string, took time.Duration) {
	ignored := ""
	if s.Ignored > 0 {
		ignored = fmt.Sprintf(", %d ignored (automatic replies and bounces)", s.Ignored)
	}
	fmt.Fprintf(w, "%s: %s in %s: %d created, %d updated, %d unchanged, %d skipped%s\n",
		path, site.Count(s.Rows, "row"), took, s.Created, s.Updated, s.Unchanged, s.Rejected, ignored)
	if s.DateOrder != "" {
		fmt.Fprintf(w, "dates like 03/04/2026 read %s\n", s.DateOrder)
	}
	if s.Encoding != "" {
		fmt.Fprintf(w, "read in %s\n", s.Encoding)
	}
	kept := s.Rows - s.Rejected - s.Ignored
	if kept == 0 {
		return
	}
	methods := make([]string, 0, len(s.Linked))
	for m := range s.Linked {
		methods = append(methods, m)
	}
	sort.Strings(methods)
	var parts []string
	for _, m := range methods {
		parts = append(parts, fmt.Sprintf("%d by %s", s.Linked[m], m))
	}
	if len(parts) == 0 {
		parts = []string{"none"}
	}
	fmt.Fprintf(w, "linked to an article: %s; unlinked: %d (see guichet gaps)\n", strings.Join(parts, ", "), s.Unlinked)
	if len(s.Unsupported) > 0 {
		langs := make([]string, 0, len(s.Unsupported))
		n := 0
		for l, k := range s.Unsupported {
			langs, n = append(langs, fmt.Sprintf("%s %d", l, k)), n+k
		}
		sort.Strings(langs)
		fmt.Fprintf(w, "%s in a language the site has no locale for (%s): taken as %s, the default (linked, grouped and counted there, their words read as %s)\n",
			site.Count(n, "ticket"), strings.Join(langs, ", "), s.AsLocale, s.AsLocale)
	}
	if len(s.NotLanguages) > 0 {
		vals := make([]string, 0, len(s.NotLanguages))
		n := 0
		for l, k := range s.NotLanguages {
			vals, n = append(vals, fmt.Sprintf("%q %d", l, k)), n+k
		}
		sort.Strings(vals)
		fmt.Fprintf(w, "%s whose language is not a language (%s): taken as %s, the default\n",
			site.Count(n, "ticket"), strings.Join(vals, ", "), s.AsLocale)
	}
}

// FormatName is how people know a format: "Zendesk", "generic CSV".
func FormatName(f string) string {
	switch f {
	case FormatZendesk:
		return "Zendesk"
	case FormatFreshdesk:
		return "Freshdesk"
	case FormatHelpScout:
		return "Help Scout"
	case FormatIntercom:
		return "Intercom"
	}
	return "generic CSV"
}

// WriteText writes a skipped or warned-about row of an import as a line
// naming the file and line: `path:12: ticket "4411": skipped: reason`.
func (r Result) WriteText(w io.Writer, path string) {
	id := ""
	if r.ExternalID != "" {
		id = fmt.Sprintf(" ticket %q:", r.ExternalID)
	}
	if r.Status == site.TicketRejected {
		fmt.Fprintf(w, "%s:%d:%s skipped: %s\n", path, r.Line, id, r.Reason)
	} else {
		fmt.Fprintf(w, "%s:%d:%s warning: %s\n", path, r.Line, id, r.Warning)
	}
}

// CheckOptions returns OpenFile's site.EINVALID error for an unknown
// format, time zone or date order, nil when all three are known.
func CheckOptions(format, timezone, dateOrder string) error {
	if _, err := time.LoadLocation(timezone); err != nil {
		return site.Errorf(site.EINVALID, "--timezone %q: %v", timezone, err)
	}
	if err := knownFormat(format, true); err != nil {
		return err
	}
	return (&Reader{}).SetDateOrder(dateOrder)
}

// OpenFile opens the export at path for Import: its format ("" recognises
// it), the time zone of its dates written without one (an IANA name, ""
// for UTC) and the order of dates like 03/04/2026 ("dmy", "mdy", or ""
// to learn it from the file). Errors name the file; an unknown format,
// time zone or date order is a site.EINVALID error (what was asked, not
// the file), returned before the file is opened. The note says how the file is read, for the person
// importing it.
func OpenFile(path, format, timezone, dateOrder string) (rd *Reader, note string, closeFile func() error, err error) {
	// What was asked is checked before the file is read: a mistyped
	// --format or --date-order is a usage error whether the file is there or not.
	if err := CheckOptions(format, timezone, dateOrder); err != nil {
		return nil, "", nil, err
	}
	loc, _ := time.LoadLocation(timezone)
	f, err := os.Open(path)
	if err != nil {
		return nil, "", nil, fmt.Errorf("open tickets file: %w", err)
	}
	if rd, err = NewReader(f, format, loc); err == nil {
		err = rd.SetDateOrder(dateOrder)
	}
	if err != nil {
		f.Close()
		return nil, "", nil, fmt.Errorf("%s: %w", path, err)
	}
	rd.name = path
	how := "as a " + FormatName(rd.Format()) + " export"
	if rd.js != nil && rd.Format() == FormatCSV {
		how = "as JSON tickets"
	} else if rd.js != nil {
		how = "as " + FormatName(rd.Format()) + " JSON"
	} else if rd.sep != ',' {
		how += " separated by " + rd.Separator()
	}
	if rd.encoding != "" {
		how += " in " + rd.encoding + " (not UTF-8)"
	}
	if format == "" {
		how += " (recognised from its " + map[bool]string{true: "fields", false: "header"}[rd.js != nil] + "; --format chooses another)"
	}
	note = fmt.Sprintf("Reading %s %s; dates without a time zone are read in %s (--timezone).", path, how, loc)
	return rd, note, f.Close, nil
}
