package tickets

import (
	"regexp"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// languageText returns what a ticket's language is guessed from: its
// topic (Topic: no reply prefix, greeting, plea or sign-off) and the
// first guessWords words of its body's lines and sentences that are
// neither chatter ("Sent from my iPhone") nor courtesy alone, each without
// the courtesy that opens or closes it; the placeholders of redacted data
// ("[email]", "[number]") left out. Customers often greet, thank and sign
// in English whatever language they write in ("Hi team", "please help",
// "thanks"): a Spanish ticket so written was read as English and found no
// Spanish article (a newcomer, rv20a). A body of courtesy alone is
// returned as it was, so that it still tells its language.
func languageText(subject, body string) (string, string) {
	topic := withoutPlaceholders(Topic(subject)) // the memo TicketTopic reads later
	var kept []string
	words := 0
	for _, s := range sentenceEnd.Split(site.FirstWords(body, 2*guessWords), -1) {
		if words >= guessWords {
			break
		}
		s = strings.TrimSpace(withoutPlaceholders(s))
		if s == "" || textnorm.OnlyCourtesy(s) || chatter.MatchString(s) || signOffFirst[textnorm.EdgeWord(s, true)] && signedName.MatchString(s) {
			continue
		}
		s = textnorm.TrimCourtesy(s)
		kept = append(kept, s)
		words += len(strings.Fields(s))
	}
	if len(kept) == 0 {
		return topic, body
	}
	return topic, strings.Join(kept, "\n")
}

// signedName matches a sign-off followed by the customer's name on the
// same line ("Regards, Ana", "Thanks, Ana María"): courtesy too, whose
// English "regards" made a Portuguese ticket English (a newcomer, rv20h).
var (
	signedName   = regexp.MustCompile(`^(?i:` + textnorm.SignOff + `)\s*[,!\-–—]?\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s*[.!]?$`)
	signOffFirst = textnorm.EdgeWords(textnorm.SignOff, true) // what signedName can begin with
)

// withoutPlaceholders returns s without the placeholders of redacted data.
func withoutPlaceholders(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	return placeholder.ReplaceAllString(s, " ")
}

// guessWords is how many words of a body languageText keeps: more than
// the guesser reads.
const guessWords = 80
