package tickets

import (
	"regexp"
	"strings"
)

// Topic returns what a ticket's subject asks, without the noise helpdesks
// and customers wrap it in, in English and French: forwarding and reply
// prefixes ("Fwd:", "RE:", "TR:", "[Ticket #4821]"), the helpdesk's
// reference ("Case 12345678:", "Ticket 4821 -", "Incident INC0012345:",
// "Dossier 123 :", "Demande n° 123 :", as typed or redacted), labels ("Help:",
// "Urgent :"), greetings and sign-offs ("Hello,", "Bonjour", "thanks",
// "merci d'avance", "please help"), complaints and asides ("can't figure
// out how to", "je n'arrive pas à", "not working since the update",
// "depuis hier", "urgent", "ASAP"), text in parentheses and repeated
// punctuation. "Fwd: Help: How do I cancel my subscription? since
// yesterday, thanks" is "How do I cancel my subscription?". A subject that
// is only noise is returned trimmed, as it was.
func Topic(subject string) string {
	s, _ := cleanTopic(subject)
	return s
}

// cleanTopic is Topic, and whether the subject said anything but noise: false
// for a subject such as "Re: Fwd: (no subject)", which Topic returns as it
// was.
func cleanTopic(subject string) (string, bool) {
	s := strings.Join(strings.Fields(subject), " ")
	orig := s
	// The placeholders of redacted numbers stay until the noise is
	// trimmed: "Case [number]:" is a reference as "Case 12345678:" is.
	s = parens.ReplaceAllStringFunc(s, func(m string) string {
		if placeholder.FindString(m) == m {
			return m
		}
		return " "
	})
	s = asides.ReplaceAllString(s, " ")
	s = trimNoise(s)
	if placeholder.MatchString(s) {
		// With the mark that named it a number ("#[number]").
		s = trimNoise(markedPlaceholder.ReplaceAllString(s, ""))
	}
	s = repeated.ReplaceAllStringFunc(s, func(m string) string { return m[:1] })
	s = strings.Join(strings.Fields(s), " ")
	// An exclamation mark at the end says nothing of the topic ("battery
	// not charging !"); a question mark stays.
	s = strings.Trim(strings.TrimRight(s, " !"), " ,;:-–—")
	if !hasLetterOrDigit(s) {
		return orig, false
	}
	return s, true
}

// trimNoise removes the leading and trailing noise of s until none is
// left.
func trimNoise(s string) string {
	for changed := true; changed; {
		before := s
		s = strings.TrimLeft(s, " !?.,;:-–—")
		s = leading.ReplaceAllString(s, "")
		s = trailing.ReplaceAllString(s, "")
		changed = s != before
	}
	return s
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f {
			return true
		}
	}
	return false
}

// The noise, as (?i) patterns. Apostrophes may be typographic.
const (
	apos = `['’]`
	// sep is what follows a prefix or precedes a suffix.
	sep = `[\s,.;:!?–—-]*`
	// refWord names a helpdesk's reference to a ticket, in English and
	// French: "Case", "Ticket", "Request", "Incident", "Dossier",
	// "Demande", "Réf."…
	refWord = `(?:(?:support |service )?(?:case|ticket|request)|incident|issue|sr|req|r[eé]f(?:[eé]rence)?\.?|reference|dossier|demande|requ[eê]te|r[eé]clamation|cas)`
	// refMark is what may come between the word and the number: "#",
	// "n°", "no.", "number", "numéro".
	refMark = `(?:#|n\s?[°º]|no\.?|nr\.?|num(?:ber|[eé]ro)?\.?)`
	// refID is the reference: digits, or the placeholder Redact left for
	// them, after a few letters ("INC0012345", "SR-004821").
	refID = `(?:[a-z]{1,5}[-_]?)?(?:\d+(?:-\d+)*|\[(?:number|phone|card)\])`
	// refStrong is a reference that needs no separator after it: a
	// placeholder or 6 digits or more, with or without letters, or the 0
	// site.RedactedAsNumbers reads a placeholder as.
	refStrong = `(?:[a-z]{1,5}[-_]?\d+|(?:[a-z]{1,5}[-_]?)?\[(?:number|phone|card)\]|\d{6,}|0)`
)

var (
	// parens: text in parentheses or brackets ("(urgent)", "[EXT]",
	// "[Case #[number]]" once redacted).
	parens = regexp.MustCompile(`\([^()]*\)|\[(?:[^\[\]]|\[[^\[\]]*\])*\]`)
	// placeholder: what site.Redact leaves for a number or an address.
	placeholder = regexp.MustCompile(`\[(?:number|phone|card|email|iban|ip)\]`)
	// markedPlaceholder: a placeholder with the mark before it ("#").
	markedPlaceholder = regexp.MustCompile(`(?i)\s*(?:` + refMark + `\s*)?` + placeholder.String())
	// asides: complaints about time and urgency anywhere in the subject.
	asides = regexp.MustCompile(`(?i)\b(?:` + strings.Join([]string{
		`since (?:yesterday|today|this morning|last (?:night|week|month)|(?:the )?(?:last |latest |new |recent )?(?:update|upgrade|version|release)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d+ (?:days?|weeks?|hours?))`,
		`depuis (?:hier|ce matin|aujourd` + apos + `hui|la semaine derni[eè]re|(?:la |cette )?(?:derni[eè]re |nouvelle )?(?:mise [àa] jour|version|maj)|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|\d+ (?:jours?|semaines?|heures?))`,
		`asap`, `urgent(?:e|ly)?`, `tr[eè]s urgent`, `au plus vite`,
	}, "|") + `)\b`)
	// leading: forwarding and reply prefixes, labels, greetings and
	// complaints that open a subject.
	leading = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
		`(?:fwd?|fw|re|tr|r[eé]f|rep|aw|wg)\s*(?:\[\d+\])?\s*:`,
		// A helpdesk's reference: "Case 12345678:", "Ticket 4821 -",
		// "Incident INC0012345", "Demande n° 123 :", "#4821:"; the
		// separator may be left out after "#" or a long reference.
		refWord + `\s*:?\s*` + refMark + `?\s*` + refID + `\s*[:|–—-]`,
		refWord + `\s*:?\s*(?:` + refMark + `\s*` + refID + `|` + refStrong + `)(?:\s|$)`,
		`#\s*` + refID + `\s*[:|–—-]`,
		placeholder.String(),
		// A label: "Help:", "Bug!", "Question -", never the first part of a
		// hyphenated word ("Bug-fix release notes", "Support-Ticket export").
		`(?:help|question|problem|issue|request|urgent|support|aide|probl[eè]me|demande|souci|bug)(?:\s*[:!]|\s+[-–—]|[-–—](?:\s|$))`,
		`(?:hello|hi|hey|good (?:morning|afternoon|evening)|greetings|bonjour|bonsoir|salut|coucou|madame|monsieur|madame,? monsieur)(?:,? (?:team|all|there|everyone|guys|folks|support|sir|madam|[ée]quipe|[àa] tous))?\b` + sep,
		// The greetings of the other languages search analyses most:
		// Spanish, German, Italian, Portuguese, Dutch.
		`(?:hola|buen(?:os d[ií]as|as(?: tardes| noches)?)|estimad[oa]s?(?: equipo)?|hallo|guten (?:tag|morgen|abend)|liebes? \w+|ciao|salve|buongiorno|buonasera|ola|bom dia|boa (?:tarde|noite)|prezad[oa]s?|goedemorgen|goedemiddag|beste \w+)\b` + sep,
		`olá` + sep, // no \b after a letter beyond ASCII
		`dear \w+\b` + sep,
		`(?:please|pls|plz|kindly)\s+help(?:\s+me)?\b` + sep,
		`(?:svp|stp|please|pls|plz|s` + apos + `il (?:vous|te) pla[iî]t)\b` + sep,
		`(?:i )?(?:can` + apos + `?t|cannot|could not|couldn` + apos + `?t|don` + apos + `?t know how to|unable to) (?:figure out|work out|find out|understand)(?: how(?: to)?)?\b` + sep,
		`(?:i )?(?:don` + apos + `?t|do not) know how to\b` + sep,
		`(?:je )?n` + apos + `?arrive pas (?:[àa] )?`,
		`(?:je )?ne sais pas comment\b` + sep,
		`impossible de (?:comprendre comment )?`,
		`(?:aidez|aide)[- ]moi` + sep,
	}, "|") + `)\s*`)
	// trailing: sign-offs, pleas and complaints that close a subject, as
	// words of their own ("empty" does not end with "ty", nor
	// "débloqué" with "bloqué").
	trailing = regexp.MustCompile(`(?i)(?:^|[\s,.;:!?–—-])` + sep + `(?:` + strings.Join([]string{
		`(?:many |thanks? (?:you )?(?:so much|a lot|in advance)|thank you|thanks|thx|ty|cheers|regards|best regards|kind regards)`,
		`(?:merci(?: beaucoup| d` + apos + `avance| par avance)?|cordialement|bonne journ[ée]e)`,
		`(?:(?:muchas )?gracias(?: de antemano| por adelantado)?|(?:un )?saludos?(?: cordiales)?|por favor|(?:vielen )?dank(?:e(?: sch[öo]n| im voraus)?)?|(?:mit )?freundlichen gr[üu](?:ß|ss)en|viele gr[üu](?:ß|ss)e|grazie(?: mille| in anticipo)?|cordiali saluti|per favore|obrigad[oa]|atenciosamente|por favor|bedankt|alvast bedankt|met vriendelijke groet(?:en)?|groeten)`,
		`(?:no funciona|funktioniert nicht(?: mehr)?|non funziona(?: pi[uù])?|n[ãa]o funciona)`,
		`(?:merci de (?:me |nous )?(?:rappeler|recontacter|r[ée]pondre(?: rapidement| vite)?)|please call me(?: back)?|call me back|please (?:reply|respond|get back to me)(?: asap)?)`,
		`(?:please|pls|plz)(?: help(?: me)?)?`,
		`help(?: me)?(?: please| pls)?`, `svp`, `stp`, `s` + apos + `il (?:vous|te) pla[iî]t`, `aidez[- ]moi`, `help needed`,
		`(?:is |are )?(?:not working|doesn` + apos + `?t work|does not work|isn` + apos + `?t working|won` + apos + `?t work|stopped working|broken|not loading)`,
		`(?:ne )?(?:marche|fonctionne) (?:pas|plus)`, `en panne`, `bloqu[ée]e?s?`,
		`again`, `encore`,
	}, "|") + `)` + `[\s,.;:!?–—-]*$`)
	// repeated: runs of the same punctuation ("!!!", "??", "...").
	repeated = regexp.MustCompile(`([!?.,;:])[!?.,;:]+`)
)
