package tickets

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
)

// FormatIntercom is Intercom's conversations as its API lists them
// (JSON only: Intercom has no conversation CSV export).
const FormatIntercom = "intercom"

// listKeys are the keys under which helpdesk API answers and exports hold
// their list of tickets: Zendesk's {"tickets": […]} and search
// {"results": […]}, Intercom's {"conversations": […]}, Help Scout's
// {"_embedded": {"conversations": […]}}.
var listKeys = map[string]bool{"tickets": true, "conversations": true, "results": true, "data": true, "items": true}

// jsonReader reads tickets from a JSON export one at a time, in constant
// memory: a list, an object holding the list (any of listKeys, or under
// "_embedded"), or one ticket object per line (Zendesk's JSON data export,
// NDJSON).
type jsonReader struct {
	dec    *json.Decoder
	lines  *lineCounter
	format string
	loc    *time.Location
	depth  int  // objects open around the list
	list   bool // inside the list
	fields map[string]json.RawMessage
	start  int // line of the top-level object being walked
	// first is the first ticket, read ahead to recognise the format.
	first     json.RawMessage
	firstLine int
}

func newJSONReader(r io.Reader, format string, loc *time.Location) (*Reader, error) {
	if err := knownFormat(format, true); err != nil {
		return nil, err
	}
	lc := &lineCounter{r: r, line: 1}
	jr := &jsonReader{dec: json.NewDecoder(lc), lines: lc, loc: loc}
	raw, line, err := jr.advance()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("line %d: the JSON holds no tickets: expected a list of tickets, an object holding one under \"tickets\", \"conversations\" or \"_embedded\", or one ticket per line", line)
	}
	if err != nil {
		return nil, err
	}
	jr.first, jr.firstLine = raw, line
	if jr.format = format; format == "" {
		jr.format = detectJSONFormat(raw)
	}
	return &Reader{format: jr.format, js: jr, loc: loc}, nil
}

// detectJSONFormat names the helpdesk a ticket object comes from by the
// fields only it has.
func detectJSONFormat(raw json.RawMessage) string {
	var f map[string]json.RawMessage
	_ = json.Unmarshal(raw, &f)
	has := func(k string) bool { _, ok := f[k]; return ok }
	switch {
	case string(f["type"]) == `"conversation"` || has("conversation_parts") || has("admin_assignee_id"):
		return FormatIntercom
	case has("mailboxId") || has("createdAt") || has("primaryCustomer"):
		return FormatHelpScout
	case has("description_text") || has("fr_escalated") || has("responder_id"):
		return FormatFreshdesk
	case has("raw_subject") || has("via") || has("submitter_id"):
		return FormatZendesk
	}
	return FormatCSV
}

// advance returns the next ticket object of the file and its line.
func (jr *jsonReader) advance() (json.RawMessage, int, error) {
	for {
		if jr.list {
			if jr.dec.More() {
				var raw json.RawMessage
				if err := jr.dec.Decode(&raw); err != nil {
					return nil, 0, jr.syntax(err)
				}
				return raw, jr.lines.at(jr.dec.InputOffset() - int64(len(raw))), nil
			}
			if _, err := jr.dec.Token(); err != nil { // ]
				return nil, 0, jr.syntax(err)
			}
			jr.list = false
			continue
		}
		line := jr.lines.at(jr.dec.InputOffset())
		tok, err := jr.dec.Token()
		if errors.Is(err, io.EOF) && jr.depth == 0 {
			return nil, line, io.EOF
		}
		if err != nil {
			return nil, line, jr.syntax(err)
		}
		if jr.depth == 0 {
			line = jr.lines.at(jr.dec.InputOffset() - 1)
			switch tok {
			case json.Delim('['):
				jr.list = true
			case json.Delim('{'):
				jr.depth, jr.fields, jr.start = 1, map[string]json.RawMessage{}, line
			default:
				return nil, line, fmt.Errorf("expected a ticket object or a list of tickets, found %v", tok)
			}
			continue
		}
		if tok == json.Delim('}') {
			jr.depth--
			if jr.depth == 0 && jr.fields != nil && looksLikeTicket(jr.fields) {
				raw, _ := json.Marshal(jr.fields)
				jr.fields = nil
				return raw, jr.start, nil
			}
			continue
		}
		key, _ := tok.(string)
		if listKeys[key] || key == "_embedded" {
			if jr.dec.More() { // the value's first byte, to tell a list or an object
				var open json.Token
				if open, err = jr.dec.Token(); err != nil {
					return nil, line, jr.syntax(err)
				}
				switch open {
				case json.Delim('['):
					jr.list, jr.fields = true, nil
					continue
				case json.Delim('{'):
					jr.depth++
					jr.fields = nil
					continue
				}
				if jr.fields != nil {
					b, _ := json.Marshal(open)
					jr.fields[key] = b
				}
				continue
			}
		}
		var v json.RawMessage
		if err := jr.dec.Decode(&v); err != nil {
			return nil, line, jr.syntax(err)
		}
		if jr.fields != nil && jr.depth == 1 {
			jr.fields[key] = v
		}
	}
}

// syntax turns a decoding error into one naming the line and column.
func (jr *jsonReader) syntax(err error) error {
	off := jr.dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		off, err = jr.lines.read, fmt.Errorf("the JSON ends in the middle of a value: the file is cut short")
	}
	line, col := jr.lines.position(off)
	return &jsonError{fmt.Errorf("line %d, column %d: %w", line, col, err)}
}

// jsonError is a JSON syntax error; it names its line and column.
type jsonError struct{ err error }

func (e *jsonError) Error() string { return e.err.Error() }
func (e *jsonError) Unwrap() error { return e.err }

func looksLikeTicket(f map[string]json.RawMessage) bool {
	_, id := f["id"]
	_, ext := f["external_id"]
	return id || ext
}

// jsonTicket holds the fields of the helpdesks' ticket objects.
type jsonTicket struct {
	ID              json.RawMessage `json:"id"`
	ExternalID      json.RawMessage `json:"external_id"`
	Number          json.RawMessage `json:"number"`
	Subject         string          `json:"subject"`
	Title           string          `json:"title"`
	Description     string          `json:"description"`
	DescriptionText string          `json:"description_text"`
	Body            string          `json:"body"`
	Preview         string          `json:"preview"`
	Source          json.RawMessage `json:"source"`
	Tags            json.RawMessage `json:"tags"`
	CreatedAt       json.RawMessage `json:"created_at"`
	CreatedAtCamel  json.RawMessage `json:"createdAt"`
	Locale          string          `json:"locale"`
	Language        string          `json:"language"`
	Article         string          `json:"article"`
}

// next reads the next ticket, dates like 03/04/2026 in the reader's
// order (SetDateOrder: "dmy", "mdy"; "" refuses them, the ticket's row
// error: the order is learnt from the file only for CSV).
func (jr *jsonReader) next(order string) (site.Ticket, int, error) {
	raw, line := jr.first, jr.firstLine
	if raw != nil {
		jr.first = nil
	} else {
		var err error
		if raw, line, err = jr.advance(); err != nil {
			if _, ok := err.(*jsonError); ok {
				line = 0 // the error names it
			}
			return site.Ticket{}, line, err
		}
	}
	var jt jsonTicket
	var te *json.UnmarshalTypeError
	if err := json.Unmarshal(raw, &jt); err != nil && !errors.As(err, &te) {
		return site.Ticket{}, line, &RowError{Line: line, Err: err}
	}
	var src struct{ Subject, Body string }
	if bytes.HasPrefix(jt.Source, []byte("{")) {
		_ = json.Unmarshal(jt.Source, &src) // Intercom's first message
	}
	t := site.Ticket{
		ExternalID: firstNonEmpty(scalar(jt.ID), scalar(jt.ExternalID), scalar(jt.Number)),
		Subject:    firstNonEmpty(jt.Subject, jt.Title, src.Subject),
		Body:       firstNonEmpty(jt.DescriptionText, htmlText(jt.Description), jt.Body, htmlText(src.Body), jt.Preview),
		Locale:     firstNonEmpty(jt.Locale, jt.Language), Article: jt.Article, Source: jr.format,
		Tags: jsonTags(jt.Tags),
	}
	created := firstNonEmpty(scalar(jt.CreatedAt), scalar(jt.CreatedAtCamel))
	if created == "" {
		return t, line, &RowError{Line: line, Err: fmt.Errorf("created_at is missing")}
	}
	var err error
	if t.CreatedAt, err = parseTime(created, jr.loc, order); err != nil {
		return t, line, &RowError{Line: line, Err: fmt.Errorf("created_at: %w", err)}
	}
	return t, line, nil
}

// scalar is a JSON string or number as text, "" for null or anything else.
// A whole number written with a fraction or an exponent is written as the
// integer it is ("9001.0" and "1e3" are "9001" and "1000": one ticket's ID
// exported two ways was two tickets).
func scalar(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return NumberID(n)
	}
	return ""
}

// NumberID is a JSON number as an ID's text: a whole number written with a
// fraction or an exponent is the integer it is ("9001.0" and "9.001e3" are
// "9001"), for JSON files and the tickets API alike.
func NumberID(n json.Number) string {
	if strings.ContainsAny(n.String(), ".eE") {
		if f, err := n.Float64(); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
			return strconv.FormatInt(int64(f), 10)
		}
	}
	return n.String()
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// jsonTags reads tags as each helpdesk writes them: a list of names
// (Zendesk, Freshdesk), of objects with a "tag" or "name" (Help Scout), an
// object listing them under "tags" (Intercom), or a comma-separated string.
func jsonTags(raw json.RawMessage) []string {
	var names []string
	if json.Unmarshal(raw, &names) == nil {
		return splitTags(strings.Join(names, ","), false)
	}
	type tag struct{ Tag, Name string }
	var objs []tag
	if json.Unmarshal(raw, &objs) != nil {
		var list struct{ Tags []tag }
		if json.Unmarshal(raw, &list) != nil {
			var s string
			_ = json.Unmarshal(raw, &s)
			return splitTags(s, false)
		}
		objs = list.Tags
	}
	for _, o := range objs {
		names = append(names, firstNonEmpty(o.Tag, o.Name))
	}
	return splitTags(strings.Join(names, ","), false)
}

var (
	// htmlMarkup tells an HTML body from plain text that holds angle
	// brackets ("<Invalid header>", "x < 3"): an element of mail HTML.
	htmlMarkup = regexp.MustCompile(`(?i)<(p|br|div|span|a|b|i|u|em|strong|font|ul|ol|li|h[1-6]|table|tr|td|th|img|hr|pre|code|blockquote|html|body|head|style|meta)(\s[^<>]*)?/?>|</(p|div|span|a|li|td|tr|table|html|body)>`)
	// htmlHidden is what a mail's HTML holds that nobody wrote to be read:
	// style sheets, scripts, the head, comments.
	htmlHidden = regexp.MustCompile(`(?is)<(style|script|head)\b.*?</(style|script|head)\s*>|<!--.*?-->`)
	htmlBreak  = regexp.MustCompile(`(?i)<br\s*/?>|</(p|div|li|h[1-6])>`)
	htmlTag    = regexp.MustCompile(`<[^>]*>`)
)

// htmlText is the text of a message body, its paragraphs on lines: an
// HTML one (Freshdesk's description, Intercom's messages) without its
// markup, a plain-text one (Zendesk's description) as it is.
func htmlText(s string) string {
	if !htmlMarkup.MatchString(s) {
		return s
	}
	s = htmlHidden.ReplaceAllString(s, "")
	return html.UnescapeString(htmlTag.ReplaceAllString(htmlBreak.ReplaceAllString(s, "\n"), ""))
}

// htmlEntity is a character reference as HTML exports write them in
// subjects ("Billing &amp; invoices", "Can&#39;t log in").
var htmlEntity = regexp.MustCompile(`&(amp|lt|gt|quot|apos|nbsp|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});`)

// subjectText is a subject as its customer wrote it: some helpdesks export
// it as HTML ("<b>Refund</b> &amp; invoice"), which named the topic, the
// draft's title and the FAQ entry with its markup. A subject with neither
// markup nor a character reference ("x < 3", "Q&A") is kept as it is.
func subjectText(s string) string {
	switch {
	case htmlMarkup.MatchString(s) || htmlHidden.MatchString(s):
		s = htmlText(htmlHidden.ReplaceAllString(s, ""))
	case htmlEntity.MatchString(s):
		s = html.UnescapeString(s)
	default:
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// lineCounter counts the lines of what it reads, so that offsets the JSON
// decoder reports become lines; it keeps only the newlines the decoder has
// not passed yet.
type lineCounter struct {
	r        io.Reader
	read     int64   // bytes read
	newlines []int64 // offsets of the newlines not yet passed
	line     int     // the line at passed
	lineAt   int64   // offset where line starts
}

func (lc *lineCounter) Read(p []byte) (int, error) {
	n, err := lc.r.Read(p)
	for i, c := range p[:n] {
		if c == '\n' {
			lc.newlines = append(lc.newlines, lc.read+int64(i))
		}
	}
	lc.read += int64(n)
	return n, err
}

// at returns the line of offset off, which must not go back.
func (lc *lineCounter) at(off int64) int {
	l, _ := lc.position(off)
	return l
}

// position returns the line and column (in bytes, from 1) of offset off.
func (lc *lineCounter) position(off int64) (int, int) {
	for len(lc.newlines) > 0 && lc.newlines[0] < off {
		lc.line++
		lc.lineAt = lc.newlines[0] + 1
		lc.newlines = lc.newlines[1:]
	}
	if len(lc.newlines) == 0 {
		lc.newlines = nil
	}
	return lc.line, int(off-lc.lineAt) + 1
}
