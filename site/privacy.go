package site

import (
	"net/netip"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Patterns of personal data people paste into search boxes. Read-only.
var (
	emailPattern = regexp.MustCompile(`(?i)[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}`)
	// 13 to 19 digits, optionally grouped by spaces or dashes: card
	// numbers, which never start with 0 (a phone's trunk or international
	// prefix does: 0033 6 12 34 56 78).
	cardPattern = regexp.MustCompile(`\b[1-9](?:[ -]?\d){12,18}\b`)
	// An optional + or (, then at least 8 digits with the separators
	// phone numbers are written with (spaces, parentheses, dots, dashes):
	// a phone number unless it is a date, an address or a version (see
	// keptNumber).
	phonePattern = regexp.MustCompile(`\+?\(?\d(?:[ ().-]{0,2}\d){7,}`)
	// slashPhone is the German way: an area code from 0, a slash, the
	// number (030/1234567, 07071/12345), not inside a path
	// (/reports/2024-05/8412).
	slashPhone = regexp.MustCompile(`(?:^|[^\w./-])(0\d{1,5} ?/ ?\d(?:[ .-]?\d){3,})`)
	// hexCode is an error code written in hexadecimal (0x80004005,
	// 0x800F081F), as software of every kind reports them.
	// bareHexCode is one written without 0x (8007000E, 80070005), an
	// error code when HexErrorCode says so.
	hexCode     = regexp.MustCompile(`\b0[xX][0-9a-fA-F]{4,16}\b`)
	bareHexCode = regexp.MustCompile(`\b[0-9a-fA-F]{8}\b`)
	// uuidPattern: a UUID, 8-4-4-4-12 hexadecimal digits.
	uuidPattern = regexp.MustCompile(`\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b`)
	// An IBAN, the whole text: a country's two letters, two check digits
	// and up to 30 letters and digits, in groups of four or not (FR76 3000
	// 6000 0112 3456 7890 189). See ibanSpans.
	ibanPattern = regexp.MustCompile(`(?i)^[a-z]{2}\d{2}(?:[ -]?[a-z0-9]{4}){2,7}(?:[ -]?[a-z0-9]{1,3})?$`)
	// ipv4Pattern and ipv6Pattern find what may be IP addresses (checked
	// by netip: "10:30:15" is no IPv6 address).
	ipv4Pattern = regexp.MustCompile(`\b\d{1,3}(?:\.\d{1,3}){3}\b`)
	ipv6Pattern = regexp.MustCompile(`(?i)(?:\b[0-9a-f]{1,4}|:)?(?::[0-9a-f]{0,4}){2,7}`)
	// Any other run of 6 digits or more: account, order or ID numbers.
	digitsPattern = regexp.MustCompile(`\d{6,}`)
	// numberToken is a run of digits joined by one kind of separator:
	// what keptNumber reads inside a phone-like match.
	numberToken = regexp.MustCompile(`\d+(?:\.\d+)+|\d+(?:-\d+)+|\d+(?:/\d+)+|\d+`)
	// versionWord ends the text before a version or build number.
	versionWord = regexp.MustCompile(`(?i)\b(?:build|version|ver|v)\s*[=:]?\s*$`)
)

// Redact replaces e-mail addresses, card-like numbers, phone numbers and
// long digit sequences in visitor text with placeholders ([email], [card],
// [phone], [number]) so that they are never stored. Dates (2026-11-28,
// 28.11.2026, 11/28/2026), times (10:30), IPv4 addresses (192.168.1.1)
// dotted version or build numbers (16.0.17928.20114, "build
// 17628.20144") and hexadecimal error codes (0x80070005, and 8007000E or
// 80070005 without 0x: see HexErrorCode) are kept; a number that could be a
// phone number as well is redacted (+1.555.123.4567, 06.12.34.56.78,
// 555.123.4567).
func Redact(s string) string {
	if strings.IndexByte(s, '@') >= 0 {
		s = emailPattern.ReplaceAllString(s, "[email]")
	}
	if !strings.ContainsAny(s, "0123456789") {
		// Codes hold digits (HexErrorCode: a letter after a digit), and
		// so does every number redacted: the patterns (microseconds a
		// text, ticket imports running them on every subject and body)
		// are not run; only an IPv6 address may be letters alone.
		return redactAddresses(s)
	}
	// A UUID (an app's screen, /projects/123e4567-e89b-12d3-a456-…/members)
	// names a thing, not a person: kept whole, where its runs of digits
	// were read as a phone or an account ("-a[phone]/members").
	uuids := uuidPattern.FindAllStringIndex(s, -1)
	inUUID := func(sp []int) bool {
		for _, u := range uuids {
			if sp[0] < u[1] && u[0] < sp[1] {
				return true
			}
		}
		return false
	}
	codes := uuids
	for _, sp := range hexCode.FindAllStringIndex(s, -1) {
		if !inUUID(sp) {
			codes = append(codes, sp)
		}
	}
	for _, sp := range bareHexCode.FindAllStringIndex(s, -1) {
		if HexErrorCode(s[sp[0]:sp[1]]) && !inUUID(sp) {
			codes = append(codes, sp)
		}
	}
	if codes == nil {
		return redactNumbers(s)
	}
	// Hexadecimal error codes (0x80070005) are what a customer could not
	// find, never who they are: kept, the text around them redacted.
	sort.Slice(codes, func(a, b int) bool { return codes[a][0] < codes[b][0] })
	return keepSpans(s, codes, redactNumbers)
}

// HexErrorCode reports whether w is an error code of eight hexadecimal
// digits as Windows and its programs report them without 0x (an HRESULT or
// NTSTATUS of failure, whose first digit is 8 to F): digits only from 80
// (a failure's severity, then a facility below 0x100: 80070005,
// 80244019; other runs of eight digits are order, account or phone
// numbers), or hexadecimal letters and digits, a letter after a digit
// (8007000E, 8004036e, C004F074). Letters before digits only (AB123456,
// C1900101) are a reference's shape as much as a code's: no code.
func HexErrorCode(w string) bool {
	if len(w) != 8 || !strings.ContainsRune("89abcdefABCDEF", rune(w[0])) {
		return false
	}
	digits, letterAfterDigit := 0, false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c|0x20 < 'a' || c|0x20 > 'f':
			return false
		case digits > 0:
			letterAfterDigit = true
		}
	}
	if digits == len(w) {
		return strings.HasPrefix(w, "80")
	}
	return letterAfterDigit
}

// keepSpans returns s with the spans kept as they are ([start, end] byte
// offsets, in order, apart) and the text between them through redact.
func keepSpans(s string, spans [][]int, redact func(string) string) string {
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(redact(s[last:sp[0]]))
		b.WriteString(s[sp[0]:sp[1]])
		last = sp[1]
	}
	b.WriteString(redact(s[last:]))
	return b.String()
}

// redactNumbers replaces the bank account, card, IP address, phone and
// other long numbers of s.
func redactNumbers(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		// Accounts, cards, phones and long numbers hold digits; an IPv6
		// address may be hexadecimal letters alone ("fe::ab").
		return redactAddresses(s)
	}
	s = replaceSpans(s, ibanSpans(s), func(_, _ int) string { return "[iban]" })
	s = redactCards(s)
	s = redactPhones(s) // keeps the numbers that read as IPv4 addresses
	s = redactAddresses(s)
	return digitsPattern.ReplaceAllString(s, "[number]")
}

// ibanSpans returns the bank accounts of s, in order: at each word that
// starts like one (two letters, two digits), the longest text up to the
// end of a word that ibanPattern reads, of 15 letters and digits or more
// (the shortest IBAN, Norway's), and whose check digits are right
// (validIBAN: a GUID's part, a serial is none). The longest such text,
// not the longest the pattern reads: "ES91 2100 0418 4502 0005 1332
// refund" holds the pattern's groups "refu" and "nd", and the account
// without them.
func ibanSpans(s string) [][]int {
	const (
		shortest = 15
		longest  = 34 + 8 // 34 letters and digits, a separator every four
	)
	var spans [][]int
	for k := 0; k+4 <= len(s); k++ {
		if k > 0 && wordByte(s[k-1]) || !letter(s[k]) || !letter(s[k+1]) || !digit(s[k+2]) || !digit(s[k+3]) {
			continue
		}
		for e := min(len(s), k+longest); e >= k+shortest; e-- {
			if e < len(s) && wordByte(s[e]) || !ibanPattern.MatchString(s[k:e]) ||
				len(s[k:e])-strings.Count(s[k:e], " ")-strings.Count(s[k:e], "-") < shortest || !validIBAN(s[k:e]) {
				continue
			}
			spans = append(spans, []int{k, e})
			k = e
			break
		}
	}
	return spans
}

// letter, digit and wordByte classify an ASCII byte: a letter, a digit,
// or either or _ (what \b of a regular expression reads as a word's).
func letter(c byte) bool   { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func digit(c byte) bool    { return c >= '0' && c <= '9' }
func wordByte(c byte) bool { return letter(c) || digit(c) || c == '_' }

// validIBAN reports whether s (an ibanPattern match) is an IBAN by its
// check digits (ISO 13616: the country and check digits moved to the end,
// letters read as 10 to 35, the number modulo 97 is 1).
func validIBAN(s string) bool {
	var b []byte
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '-' {
			b = append(b, c)
		}
	}
	b = append(b[4:], b[:4]...)
	rem := 0
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		default:
			v := int(c|0x20-'a') + 10
			rem = (rem*100 + v) % 97
		}
	}
	return rem == 1
}

// redactAddresses replaces the IP addresses of s (IPAddresses) that can
// name a person's connection by "[ip]": every IPv4 or IPv6 address but
// those of private networks, loopback, link-local, shared (carrier) and
// documentation ranges, network addresses and masks (192.168.1.1,
// 10.0.0.12, 255.255.255.0, 15.0.0.0, ::1, fe80::1, 2001:db8::1), which
// say how a network is set up, not who is on it, and are kept.
func redactAddresses(s string) string {
	var public [][]int
	for _, a := range IPAddresses(s) {
		if publicAddress(a.Addr) {
			public = append(public, []int{a.Start, a.End})
		}
	}
	return replaceSpans(s, public, func(_, _ int) string { return "[ip]" })
}

// IPAddress is an IP address found in a text: s[Start:End].
type IPAddress struct {
	Start, End int
	Addr       netip.Addr
}

// IPAddresses returns the IPv4 and IPv6 addresses of s, in order, as
// Redact reads them: an address is a word of its own ("Foo::Bar" and
// "[Convert]::FromBase64String" hold none; an IPv4 address keeps its port,
// "82.64.12.34:443"), four numbers after "version" or "build" are none
// ("Version=15.0.0.0"), and an IPv4 address may be written with three
// digits each ("082.064.012.034").
func IPAddresses(s string) []IPAddress {
	if !strings.ContainsAny(s, ".:") {
		return nil // most text: no address to look for
	}
	var out []IPAddress
	for _, p := range []*regexp.Regexp{ipv4Pattern, ipv6Pattern} {
		v4 := p == ipv4Pattern
		for _, sp := range p.FindAllStringIndex(s, -1) {
			i, j := sp[0], sp[1]
			if i > 0 && addressPart(s[i-1], v4) || j < len(s) && addressPart(s[j], v4) || versionWord.MatchString(s[:i]) {
				continue
			}
			a, err := parseAddr(s[i:j])
			if err != nil || !v4 && overlaps(out, i, j) {
				continue
			}
			out = append(out, IPAddress{i, j, a})
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// overlaps reports whether s[i:j] overlaps one of the addresses found.
func overlaps(found []IPAddress, i, j int) bool {
	for _, a := range found {
		if i < a.End && a.Start < j {
			return true
		}
	}
	return false
}

// addressPart reports whether c, next to an address, makes it part of a
// longer word: a letter, a digit, _ or a full stop; or a colon beside an
// IPv6 address (an IPv4 address keeps its port: "82.64.12.34:443").
func addressPart(c byte, v4 bool) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' || c == '_' || c == '.' || c == ':' && !v4
}

// Address ranges that name no one's connection (see redactAddresses).
var (
	sharedRange = netip.MustParsePrefix("100.64.0.0/10")
	docRanges   = []netip.Prefix{
		netip.MustParsePrefix("192.0.2.0/24"), netip.MustParsePrefix("198.51.100.0/24"),
		netip.MustParsePrefix("203.0.113.0/24"), netip.MustParsePrefix("2001:db8::/32"),
	}
)

// publicAddress reports whether a can be a person's address on the
// internet.
func publicAddress(a netip.Addr) bool {
	if a.IsPrivate() || a.IsLoopback() || a.IsLinkLocalUnicast() || a.IsUnspecified() || a.IsMulticast() || sharedRange.Contains(a) {
		return false
	}
	for _, p := range docRanges {
		if p.Contains(a) {
			return false
		}
	}
	// A mask (255.255.255.0), a broadcast or a network address (x.y.z.0).
	return !a.Is4() || a.As4()[0] != 255 && a.As4()[3] != 0
}

// redactCards replaces the card-like numbers of s, except those written
// after a + (+49 151 23456789, +86 138 1234 5678): an international phone
// number, which redactPhones takes.
func redactCards(s string) string {
	return replaceSpans(s, cardPattern.FindAllStringIndex(s, -1), func(i, j int) string {
		if i > 0 && s[i-1] == '+' {
			return s[i:j]
		}
		return "[card]"
	})
}

// replaceSpans returns s with each span ([start, end] byte offsets, in
// order, apart) replaced by what fn returns for it.
func replaceSpans(s string, spans [][]int, fn func(i, j int) string) string {
	if spans == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(s[last:sp[0]])
		b.WriteString(fn(sp[0], sp[1]))
		last = sp[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// redactPhones replaces the phone numbers of s (slashPhone) and its
// phone-like numbers (phonePattern) by a placeholder, keeping the dates,
// addresses and versions the latter hold.
func redactPhones(s string) string {
	var slashed [][]int // the number of each match, its group 1
	for _, m := range slashPhone.FindAllStringSubmatchIndex(s, -1) {
		slashed = append(slashed, m[2:4])
	}
	s = replaceSpans(s, slashed, func(_, _ int) string { return "[phone]" })
	return replaceSpans(s, phoneSpans(s), func(i, j int) string { return phoneOrKept(s, i, j) })
}

// phoneSpans returns the phone-like numbers of s (phonePattern), each
// without a parenthesis it opens and does not close: "(0)" after
// "30050-1039" is no part of it, nor "(" before "(12345678)" (the match
// would take the "(", and leave the ")"); in "1234 (06 12 34 56 78)", the
// number is the one in parentheses. When what is left is no longer a
// phone-like number (eight digits), the whole match is.
func phoneSpans(s string) [][]int {
	var spans [][]int
	for at := 0; at < len(s); {
		m := phonePattern.FindStringIndex(s[at:])
		if m == nil {
			break
		}
		i, j := at+m[0], at+m[1]
		ti, tj := closedParens(s, i, j)
		switch {
		case digitCount(s[ti:tj]) >= 8:
			spans = append(spans, []int{ti, tj})
			at = tj
		case tj < j && digitCount(s[tj:j]) >= 8:
			at = max(tj, i+1) // the number after the parenthesis: found next
		default:
			spans = append(spans, []int{i, j})
			at = j
		}
	}
	return spans
}

// closedParens returns the span s[i:j] without the parentheses it opens
// and does not close: one it starts with is left out, the span ends
// before any other (and the separators before it).
func closedParens(s string, i, j int) (int, int) {
	for {
		open := -1 // the first "(" not closed yet
		depth := 0
		for k := i; k < j; k++ {
			switch s[k] {
			case '(':
				if depth == 0 {
					open = k
				}
				depth++
			case ')':
				depth = max(depth-1, 0)
			}
		}
		switch {
		case depth == 0:
			return i, j
		case open == i:
			i++
		default:
			j = open
			for j > i && strings.IndexByte(" .-", s[j-1]) >= 0 {
				j--
			}
		}
	}
}

// digitCount returns the number of ASCII digits of s.
func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// phoneOrKept returns what stands for the phone-like match s[i:j]: the
// numbers keptNumber keeps as they are, what lies between them redacted on
// its own ("2026-11-28 10" of "2026-11-28 10:30" is a date and an hour),
// or the whole match as one phone number when it keeps nothing or opens
// like a phone number (+, ( or 0) before anything it keeps ("+33 6
// 12.34.56.78" is a phone number, not a country code and an address).
func phoneOrKept(s string, i, j int) string {
	m := s[i:j]
	toks := numberToken.FindAllStringIndex(m, -1)
	var kept [][]int
	for _, t := range toks {
		if keptNumber(m[t[0]:t[1]], s[:i+t[0]]) {
			kept = append(kept, t)
		}
	}
	if len(kept) == 0 || kept[0][0] != toks[0][0] && strings.ContainsAny(m[:1], "+(0") {
		if strings.ContainsAny(m, "+ ().-") && !afterReferenceWord(s[:i]) {
			return "[phone]"
		}
		// A bare run of digits, or a number after "invoice", "order",
		// "facture n°" ("Invoice 2026-0042", "Facture F-2026-0042"): an
		// order or account number.
		return "[number]"
	}
	return keepSpans(m, kept, redactPhones)
}

// keptNumber reports whether tok, a numberToken that before precedes, is
// a date (year-month-day, day.month.year or month/day/year with the same
// separator, a year of 19xx or 20xx), an IPv4 address (also written with
// three digits each: 082.064.012.034), or a dotted version
// number: three parts or more, the first without a leading 0, a later one
// of a single digit (16.0.17928.20114, 6.1.7601.17514), or any dotted
// number after "build", "version", "ver" or "v". A number right after a +
// is a phone number.
func keptNumber(tok, before string) bool {
	if strings.HasSuffix(before, "+") {
		return false
	}
	var parts []string
	for _, sep := range ".-/" {
		if strings.ContainsRune(tok, sep) {
			parts = strings.Split(tok, string(sep))
			if isDate(parts) {
				return true
			}
			if sep != '.' {
				return false
			}
		}
	}
	if parts == nil || paddedIPv4(parts) {
		return parts != nil
	}
	if len(parts[0]) > 1 && parts[0][0] == '0' {
		return false
	}
	if isIPv4(parts) || versionWord.MatchString(before) {
		return true
	}
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) == 1 {
			return true
		}
	}
	return false
}

// isDate reports whether parts are a year, month and day, or a day and a
// month in either order and a year.
func isDate(parts []string) bool {
	if len(parts) != 3 {
		return false
	}
	year := func(p string) bool { return len(p) == 4 && (p[:2] == "19" || p[:2] == "20") }
	in := func(p string, hi int) bool {
		n, err := strconv.Atoi(p)
		return err == nil && len(p) <= 2 && n >= 1 && n <= hi
	}
	a, b, c := parts[0], parts[1], parts[2]
	switch {
	case year(a):
		return in(b, 12) && in(c, 31)
	case year(c):
		return in(a, 31) && in(b, 12) || in(a, 12) && in(b, 31)
	}
	return false
}

// isIPv4 reports whether parts are the four numbers of an IPv4 address
// (0 to 255, without leading zeros).
func isIPv4(parts []string) bool {
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n > 255 || len(p) > 1 && p[0] == '0' {
			return false
		}
	}
	return true
}

// paddedIPv4 reports whether parts are the four numbers of an IPv4
// address written with three digits each (082.064.012.034): no phone
// number is written so, while one of four groups of two or three digits
// is (02.123.45.67).
func paddedIPv4(parts []string) bool {
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if n, err := strconv.Atoi(p); err != nil || len(p) != 3 || n > 255 {
			return false
		}
	}
	return true
}

// parseAddr parses an IP address as netip does, and an IPv4 address
// written with three digits each (paddedIPv4), which it refuses.
func parseAddr(m string) (netip.Addr, error) {
	if parts := strings.Split(m, "."); paddedIPv4(parts) {
		for i, p := range parts {
			n, _ := strconv.Atoi(p)
			parts[i] = strconv.Itoa(n)
		}
		m = strings.Join(parts, ".")
	}
	return netip.ParseAddr(m)
}

// redactedNumbers reads the placeholders Redact leaves for numbers as a
// number again.
var redactedNumbers = strings.NewReplacer("[card]", "0", "[phone]", "0", "[number]", "0", "[iban]", "0", "[ip]", "0")

// RedactedAsNumbers returns redacted text (Redact) with the placeholders
// of numbers ([card], [phone], [number]) read as a number ("0"), for text
// that is matched rather than shown: "Invoice [phone]" is as much a
// reference as "Order 4821", and "call me at [phone]" is not about phones.
func RedactedAsNumbers(s string) string { return redactedNumbers.Replace(s) }

// CleanText makes text a visitor or a helpdesk sent safe to store and to
// show on a page, a terminal or a spreadsheet: control characters (ESC,
// BEL, NUL…) become spaces; the bidirectional embeddings, overrides and
// isolates that can make text read otherwise than it is stored are
// removed, as textnorm removes them ("ab\u202Ebonamento" is
// "abbonamento", one word as the visitor saw it); bytes that are not
// UTF-8 become U+FFFD, and runs of spaces one. Joiners and other format
// characters that scripts need are kept, but text with nothing visible
// (white space and Invisible characters only: "\u200b", "\ufeff") is
// blank, "", as spaces alone are: whatever checks visitor text for
// emptiness after cleaning it reads it so.
func CleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if !visible(s) {
		return ""
	}
	clean := strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r >= 0x7f && r < 0xa0:
			return ' '
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return -1
		}
		return r
	}, s)
	if clean == s && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(clean), " ")
}

// visible reports whether s has a character that shows: one that is
// neither white space, nor a control character, nor Invisible (a
// zero-width space, a joiner, a byte-order mark, a soft hyphen, another
// format character). Text without one is blank.
func visible(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return !unicode.IsSpace(r) && !unicode.IsControl(r) && !Invisible(r)
	})
}

// afterReferenceWord reports whether before, the text before a number,
// ends with a word naming a customer's case and perhaps its mark
// ("invoice", "order #", "facture n°", "Bestellung": Reference, the rule
// the gap report and ticket topics read references by), then perhaps a
// letter prefix glued to the number ("F-"): the number is that case's
// ("Invoice 2026-0042", "Facture n° F-2026-0042").
func afterReferenceWord(before string) bool {
	b := strings.TrimRight(before, " \t")
	// A prefix glued to the number: one to three letters and a dash or a
	// slash ("F-", "INV/").
	if k := strings.LastIndexAny(b, " \t"); k >= 0 && len(b)-k-1 <= 4 && strings.ContainsAny(b[len(b)-1:], "-/") && letters(b[k+1:len(b)-1]) {
		b = b[:k]
	}
	if strings.HasSuffix(strings.TrimRight(b, " \t"), "(") {
		return false // "order (1234 5678": a number of its own
	}
	// Its last two words, lower-cased, accents of the interface's
	// languages left out as the reference words are written ("numéro",
	// "reçu").
	words := strings.FieldsFunc(accentless.Replace(strings.ToLower(b)), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return false
	}
	prev, first := words[len(words)-1], ""
	if len(words) > 1 {
		first = words[len(words)-2]
	}
	return Reference(first, prev, "1")
}

// accentless folds the accented letters of the reference words.
var accentless = strings.NewReplacer("é", "e", "è", "e", "ç", "c", "í", "i", "ó", "o", "á", "a", "ú", "u", "ü", "u", "ö", "o", "ä", "a")

// letters reports whether s is one to three ASCII letters.
func letters(s string) bool {
	if s == "" || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
