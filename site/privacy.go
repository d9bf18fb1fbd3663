package site

import (
	"regexp"
	"strings"
)

// Patterns of personal data people paste into search boxes. Read-only.
var (
	emailPattern = regexp.MustCompile(`(?i)[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}`)
	// 13 to 19 digits, optionally grouped by spaces or dashes: card numbers.
	cardPattern = regexp.MustCompile(`\b\d(?:[ -]?\d){12,18}\b`)
	// An optional +, then at least 8 digits with the usual separators.
	phonePattern = regexp.MustCompile(`\+?\(?\d(?:[ ().-]{0,2}\d){7,}`)
	// Any other run of 6 digits or more: account, order or ID numbers.
	digitsPattern = regexp.MustCompile(`\d{6,}`)
)

// Redact replaces e-mail addresses, card-like numbers, phone numbers and
// long digit sequences in visitor text with placeholders ([email], [card],
// [phone], [number]) so that they are never stored.
func Redact(s string) string {
	s = emailPattern.ReplaceAllString(s, "[email]")
	s = cardPattern.ReplaceAllString(s, "[card]")
	s = phonePattern.ReplaceAllStringFunc(s, func(m string) string {
		if strings.ContainsAny(m, "+ ().-") {
			return "[phone]"
		}
		return "[number]" // a bare run of digits: an order or account number
	})
	return digitsPattern.ReplaceAllString(s, "[number]")
}

// redactedNumbers reads the placeholders Redact leaves for numbers as a
// number again.
var redactedNumbers = strings.NewReplacer("[card]", "0", "[phone]", "0", "[number]", "0")

// RedactedAsNumbers returns redacted text (Redact) with the placeholders
// of numbers ([card], [phone], [number]) read as a number ("0"), for text
// that is matched rather than shown: "Invoice [phone]" is as much a
// reference as "Order 4821", and "call me at [phone]" is not about phones.
func RedactedAsNumbers(s string) string { return redactedNumbers.Replace(s) }

// CleanText makes text a visitor or a helpdesk sent safe to store and to
// show on a page, a terminal or a spreadsheet: control characters (ESC,
// BEL, NUL…) and the bidirectional overrides that can make text read
// otherwise than it is stored become spaces, bytes that are not UTF-8
// become U+FFFD, and runs of spaces one. Joiners and other format
// characters that scripts need are kept.
func CleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	clean := strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r >= 0x7f && r < 0xa0:
			return ' '
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return ' '
		}
		return r
	}, s)
	if clean == s && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(clean), " ")
}
