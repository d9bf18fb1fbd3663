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
