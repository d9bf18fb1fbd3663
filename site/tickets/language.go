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
// returned as it was, so that it still tells its language. A forwarded
// message's header block ("Forwarded message", "From:", "Subject:") is the
// mail client's, in no language: it is left out (forwardedFirst), or a
// Dutch ticket forwarded from an English mail client was read as English.
func languageText(subject, body string) (string, string) {
	body = forwardedFirst(body)
	topic := withoutCourtesyWords(withoutPlaceholders(Topic(subject))) // Topic: the memo TicketTopic reads later
	// A complaint the topic leaves out is in the customer's language,
	// unlike a greeting: "La carte ne marche pas" is French, though its
	// topic "La carte" holds no French word of its own (rv21b).
	lower := strings.ToLower(topic)
	for _, m := range languageComplaint.FindAllString(subject, -1) {
		if !strings.Contains(lower, strings.ToLower(m)) {
			topic += "\n" + m
		}
	}
	var kept, courtesy []string
	words := 0
	for _, s := range sentenceEnd.Split(site.FirstWords(body, 2*guessWords), -1) {
		if words >= guessWords {
			break
		}
		s = strings.TrimSpace(withoutPlaceholders(s))
		if !mailSignature.MatchString(s) {
			courtesy = append(courtesy, s)
		}
		if textnorm.HasWord(s, signOffLast) {
			if loc := signedOff.FindStringIndex(s); loc != nil {
				// A sign-off and the name that signs it ("Best regards,
				// Jan", "Regards, Ana") are courtesy: they voted English
				// (newcomers, rv20g and rv20h). The topic's own rule.
				s = strings.TrimSpace(s[:loc[0]])
			}
		}
		if s == "" || textnorm.OnlyCourtesy(s) || chatter.MatchString(s) {
			continue
		}
		s = withoutCourtesyWords(textnorm.TrimCourtesy(s))
		kept = append(kept, s)
		words += len(strings.Fields(s))
	}
	if len(kept) == 0 {
		// Courtesy alone tells its language; a mail client's signature
		// ("Sent from my iPhone") is the phone's, in no language: alone
		// or beside "Gracias" it made a Spanish ticket English (rv20l).
		return topic, strings.Join(courtesy, "\n")
	}
	return topic, strings.Join(kept, "\n")
}

// languageComplaint matches the complaints of a subject that say in the
// customer's own language that something does not work ("ne marche pas",
// "non funziona", "funktioniert nicht"); English ones are not, since
// customers write them in English whatever language they ask in.
var languageComplaint = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:(?:ne )?(?:marche|fonctionne) (?:pas|plus)|n['’]?arrive pas|ne sais pas comment|non (?:mi )?funziona(?:no)?|(?:ya )?no (?:me )?funciona(?:n)?|n[ãa]o (?:est[áa] )?funciona(?:m|ndo)?|(?:funktioniert|klappt) nicht|(?:werkt|lukt) niet)(?:[^\p{L}]|$)`)

// mailSignature matches a mail client's signature line.
var mailSignature = regexp.MustCompile(`(?i)^(?:sent\s+from\s+my\s+\S.*|envoy[eé]\s+(?:de|depuis)\s+mon\s+\S.*|get\s+outlook\s+for\s+\S.*)$`)

// withoutCourtesyWords returns s without the words that are courtesy
// alone (textnorm.CourtesyWord) where the topic's cleaning and
// TrimCourtesy keep them, a greeting closing the subject or a sentence
// ("Flat tyre - hola" was Spanish); s itself when it would be left with
// nothing.
func withoutCourtesyWords(s string) string {
	words := strings.Fields(s)
	kept := words[:0:0]
	for _, w := range words {
		if !textnorm.CourtesyWord(strings.Trim(w, ".,;:!?¡¿-–—")) {
			kept = append(kept, w)
		}
	}
	if len(kept) == len(words) || len(kept) == 0 {
		return s
	}
	return strings.Join(kept, " ")
}

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
