package tickets

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/textnorm"
)

// Import formats.
const (
	FormatCSV       = "csv"
	FormatZendesk   = "zendesk"
	FormatFreshdesk = "freshdesk"
	FormatHelpScout = "helpscout"
)

// Formats lists the import formats.
func Formats() []string {
	return []string{FormatZendesk, FormatFreshdesk, FormatHelpScout, FormatCSV}
}

// knownFormat is nil for "" (recognise the format) and a format an export
// can be read in: one of Formats, or Intercom too when the export may be
// JSON; else a site.EINVALID error naming those there are.
func knownFormat(format string, json bool) error {
	if _, ok := columns[format]; ok || format == "" || json && format == FormatIntercom {
		return nil
	}
	names := Formats()
	if json {
		names = append(names, FormatIntercom)
	}
	return site.Errorf(site.EINVALID, "unknown format %q: use one of %s", format, strings.Join(names, ", "))
}

// Ticket fields a CSV column can feed.
const (
	colID      = "id"
	colSubject = "subject"
	colBody    = "body"
	colTags    = "tags"
	colCreated = "created_at"
	colLocale  = "locale"
	colArticle = "article"
)

// columns maps, per format, each field to the header names that feed it,
// compared case-insensitively, spaces and underscores alike; the first
// header found wins. The names are those of each helpdesk's CSV export:
// Zendesk (Reporting › Export: "Id", "Subject", "Tags" separated by
// spaces, "Created at" like "2024-03-05 14:22"), Freshdesk (Tickets ›
// Export: "Ticket ID", "Subject", "Description", "Tags" separated by
// commas, "Created time" like "2024-03-05 14:22:10", the contact's
// "Language"), Help Scout (conversation exports: "Conversation ID" or
// "Number", "Subject", "Preview", "Tags", "Created At"). Each format also
// takes the generic names, so an export with an extra "locale" or
// "article" column keeps it.
var columns = map[string]map[string][]string{
	FormatCSV: {},
	FormatZendesk: {
		colID: {"id", "ticket id"}, colSubject: {"subject"}, colBody: {"description"},
		colTags: {"tags"}, colCreated: {"created at"}, colLocale: {"requester language", "language", "locale"},
	},
	FormatFreshdesk: {
		colID: {"ticket id", "id"}, colSubject: {"subject"}, colBody: {"description"},
		colTags: {"tags"}, colCreated: {"created time", "created at"}, colLocale: {"language", "locale"},
	},
	FormatHelpScout: {
		colID: {"conversation id", "id", "conversation number", "number"}, colSubject: {"subject"},
		colBody: {"preview", "body", "first message"}, colTags: {"tags"},
		colCreated: {"created at", "created", "date created", "conversation created"}, colLocale: {"language", "locale"},
	},
}

// genericColumns are the header names of the generic format, accepted by
// every format.
var genericColumns = map[string][]string{
	colID:      {"id", "external_id", "ticket id", "ticket number", "conversation id", "case number", "number"},
	colSubject: {"subject", "ticket subject", "title", "summary"},
	colBody:    {"body", "description", "ticket description", "message", "first message", "preview"},
	colTags:    {"tags", "ticket tags", "labels"},
	colCreated: {"created_at", "created at", "created", "created time", "ticket created - timestamp",
		"ticket created - date", "date created", "creation date", "date", "opened"},
	colLocale:  {"locale", "language", "requester language", "ticket language"},
	colArticle: {"article", "article_id", "article_url"},
}

// localColumns are the generic names as helpdesks export them in the
// interface's other languages (an export follows its agent's language:
// "Asunto", "Fecha de creación", "Betreff", "Date de création"), accepted
// by every format after the English ones.
var localColumns = map[string][]string{
	colID: {"n° de ticket", "numero de ticket", "id du ticket", "id de ticket", "id del ticket", "numero del ticket",
		"ticket nummer", "ticketnummer", "ticket nr", "id do ticket", "numero do ticket", "n° do ticket", "n° del ticket"},
	colSubject: {"sujet", "objet", "asunto", "betreff", "oggetto", "onderwerp", "assunto", "titre", "titulo", "titel", "titolo"},
	colBody: {"contenu", "mensaje", "descripcion", "beschreibung", "nachricht", "descrizione", "messaggio", "beschrijving",
		"bericht", "descricao", "mensagem"},
	colTags: {"etiquettes", "etiquetas", "schlagworter", "stichworter", "etichette", "tag", "labels"},
	colCreated: {"date de creation", "cree le", "cree", "fecha de creacion", "creado", "creado el", "erstellt", "erstellt am",
		"erstellungsdatum", "data di creazione", "creato", "creato il", "aangemaakt", "aangemaakt op", "aanmaakdatum",
		"data de criacao", "criado em", "criado"},
	colLocale: {"langue", "langue du demandeur", "idioma", "idioma del solicitante", "sprache", "sprache des anfragenden",
		"lingua", "lingua del richiedente", "taal", "taal van aanvrager", "idioma do solicitante"},
}

func init() {
	for field, names := range localColumns {
		genericColumns[field] = append(genericColumns[field], names...)
	}
}

// RowError is a CSV row that could not be read as a ticket.
type RowError struct {
	Line int
	Err  error
}

func (e *RowError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Reader reads tickets from a helpdesk's CSV export, one row at a time.
type Reader struct {
	r      *csv.Reader
	format string
	cols   map[string]int // field → column index
	loc    *time.Location
	header []string
	sep    rune // the CSV separator: ',', ';' or tab
	// encoding is the text encoding the file was decoded from, "" for
	// UTF-8 (see decoded).
	encoding string
	late     *lateCharset // a file ASCII in its first 64 KiB, decided later
	js       *jsonReader
	name     string // the file's name, for errors
	// order is how dates like 03/04/2026 are read: day first ("dmy") or
	// month first ("mdy"); "" until given or learnt from the file.
	order, orderWhy string
	at              io.ReaderAt // the file, for learning the date order
}

// signatures are header names only one helpdesk's export has, by format;
// DetectFormat counts them. Zendesk's and Freshdesk's are from their
// documented exports; Help Scout's from its conversation export. They are
// compared as written (case and runs of spaces aside): the generic
// "created_at" is not Zendesk's "Created at".
var signatures = map[string][]string{
	FormatZendesk:   {"requester", "requester id", "requester email", "submitter", "via", "ticket type", "satisfaction score"},
	FormatFreshdesk: {"ticket id", "created time", "due by time", "resolved time", "closed time", "last update time", "agent", "source"},
	FormatHelpScout: {"conversation id", "conversation number", "mailbox", "customer", "customer email", "preview"},
	FormatCSV:       {"external_id", "created_at", "body", "locale", "article"},
}

// weakSignatures are names an export has that other files share ("Id",
// "Created at" are Zendesk's, and Help Scout's and the generic format's
// too): they only break ties, so a distinctive name always wins, and
// count only with a distinctive name of the format or all together: a
// header with "Id" and none of Zendesk's other columns ("id,subject,tags")
// is generic, not a Zendesk export lacking "Created at".
var weakSignatures = map[string][]string{
	FormatZendesk: {"created at", "id"},
}

// DetectFormat names the export a CSV header comes from: the format whose
// distinctive column names it has the most of (names shared with other
// exports only break ties); the generic format when it holds only generic
// names; "" when it has none of them.
func DetectFormat(header []string) string {
	have, generic := map[string]bool{}, map[string]bool{}
	for _, h := range header {
		h = strings.TrimPrefix(h, "\ufeff")
		have[signatureKey(h)], generic[headerKey(h)] = true, true
	}
	best, score := "", 0
	for _, f := range Formats() { // in order: helpdesks before the generic format
		n, weak := 0, 0
		for _, name := range signatures[f] {
			if have[name] {
				n += 100
			}
		}
		for _, name := range weakSignatures[f] {
			if have[name] {
				weak++
			}
		}
		if n > 0 || weak == len(weakSignatures[f]) {
			n += weak
		}
		if n > score {
			best, score = f, n
		}
	}
	if best == "" {
		for _, name := range genericColumns[colSubject] {
			if generic[headerKey(name)] {
				return FormatCSV
			}
		}
	}
	return best
}

// signatureKey is h lower-cased with its runs of spaces made one; unlike
// headerKey, it keeps underscores, which tell generic files apart.
func signatureKey(h string) string {
	return strings.ToLower(strings.Join(strings.Fields(h), " "))
}

// NewReader reads the header of a CSV export in format and returns a
// reader of its tickets; an empty format is recognised from the header
// (DetectFormat, see Reader.Format). Times without a zone are read in loc
// (UTC when nil). An unknown format, or a header missing a required column,
// is an error naming what is missing.
func NewReader(r io.Reader, format string, loc *time.Location) (*Reader, error) {
	if loc == nil {
		loc = time.UTC
	}
	br, encoding, late := decoded(r)
	if first, _ := br.Peek(512); bytes.HasPrefix(bytes.TrimLeft(first, " \t\r\n"), []byte("{")) ||
		bytes.HasPrefix(bytes.TrimLeft(first, " \t\r\n"), []byte("[")) {
		return newJSONReader(br, format, loc)
	}
	if err := knownFormat(format, false); err != nil {
		return nil, err
	}
	cr := csv.NewReader(br)
	cr.Comma = sniffSeparator(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("line 1: the file is empty, a header row is required")
		}
		return nil, fmt.Errorf("line 1: read header: %w", err)
	}
	header = append([]string(nil), header...)
	if format == "" {
		if format = DetectFormat(header); format == "" {
			return nil, fmt.Errorf("line 1: the header %s is not one of a known export (%s) nor the generic one: name the format with --format, or name the columns id, subject and created_at",
				quoteList(header), strings.Join(Formats(), ", "))
		}
	}
	names := columns[format]
	index := map[string]int{}
	for i, h := range header {
		k := headerKey(h)
		if _, dup := index[k]; !dup {
			index[k] = i
		}
	}
	rd := &Reader{r: cr, format: format, cols: map[string]int{}, loc: loc, header: header, sep: cr.Comma, encoding: encoding, late: late}
	rd.at, _ = r.(io.ReaderAt)
	for _, field := range []string{colID, colSubject, colBody, colTags, colCreated, colLocale, colArticle} {
		for _, name := range append(append([]string(nil), names[field]...), genericColumns[field]...) {
			if i, ok := index[headerKey(name)]; ok {
				rd.cols[field] = i
				break
			}
		}
	}
	var missing []string
	for _, field := range []string{colID, colSubject, colCreated} {
		if _, ok := rd.cols[field]; !ok {
			want := append(append([]string(nil), names[field]...), genericColumns[field]...)
			missing = append(missing, fmt.Sprintf("%s (a column named %s)", field, quoteList(want)))
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("line 1: the %s header lacks %s; it has %s", FormatName(format), strings.Join(missing, " and "), quoteList(header))
	}
	return rd, nil
}

// decoded returns r as UTF-8 text, its byte-order mark dropped, and the
// encoding it was decoded from, "" for UTF-8: a file with a UTF-16
// byte-order mark (Excel's "Unicode text") is UTF-16; one whose first
// 64 KiB hold bytes that are not UTF-8 and no character UTF-8 writes in
// several bytes is Windows-1252, as Excel on Windows saves CSV in western
// European languages ("Réponse" with the byte E9), which was refused row
// by row.
// One whose first 64 KiB are ASCII is decided by its first byte that is
// not (lateCharset, returned to tell what it decided).
func decoded(r io.Reader) (*bufio.Reader, string, *lateCharset) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10)
	switch {
	case bytes.HasPrefix(head, []byte("\ufeff")):
		br.Discard(3) // Excel's byte-order mark
		return br, "", nil
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}), bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10), "UTF-16", nil
	}
	// Text with a character of several bytes in UTF-8 is UTF-8, its
	// rows that are not refused one by one; invalid bytes and none such
	// are Windows-1252.
	invalid := false
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		if size > 1 {
			return br, "", nil
		}
		invalid = invalid || r == utf8.RuneError
		head = head[size:]
	}
	if !invalid {
		// ASCII so far: the first byte that is not decides, however late.
		late := &lateCharset{}
		return bufio.NewReaderSize(transform.NewReader(br, late), 64<<10), "", late
	}
	return bufio.NewReaderSize(transform.NewReader(br, charmap.Windows1252.NewDecoder()), 64<<10), "Windows-1252", nil
}

// lateCharset decodes a file whose first 64 KiB are ASCII: it passes
// ASCII through until the first byte that is not, and from there reads
// the rest as UTF-8 when that byte starts a UTF-8 character, else as
// Windows-1252 (an English export whose first accent, "Caf\xe9", comes on
// line 3,000 was read as UTF-8 and that row refused as not UTF-8).
type lateCharset struct {
	transform.NopResetter
	decided bool
	cp1252  transform.Transformer // the decoder once Windows-1252 is decided
	lines   int                   // the lines passed before the decision
}

// Transform implements transform.Transformer.
func (l *lateCharset) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if !l.decided {
		i := 0
		for i < len(src) && src[i] < utf8.RuneSelf {
			i++
		}
		n := copy(dst, src[:i])
		l.lines += bytes.Count(src[:n], []byte("\n"))
		switch {
		case n < i:
			return n, n, transform.ErrShortDst
		case i == len(src):
			return n, n, nil
		case !utf8.FullRune(src[i:]) && !atEOF:
			return n, n, transform.ErrShortSrc
		}
		l.decided = true
		if r, size := utf8.DecodeRune(src[i:]); r == utf8.RuneError && size <= 1 {
			l.cp1252 = charmap.Windows1252.NewDecoder()
		}
		d, s, err := l.Transform(dst[n:], src[n:], atEOF)
		return n + d, n + s, err
	}
	if l.cp1252 != nil {
		return l.cp1252.Transform(dst, src, atEOF)
	}
	n := copy(dst, src)
	if n < len(src) {
		return n, n, transform.ErrShortDst
	}
	return n, n, nil
}

// sniffSeparator is the separator of a CSV header: the comma unless the
// first line holds more semicolons (spreadsheets in locales that write
// decimals with a comma save CSV with semicolons) or tabs, outside quotes.
func sniffSeparator(br *bufio.Reader) rune {
	head, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	count := map[byte]int{}
	quoted := false
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ',' || c == ';' || c == '\t'):
			count[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if count[c] > count[best] {
			best = c
		}
	}
	return rune(best)
}

// Separator names the separator the reader found: "commas", "semicolons",
// "tabs", or "" for JSON.
func (rd *Reader) Separator() string {
	switch rd.sep {
	case ',':
		return "commas"
	case ';':
		return "semicolons"
	case '\t':
		return "tabs"
	}
	return ""
}

// Format returns the format the reader reads, the one recognised from the
// header when none was given.
func (rd *Reader) Format() string { return rd.format }

// LateEncoding says, once the file is read, how a file whose first 64 KiB
// are ASCII was decoded when a later byte is not UTF-8: "Windows-1252
// from line N"; "" when the file is UTF-8 (or its encoding was known from
// its start, see decoded).
func (rd *Reader) LateEncoding() string {
	if rd.late == nil || rd.late.cp1252 == nil {
		return ""
	}
	return fmt.Sprintf("Windows-1252 (not UTF-8) from line %d, its first character that is not ASCII; the lines before are ASCII", rd.late.lines+1)
}

// headerKey is h lower-cased, accents folded ("Fecha de creación" is
// "fecha de creacion"), with its spaces, underscores and hyphens made one
// space. The ordinal indicator of Spanish and Portuguese "Nº" is read as
// the degree sign of French "N°", as both are typed for "number".
func headerKey(h string) string {
	h = strings.ReplaceAll(h, "º", "°")
	return strings.Join(strings.FieldsFunc(textnorm.Fold(h), func(r rune) bool { return r == ' ' || r == '_' || r == '-' }), " ")
}

func quoteList(list []string) string {
	q := make([]string, 0, len(list))
	seen := map[string]bool{}
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			q = append(q, strconv.Quote(s))
		}
	}
	if len(q) > 12 {
		q = append(q[:12], "…")
	}
	return strings.Join(q, ", ")
}

// Next returns the next ticket and the line it starts on, io.EOF at the
// end, or a *RowError for a row that cannot be read (reading can go on).
func (rd *Reader) Next() (site.Ticket, int, error) {
	if rd.js != nil {
		return rd.js.next(rd.order)
	}
	rec, err := rd.r.Read()
	for err == nil && len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
		rec, err = rd.r.Read() // a blank line
	}
	if err != nil {
		if errors.Is(err, io.EOF) {
			return site.Ticket{}, 0, io.EOF
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			where := ""
			if pe.Line != pe.StartLine {
				// A quote left open swallows the rows after it: say
				// which lines are lost with this one.
				where = fmt.Sprintf("lines %d to %d, read as one row (a quoted field runs across them): line %d, ", pe.StartLine, pe.Line, pe.Line)
			}
			return site.Ticket{}, pe.StartLine, &RowError{Line: pe.StartLine, Err: fmt.Errorf("%scolumn %d: %w: check the quotes of that row (a field holding a quote must be quoted, its quotes doubled)", where, pe.Column, pe.Err)}
		}
		return site.Ticket{}, 0, err
	}
	line, _ := rd.r.FieldPos(0)
	get := func(field string) string {
		if i, ok := rd.cols[field]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	t := site.Ticket{
		ExternalID: get(colID), Subject: get(colSubject), Body: get(colBody),
		Locale: get(colLocale), Article: get(colArticle), Source: rd.format,
		Tags: splitTags(get(colTags), rd.format == FormatZendesk || rd.format == FormatCSV),
	}
	// Each field on its own: two invalid halves joined can read as one
	// valid character.
	for _, s := range append([]string{t.Subject, t.Body, t.ExternalID, t.Locale, t.Article}, t.Tags...) {
		if !utf8.ValidString(s) {
			return t, line, &RowError{Line: line, Err: fmt.Errorf("the row is not valid UTF-8: export the file as UTF-8")}
		}
	}
	if n := len(rec); n < len(rd.header) && rd.cols[colCreated] >= n {
		return t, line, &RowError{Line: line, Err: fmt.Errorf("the row has %d columns, the header %d", n, len(rd.header))}
	}
	created, column := get(colCreated), rd.header[rd.cols[colCreated]]
	if created == "" {
		return t, line, &RowError{Line: line, Err: fmt.Errorf("created_at (column %q) is empty", column)}
	}
	if t.CreatedAt, err = rd.parseDate(created); err != nil {
		var oe *orderError
		if errors.As(err, &oe) {
			return t, line, err // not a row's fault: the import stops
		}
		return t, line, &RowError{Line: line, Err: fmt.Errorf("created_at (column %q): %w", column, err)}
	}
	return t, line, nil
}

// fatal is an error that stops reading at line (0: the error says where),
// naming the file when the reader knows it: "tickets.csv:12: …".
func (rd *Reader) fatal(line int, err error) error {
	switch {
	case line > 0 && rd.name != "":
		return fmt.Errorf("%s:%d: %w", rd.name, line, err)
	case line > 0:
		return fmt.Errorf("line %d: %w", line, err)
	case rd.name != "":
		return fmt.Errorf("%s: %w", rd.name, err)
	}
	return err
}

// SetDateOrder says how dates written with two numbers before the year
// are read: "dmy" (03/04/2026 is 3 April) or "mdy" (March 4); "" learns it
// from the file.
func (rd *Reader) SetDateOrder(order string) error {
	switch order {
	case "", dayFirst, monthFirst:
		rd.order, rd.orderWhy = order, "as asked"
		return nil
	}
	return site.Errorf(site.EINVALID, "date order %q: use dmy (day first, 03/04/2026 is 3 April) or mdy (month first, March 4)", order)
}

// DateOrder describes how ambiguous dates were read, "" when the file had
// none: `day first (line 57 has "25/11/2026")`.
func (rd *Reader) DateOrder() string {
	if rd.order == "" || rd.orderWhy == "" {
		return ""
	}
	name := map[string]string{dayFirst: "day first", monthFirst: "month first"}[rd.order]
	return name + " (" + rd.orderWhy + ")"
}

// orderError stops an import whose dates cannot be read without knowing
// whether the day or the month comes first.
type orderError struct{ msg string }

func (e *orderError) Error() string { return e.msg }

// parseDate reads a date of the file; the first date like 03/04/2026,
// whose order the reader does not know yet, makes it learn the order from
// the file's other dates (a day above 12 tells): never a guess.
func (rd *Reader) parseDate(s string) (time.Time, error) {
	t, err := parseTime(s, rd.loc, rd.order)
	var amb *ambiguousDate
	if rd.order != "" || !errors.As(err, &amb) {
		return t, err
	}
	if err := rd.learnOrder(s); err != nil {
		return time.Time{}, err
	}
	return parseTime(s, rd.loc, rd.order)
}

// learnOrder scans the date column of the whole file (read again from
// its start, through ReadAt, so the import's reading is not disturbed, and
// decoded as the import decodes it) for
// dates whose order shows: 25/11/2026 is day first, 11/25/2026 month first.
func (rd *Reader) learnOrder(s string) error {
	ask := "pass --date-order dmy (day first: 3 April) or mdy (month first: March 4)"
	unread := &orderError{fmt.Sprintf("column %q: %q could be day or month first: %s", rd.header[rd.cols[colCreated]], s, ask)}
	if rd.at == nil {
		return unread
	}
	br, _, _ := decoded(io.NewSectionReader(rd.at, 0, 1<<62)) // as the import reads it: UTF-16 too
	cr := csv.NewReader(br)
	cr.Comma, cr.FieldsPerRecord, cr.ReuseRecord = rd.sep, -1, true
	col := rd.cols[colCreated]
	seen := map[string]string{} // order → the first date showing it, with its line
	for i := 0; len(seen) < 2; i++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				continue
			}
			return unread // a pipe cannot be read again
		}
		if i == 0 || col >= len(rec) {
			continue // the header
		}
		m := numericDate.FindStringSubmatch(strings.TrimSpace(rec[col]))
		if m == nil {
			continue
		}
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[3])
		o := ""
		switch {
		case a > 12 && b <= 12:
			o = dayFirst
		case b > 12 && a <= 12:
			o = monthFirst
		}
		if _, ok := seen[o]; o != "" && !ok {
			l, _ := cr.FieldPos(col)
			seen[o] = fmt.Sprintf("line %d has %q", l, strings.TrimSpace(rec[col]))
		}
	}
	switch {
	case len(seen) == 2:
		return &orderError{fmt.Sprintf("column %q: the file's dates disagree on the order of day and month (%s, %s): %s",
			rd.header[col], seen[dayFirst], seen[monthFirst], ask)}
	case len(seen) == 0:
		return &orderError{fmt.Sprintf("column %q: %q could be day or month first, and no date of the file has a day above 12 to tell: %s",
			rd.header[col], s, ask)}
	}
	for o, why := range seen {
		rd.order, rd.orderWhy = o, why
	}
	return nil
}

// splitTags splits a tags cell on commas or semicolons (Freshdesk and Help
// Scout tags may hold spaces); with spaces set (Zendesk, whose tags have
// none, and generic files), a cell without a comma or semicolon is split
// on spaces.
func splitTags(s string, spaces bool) []string {
	if s == "" {
		return nil
	}
	var parts []string
	if !spaces || strings.ContainsAny(s, ",;") {
		parts = strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' })
	} else {
		parts = strings.Fields(s)
	}
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// timeLayouts are the date forms helpdesk exports use; those without a
// zone are read in the import's time zone.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006-01-02",
	"Jan 2, 2006 15:04",
	"Jan 2, 2006 3:04 PM",
	"January 2, 2006 15:04",
	"Jan 2, 2006",
}

// ParseTime reads a ticket date: RFC 3339, the "YYYY-MM-DD HH:MM[:SS]"
// forms of helpdesk exports with or without a zone offset, "Jan 2, 2006"
// forms, or unix seconds. Times without a zone are in loc.
// A date like 03/04/2026, whose day and month could be either way round,
// is an error: dates are never guessed.
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	return parseTime(s, loc, "")
}

// Orders of the day and the month in dates like 03/04/2026.
const (
	dayFirst   = "dmy"
	monthFirst = "mdy"
)

// ambiguousDate is a date like 03/04/2026 read without a known order.
type ambiguousDate struct{ s string }

func (e *ambiguousDate) Error() string {
	return fmt.Sprintf("%q could be day or month first: write dates as 2026-04-03", e.s)
}

// parseTime is ParseTime with the order of dates like 03/04/2026.
func parseTime(s string, loc *time.Location, order string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if loc == nil {
		loc = time.UTC
	}
	for _, layout := range timeLayouts {
		t, err := time.ParseInLocation(layout, s, loc)
		if err != nil {
			continue
		}
		// An unknown zone abbreviation parses with a zero offset.
		if name, off := t.Zone(); strings.Contains(layout, "MST") && off == 0 && name != "UTC" && name != "GMT" {
			return time.Time{}, fmt.Errorf("%q: unknown time zone %q; use an offset like +0200", truncate(s, 40), name)
		}
		return t, nil
	}
	if t, ok, err := parseNumericDate(s, loc, order); ok || err != nil {
		return t, err
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 600000000 && n < 1e11 {
		return time.Unix(n, 0), nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date like 2024-03-05 14:22 or 2024-03-05T14:22:00Z", truncate(s, 40))
}

// numericDate matches "08-04-2026 20:52", "4/8/2026 8:52:10 PM" and the
// like: two numbers before a four-digit year, then an optional time.
var numericDate = regexp.MustCompile(`^(\d{1,2})([-/.])(\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$`)

// parseNumericDate reads dates written with the year last, as spreadsheets
// re-save exports, in order ("dmy" or "mdy"). Without an order, a date
// whose first or second number is above 12 shows its order; with "-" or
// "." the day comes first; otherwise ("03/04/2026") it is ambiguous and an
// *ambiguousDate error. ok is false when s is not such a date.
func parseNumericDate(s string, loc *time.Location, order string) (t time.Time, ok bool, err error) {
	m := numericDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false, nil
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[3])
	year, _ := strconv.Atoi(m[4])
	if order == "" {
		switch {
		case a > 12:
			order = dayFirst
		case b > 12:
			order = monthFirst
		case m[2] != "/" || a == b:
			order = dayFirst
		default:
			return time.Time{}, false, &ambiguousDate{s}
		}
	}
	day, month := a, b
	if order == monthFirst {
		day, month = b, a
	}
	hour, minute, sec := 0, 0, 0
	if m[5] != "" {
		hour, _ = strconv.Atoi(m[5])
		minute, _ = strconv.Atoi(m[6])
		if m[7] != "" {
			sec, _ = strconv.Atoi(m[7])
		}
		switch strings.ToLower(m[8]) {
		case "pm":
			if hour < 12 {
				hour += 12
			}
		case "am":
			if hour == 12 {
				hour = 0
			}
		}
	}
	t = time.Date(year, time.Month(month), day, hour, minute, sec, 0, loc)
	if month < 1 || month > 12 || day < 1 || t.Day() != day || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false, nil
	}
	return t, true, nil
}

// Summary counts what an import did.
type Summary struct {
	Rows      int `json:"rows"`
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Rejected  int `json:"rejected"`
	// Ignored counts the automatic replies and bounces (AutoReply).
	Ignored  int            `json:"ignored"`
	Linked   map[string]int `json:"linked"` // by method
	Unlinked int            `json:"unlinked"`
	// DateOrder tells how dates like 03/04/2026 were read (Reader.DateOrder).
	DateOrder string `json:"date_order,omitempty"`
	// Encoding tells, for a file ASCII until a late line, the encoding
	// that line decided (Reader.LateEncoding); "" otherwise.
	Encoding string `json:"encoding,omitempty"`
	// Unsupported counts the tickets taken in a language the site lacks,
	// by that language (Result.Unsupported); AsLocale is the locale they
	// count in, the default. NotLanguages counts, by the value as given
	// (lower-cased), those whose language is no language at all
	// ("<script>", "xx": i18n.LanguageOf knows none), taken in AsLocale too.
	Unsupported  map[string]int `json:"unsupported_languages,omitempty"`
	NotLanguages map[string]int `json:"not_languages,omitempty"`
	AsLocale     string         `json:"unsupported_counted_as,omitempty"`
}

// Add counts one result.
func (s *Summary) Add(r Result) {
	s.Rows++
	switch {
	case r.Status == site.TicketRejected:
		s.Rejected++
		return
	case r.Status == site.TicketIgnored:
		s.Ignored++
		return
	case r.Status == site.TicketCreated:
		s.Created++
	case r.Changed:
		s.Updated++
	default:
		s.Unchanged++
	}
	if s.Linked == nil {
		s.Linked = map[string]int{}
	}
	if r.Unsupported != "" {
		to := &s.Unsupported
		if i18n.LanguageOf(r.Unsupported) == "" {
			to = &s.NotLanguages
		}
		if *to == nil {
			*to = map[string]int{}
		}
		(*to)[r.Unsupported]++
		s.AsLocale = r.Locale
	}
	if r.Link.Method == "" {
		s.Unlinked++
	} else {
		s.Linked[r.Link.Method]++
	}
}

// importBatch is how many rows are linked and written together.
const importBatch = 1000

// Import reads a CSV export and ingests its tickets in batches, so memory
// stays constant whatever the file's size: while one batch is written, the
// next is read, cleaned and linked. Each rejected row (unreadable, or
// refused by Clean) is passed to report with its line number, as are
// warnings, in line order; the import goes on. It returns the counts; an error (the
// store, a broken file) stops it, and the batches written before stay
// written (for a broken file, every ticket read before the break).
func Import(ctx context.Context, rd *Reader, in *Ingester, report func(Result)) (Summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Items reach the writer in file order: prepared batches with the
	// unreadable rows among them, and at most one error, last. The rows
	// the reader refuses wait for their batch, so that the writer reports
	// them among the rows the batch refuses (no ID, no subject), in line
	// order.
	type item struct {
		pending *Pending
		lines   []int
		rows    []Result // unreadable rows, in line order
		err     error
	}
	items := make(chan item, 1)
	var order, encoding string // the reader's date order and late encoding, set before items closes
	go func() {
		defer func() { order, encoding = rd.DateOrder(), rd.LateEncoding(); close(items) }()
		send := func(it item) bool {
			select {
			case items <- it:
				return true
			case <-ctx.Done():
				return false
			}
		}
		batch := make([]site.Ticket, 0, importBatch)
		lines := make([]int, 0, importBatch)
		var rows []Result
		// flush sends the batch and the unreadable rows among it; with
		// prepare false (dates that cannot be read), only the rows.
		flush := func(prepare bool) bool {
			if len(batch) == 0 && len(rows) == 0 {
				return true
			}
			it := item{rows: rows}
			if prepare && len(batch) > 0 {
				p, err := in.Prepare(ctx, batch)
				if err != nil {
					err = fmt.Errorf("lines %d-%d: %w", lines[0], lines[len(lines)-1], err)
				}
				it.pending, it.lines, it.err = p, lines, err
			}
			ok := send(it)
			batch, lines, rows = make([]site.Ticket, 0, importBatch), make([]int, 0, importBatch), nil
			return ok && it.err == nil
		}
		for ctx.Err() == nil {
			t, line, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			var re *RowError
			if errors.As(err, &re) {
				rows = append(rows, Result{ExternalID: t.ExternalID, Status: site.TicketRejected, Reason: re.Err.Error(), Line: re.Line})
				if len(rows) == importBatch && !flush(true) {
					return
				}
				continue
			}
			if err != nil {
				// A broken file (JSON cut short) keeps the tickets read
				// whole before it, as a batch filled before it is kept;
				// dates that cannot be read stop before writing.
				var oe *orderError
				if !flush(!errors.As(err, &oe)) {
					return
				}
				send(item{err: rd.fatal(line, err)})
				return
			}
			batch = append(batch, t)
			lines = append(lines, line)
			if len(batch) == importBatch && !flush(true) {
				return
			}
		}
		if err := ctx.Err(); err != nil {
			send(item{err: err})
			return
		}
		flush(true)
	}()
	var sum Summary
	for it := range items {
		if it.err != nil {
			for _, r := range it.rows { // read before the error
				sum.Add(r)
				report(r)
			}
			return sum, it.err
		}
		var results []Result
		if it.pending != nil {
			var err error
			if results, err = in.Commit(ctx, it.pending); err != nil {
				return sum, fmt.Errorf("lines %d-%d: %w", it.lines[0], it.lines[len(it.lines)-1], err)
			}
		}
		// The batch's results and its unreadable rows, merged by line.
		rows := it.rows
		for i, r := range results {
			r.Line = it.lines[i]
			for len(rows) > 0 && rows[0].Line < r.Line {
				sum.Add(rows[0])
				report(rows[0])
				rows = rows[1:]
			}
			sum.Add(r)
			if r.Status == site.TicketRejected || r.Warning != "" {
				report(r)
			}
		}
		for _, r := range rows {
			sum.Add(r)
			report(r)
		}
	}
	sum.DateOrder, sum.Encoding = order, encoding
	return sum, ctx.Err()
}
