package tickets

import (
	"encoding/json"
	"fmt"
	"io"
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
	fmt.Fprintf(w, "%s: %d rows in %s: %d created, %d updated, %d unchanged, %d skipped\n",
		path, s.Rows, took, s.Created, s.Updated, s.Unchanged, s.Rejected)
	kept := s.Rows - s.Rejected
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
