package tickets

import (
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/textnorm"
)

// Topic returns what a ticket's subject asks, without the noise helpdesks
// and customers wrap it in, in English and French and, for the most
// common noise, the interface's other languages: forwarding and reply
// prefixes of the common mail clients, in any case and repeated ("Fwd:",
// "RE:", "TR:", "AW:", "RV:", "RIF:", "SV:", "[Ticket #4821]"), the helpdesk's
// reference ("Case 12345678:", "Ticket 4821 -", "Incident INC0012345:",
// "Dossier 123 :", "Demande n° 123 :", as typed or redacted), labels ("Help:",
// "Urgent :"), greetings and sign-offs ("Hello,", "Bonjour", "thanks",
// "merci d'avance", "please help", and a closing sign-off with its name:
// ", Best regards, John"), complaints and asides ("can't figure out how
// to", "je n'arrive pas à", "not working since the update", "depuis
// hier", "urgent", "ASAP"), text in parentheses but for an error code ("(E-21)" is
// "E-21"), repeated punctuation, and
// punctuation and symbols left standing alone at either end or where
// words were removed ("*** URGENT *** Refund" is "Refund"). "Fwd: Help:
// How do I cancel my subscription? since yesterday, thanks" is "How do I
// cancel my subscription". A subject that is only noise is returned
// trimmed, as it was.
func Topic(subject string) string {
	s, _ := cleanTopic(subject)
	return s
}

// TicketTopic is the topic of ticket t: Topic of its subject, or, when
// the subject is only noise ("Re: Fwd: (no subject)", "(sans objet)"),
// the first sentence of its body that says something (Topic of it, at
// most maxBodyTopicWords words): "Hi, my bill is higher this month.
// Thanks" is "my bill is higher this month". Tickets without a subject
// would otherwise all be one topic named by their mail client's
// placeholder. A body that says nothing either leaves the subject as it
// was ("Vraag"), and a ticket with no subject, only an aside or only a
// placeholder in parentheses ("Re: (sans objet)"), and such a body is
// NoSubject.
func TicketTopic(t site.Ticket) string {
	topic, said := cleanTopic(t.Subject)
	if said {
		return topic
	}
	body := quoted.ReplaceAllString(forwardedFirst(t.Body), "\n")
	for _, sentence := range sentenceEnd.Split(body, -1) {
		if chatter.MatchString(sentence) {
			continue
		}
		if s, ok := cleanTopic(bodyClause(sentence)); ok && s != "" {
			return s
		}
	}
	if strings.TrimSpace(topic) == "" || asides.MatchString(t.Subject) || textnorm.OnlyCourtesy(topic) || onlyBracketed(t.Subject) {
		// No subject, or only an aside ("2nd time asking", "urgent") or a
		// greeting ("Boa tarde", with a body that says no more): nothing
		// of the topic, which the aside's words ("time") would give to
		// unrelated tickets, and a greeting a gap of its own.
		return NoSubject
	}
	return topic
}

// onlyBracketed reports whether subject, its reply and forwarding
// prefixes aside, is only text in parentheses or brackets: a mail
// client's placeholder for none, "(sans objet)", "Re: (no subject)", or a
// helpdesk's reference, "[Ticket #4821]", which name no topic.
func onlyBracketed(subject string) bool {
	s := mailPrefixes.ReplaceAllString(subject, "")
	return strings.TrimSpace(s) != "" && strings.TrimSpace(parens.ReplaceAllString(s, "")) == ""
}

// NoSubject is the topic of a ticket sent with no subject and a body that
// says nothing ("Thanks", "Sent from my iPhone"): one unlinked topic of
// its own, as mail clients' "(no subject)" makes, rather than tickets
// counted as unlinked in no gap; the gap report knows it (gaps.NoSubject)
// and writes it no draft.
const NoSubject = gaps.NoSubject

// chatter matches a body's sentence that says nothing of the ticket: a
// pleasantry ("Hi there, hope you're well", "I hope this email finds you
// well", "J'espère que vous allez bien") or a phone's signature ("Sent
// from my iPhone", "Envoyé de mon iPhone"), after a greeting if any.
var chatter = regexp.MustCompile(`(?i)^\s*(?:(?:hi|hello|hey|dear)(?:\s+(?:there|team|all))?\s*[,!]?\s*|bonjour\s*[,!]?\s*)?(?:` + strings.Join([]string{
	`i\s+hope\s+(?:you|this|all)\b.*`, `hope\s+(?:you(?:'|’|\s+a)re|you\s+are|all\s+is|this\s+(?:e-?mail|message)\s+finds)\b.*`,
	`j['’]esp[eè]re\s+que\s+(?:vous\s+allez|tu\s+vas|tout\s+va)\s+bien\b.*`,
	`sent\s+from\s+my\s+\S.*`, `envoy[eé]\s+(?:de|depuis)\s+mon\s+\S.*`, `get\s+outlook\s+for\s+\S.*`,
}, "|") + `)$`)

// quoted matches what a reply adds around the message it quotes: the
// attribution ("On Mon, Nov 30, 2026 at 10:00 AM Ana <[email]> wrote:",
// "Le lun. 30 nov. 2026 à 10:00, Ana a écrit :") and the quote markers
// (">"), which are no sentence of the customer's.
var quoted = regexp.MustCompile(`(?i)(?:^|\s)(?:on|le)\s.{1,150}?\s(?:wrote|a\s+écrit)\s*:|(?:^|\s)(?:>\s*)+`)

// forwardedFirst returns a body that forwards a message ("----------
// Forwarded message ---------", "-----Original Message-----", "Message
// transféré") with the forwarded message's subject first, its header block
// (From, Date, To…) left out, then what the customer wrote before it: a
// ticket "Fwd:" took "Forwarded message From: Ana <[email]> Date: …" as its
// topic. The header lines may be joined on one line, as some helpdesks
// store them. A body that forwards nothing is returned as it is.
func forwardedFirst(body string) string {
	at := forwardMark.FindStringIndex(body)
	if at == nil {
		// Outlook opens a forward or a reply with its header lines alone,
		// a line of underscores at most ("From: Tom", "Sent: …"; "Von:",
		// "Gesendet:"): the sender's name was the topic.
		if at = headerBlock.FindStringIndex(body); at == nil {
			return body
		}
		at[1] = at[0]
	}
	subject, rest := "", body[at[1]:]
	if m := forwardSubject.FindStringSubmatchIndex(rest); m != nil {
		subject = strings.TrimSpace(rest[m[2]:m[3]])
		rest = rest[m[3]:]
	}
	// The forwarded text, once its remaining header lines are gone.
	rest = headerLines.ReplaceAllString(rest, "")
	return subject + "\n" + body[:at[0]] + "\n" + rest
}

// headerBlock matches the start of a forwarded or quoted message's header
// lines without a line announcing it: a sender line, then a date line.
var headerBlock = regexp.MustCompile(`(?im)^[ \t]*(?:from|von|van|de|da)[ \t]*:[^\n]*\n[ \t]*(?:sent|date|gesendet|datum|envoy[ée]|enviado(?: el)?|inviato|verzonden|verstuurd|data|fecha)[ \t]*:`)

// headerLines matches the header lines of a forwarded message.
var headerLines = regexp.MustCompile(`(?im)^[ \t]*(?:` + otherHeaders + `|` + subjectHeaders + `)[ \t]*:[^\n]*(?:\n|$)`)

// forwardMark matches the line mail clients open a forwarded or quoted
// message with, in the interface's languages.
var forwardMark = regexp.MustCompile(`(?i)-{2,}\s*(?:forwarded message|original message|begin forwarded message|message transf[ée]r[ée]|message d.origine|weitergeleitete nachricht|urspr[üu]ngliche nachricht|mensaje (?:reenviado|original)|messaggio (?:inoltrato|originale)|(?:doorgestuurd|oorspronkelijk) bericht|mensagem (?:encaminhada|original))\s*-{2,}`)

// forwardSubject finds the subject in a forwarded message's header block
// (Thunderbird in French writes "Sujet" and "Pour", Outlook "Objet" and "À"):
// its value ends at the line's end or at the next header's name, for
// headers joined on one line.
var forwardSubject = regexp.MustCompile(`(?i)(?:^|\s)(?:` + subjectHeaders + `)\s*:[ \t]*([^\n]*?)(?:\s+(?:` + otherHeaders + `)\s*:|\n|$)`)

// subjectHeaders and otherHeaders name a forwarded message's header
// lines, as mail clients write them in the interface's languages: its
// subject, and the others (from, to, date…).
const (
	subjectHeaders = `subject|objet|sujet|betreff|asunto|oggetto|onderwerp|assunto`
	otherHeaders   = `to|cc|date|sent|from|à|a|pour|an|para|aan|de|von|van|envoy[ée]|gesendet|enviado|inviato|verzonden|datum|fecha|data`
)

// bodyClause is the beginning of a body's sentence a topic takes: its
// first maxBodyTopicWords words, ending at the last comma or semicolon
// among them when the sentence goes on past them ("my claim for Luna has
// been pending for two weeks, where" is "my claim for Luna has been
// pending for two weeks").
func bodyClause(sentence string) string {
	// In a sentence that goes on past them, a clause that is only noise,
	// a greeting ("Good morning team, I would like…"), is no part of it:
	// cut at its comma, the topic was the greeting alone, that is nothing.
	for site.FirstWords(sentence, maxBodyTopicWords) != sentence {
		i := strings.IndexAny(sentence, ",;")
		if i < 0 {
			break
		}
		if _, said := cleanTopic(sentence[:i]); said {
			break
		}
		sentence = strings.TrimSpace(sentence[i+1:])
	}
	// What opens the clause without saying what it asks ("I would like
	// to know how to…", "quería saber cómo…") goes before its words are
	// counted: the topic was cut mid-phrase ("…al 10% en una").
	if s, said := cleanTopic(sentence); said {
		sentence = s
	}
	cut := site.FirstWords(sentence, maxBodyTopicWords)
	if cut == sentence {
		return cut
	}
	if i := strings.LastIndexAny(cut, ",;"); i > 0 && len(strings.Fields(cut[:i])) >= 3 {
		return cut[:i]
	}
	return cut
}

// maxBodyTopicWords is the most words of a body's sentence a topic takes.
const maxBodyTopicWords = 12

// sentenceEnd splits a body into sentences and lines.
var sentenceEnd = regexp.MustCompile(`[.!?]+(?:\s+|$)|\n+`)

// cleanTopic is Topic, and whether the subject said anything but noise: false
// for a subject such as "Re: Fwd: (no subject)", which Topic returns as it
// was. Its answers are remembered (topicMemo): an import cleans each
// ticket's subject three times or more (its topic, its link, its search),
// and exports repeat subjects, while the patterns cost tens of
// microseconds a subject.
func cleanTopic(subject string) (string, bool) {
	if v, ok := topicMemo.Load(subject); ok {
		c := v.(cleaned)
		return c.topic, c.said
	}
	topic, said := cleanTopicOnce(subject)
	if topicMemoSize.Add(1) <= maxTopicMemo {
		topicMemo.Store(subject, cleaned{topic, said})
	}
	return topic, said
}

// topicMemo remembers cleanTopic's answers by subject, at most
// maxTopicMemo of them (topicMemoSize counts them), for the process's life:
// the rules are the binary's.
var (
	topicMemo     sync.Map
	topicMemoSize atomic.Int64
)

// maxTopicMemo bounds the subjects whose topics are remembered: about 20 MB
// for subjects of a hundred characters.
const maxTopicMemo = 100000

// cleaned is a topic cleanTopic made, and whether its subject said anything.
type cleaned struct {
	topic string
	said  bool
}

// cleanTopicOnce is cleanTopic, not remembered.
func cleanTopicOnce(subject string) (string, bool) {
	s := strings.Join(strings.Fields(strings.ReplaceAll(subject, cut, " ")), " ")
	orig := s
	// The placeholders of redacted numbers stay until the noise is
	// trimmed: "Case [number]:" is a reference as "Case 12345678:" is.
	// Where words are removed inside the subject, a cut marks the place
	// (see tidyCuts); a count ("Re[2]:") is only a space.
	s = parens.ReplaceAllStringFunc(s, func(m string) string {
		switch {
		case placeholder.FindString(m) == m:
			return m
		case strings.Trim(m[1:len(m)-1], "0123456789") == "":
			return " "
		case m[0] == '(' && namesCode(m[1:len(m)-1]):
			// "(E-21)", "(error 1603)": the problem itself, not an aside.
			return " " + m[1:len(m)-1] + " "
		}
		return " " + cut + " "
	})
	s = asides.ReplaceAllString(s, " "+cut+" ")
	s = trimNoise(s)
	if placeholder.MatchString(s) {
		// With the mark that named it a number ("#[number]").
		s = trimNoise(markedPlaceholder.ReplaceAllString(s, ""))
	}
	s = repeated.ReplaceAllStringFunc(s, func(m string) string { return m[:1] })
	s = tidyCuts(strings.Fields(s))
	// An exclamation mark at the end says nothing of the topic ("battery
	// not charging !"); a question mark stays.
	s = strings.Trim(strings.TrimRight(s, " !"), " ,;:-–—،؛")
	// Spanish opens a question and an exclamation with their own marks:
	// the question keeps its closing mark when what followed it was cut
	// ("¿cómo termino mi viaje? Gracias, Carlos"), an exclamation goes as
	// its closing mark went.
	if strings.HasPrefix(s, "¿") && !strings.Contains(s, "?") {
		s += "?"
	}
	if t, ok := strings.CutPrefix(s, "¡"); ok && !strings.Contains(s, "!") {
		s = strings.TrimSpace(t)
	}
	if !hasLetterOrDigit(s) {
		return orig, false
	}
	return s, true
}

// cut marks where cleanTopic removed words inside a subject. Subjects
// cannot hold it: it is a control character, and cleanTopic removes it
// first.
const cut = "\x1f"

// trimNoise removes the leading and trailing noise of s until none is
// left: the patterns, then the punctuation and symbols left standing
// alone at either end ("*** URGENT *** Refund" is "*** *** Refund" once
// "URGENT" is gone).
func trimNoise(s string) string {
	for changed := true; changed; {
		before := s
		s = strings.TrimLeft(s, " !?.,;:-–—")
		s = leading.ReplaceAllString(s, "")
		if trailingLast[textnorm.EdgeWord(s, false)] {
			s = trailing.ReplaceAllString(s, "")
		}
		if textnorm.HasWord(s, signOffLast) {
			s = signedOff.ReplaceAllString(s, "")
		}
		if s == before {
			// Only when no pattern applies: "# 4821: …" is a
			// reference, "#" alone is not noise to drop first.
			s = trimBare(s)
		}
		changed = s != before
	}
	return s
}

// trimBare removes the cuts and the bare words (see bare) that open and
// close s, except a closing question mark ("Comment annuler ?").
func trimBare(s string) string {
	words := strings.Fields(s)
	i, j := 0, len(words)
	for i < j && (words[i] == cut || bare(words[i])) {
		i++
	}
	for j > i && (words[j-1] == cut || bare(words[j-1]) && !strings.ContainsAny(words[j-1], "?؟")) {
		j--
	}
	if i == 0 && j == len(words) {
		return s
	}
	return strings.Join(words[i:j], " ")
}

// bare reports whether w is punctuation and symbols alone, with no letter,
// digit or currency sign ("***", "-", ">>>", "!!", but not "€" or "#1").
func bare(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Sc, r) || !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return false
		}
	}
	return w != ""
}

// tidyCuts joins words back into a subject, removing the cuts and the bare
// words that stood around the words removed there: "Refund *** URGENT ***
// failing" is "Refund failing", "Facture, urgent, introuvable" is
// "Facture, introuvable", "Refund - urgent - failing" is "Refund -
// failing" (one separator stays, unless the word before ends with one).
// Bare words on one side only of a removal were the subject's own ("Order
// #[number] - where is it?" keeps its dash) and stay; a comma or full stop
// among them goes against the word before it.
func tidyCuts(words []string) string {
	var out []string
	for i := 0; i < len(words); {
		if words[i] != cut && !bare(words[i]) {
			out = append(out, words[i])
			i++
			continue
		}
		j, firstCut, lastCut := i, -1, -1
		for ; j < len(words) && (words[j] == cut || bare(words[j])); j++ {
			if words[j] == cut {
				if firstCut < 0 {
					firstCut = j
				}
				lastCut = j
			}
		}
		start, run := i, words[i:j]
		i = j
		if firstCut < 0 {
			out = append(out, run...) // no removal here: as typed
			continue
		}
		var kept []string
		for k, w := range run {
			// Exclamation marks right after a cut closed the word
			// removed there ("Stripe urgent!! not connecting").
			if w != cut && !(start+k > firstCut && strings.Trim(w, "!") == "") {
				kept = append(kept, w)
			}
		}
		prevPunct := len(out) > 0 && endsWithPunct(out[len(out)-1])
		leftSide := firstCut > start || prevPunct
		rightSide := lastCut < j-1 || j < len(words) && startsWithPunct(words[j])
		if leftSide && rightSide {
			kept = nil
			if !prevPunct && len(out) > 0 {
				if sep := firstSeparator(run); sep != "" {
					if strings.ContainsAny(sep, ",;:.") {
						out[len(out)-1] += sep
					} else {
						kept = []string{sep}
					}
				}
			}
		}
		for _, w := range kept {
			// A comma, full stop or question mark is written against
			// the word before it: "Refund (urgent), failing" is
			// "Refund, failing", "Change the accent (Spain/Mexico)?" is
			// "Change the accent?".
			if strings.Trim(w, ",.?") == "" && len(out) > 0 {
				if !endsWithPunct(out[len(out)-1]) {
					out[len(out)-1] += w
				}
				continue
			}
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// firstSeparator returns the first word of run that separates the parts of
// a sentence ("-", "–", "—", "|", "/", ",", ";", ":"), or "".
func firstSeparator(run []string) string {
	for _, w := range run {
		switch w {
		case "-", "–", "—", "|", "/", ",", ";", ":":
			return w
		}
	}
	return ""
}

func endsWithPunct(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return unicode.IsPunct(r) && !strings.ContainsRune(")]»”’\"'", r)
}

func startsWithPunct(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsPunct(r) && !strings.ContainsRune("([«“‘\"'¿¡#", r)
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
	apos = textnorm.Apos
	// sep is what follows a prefix or precedes a suffix, a cut (words
	// removed there) included.
	sep = `[\s,.;:!?،؟–—\x1f-]*`
	// refWord names a helpdesk's reference to a ticket, in English and
	// French: "Case", "Ticket", "Request", "Incident", "Dossier",
	// "Demande", "Réf."…
	refWord = `(?:(?:support |service )?(?:case|ticket|request)|incident|issue|sr|req|r[eé]f(?:[eé]rence)?\.?|reference|dossier|demande|requ[eê]te|r[eé]clamation|cas|solicitud|petici[óo]n|caso|expediente|chamado|solicita[çc][ãa]o|richiesta|pratica|segnalazione|anfrage|vorgang)`
	// refMark is what may come between the word and the number: "#",
	// "n°", "no.", "number", "numéro".
	refMark = `(?:#|n\s?[°º]|n\.|no\.?|nr\.?|num(?:ber|[eé]ro)?\.?)`
	// refID is the reference: digits, or the placeholder Redact left for
	// them, after a few letters ("INC0012345", "SR-004821").
	refID = `(?:[a-z]{1,5}[-_]?)?(?:\d+(?:-\d+)*|\[(?:number|phone|card)\])`
	// refStrong is a reference that needs no separator after it: a
	// placeholder or 6 digits or more, with or without letters, or the 0
	// site.RedactedAsNumbers reads a placeholder as.
	refStrong = `(?:[a-z]{1,5}[-_]?\d+|(?:[a-z]{1,5}[-_]?)?\[(?:number|phone|card)\]|\d{6,}|0)`
	// mailPrefix: what mail clients put before a subject they reply to
	// or forward. English: re, fw, fwd; French: re, tr, réf, rép;
	// German: aw, wg, antw, wtrlt; Spanish: re, rv; Italian: r, i, rif;
	// Portuguese: re, res, enc; Dutch: antw, doorst; Arabic: رد,
	// إعادة توجيه, توجيه; Nordic: sv, vs, vb, vl.
	mailPrefix = `fwd?|fw|re|tr|r[eé]f|r[eé]p|aw|wg|antw(?:oord)?|antwort|wtrlt|rv|r|i|rif|res|enc|doorst|sv|vs|vb|vl|رد|(?:إعادة )?توجيه`
	// replyPrefix: one reply or forwarding prefix with its colon, a count
	// ("Re[2]:", "Re^2:") and a French space before the colon allowed.
	replyPrefix = `(?:` + mailPrefix + `)\s*(?:\[\d+\]|\^\d+)?\s*[:：]`
	// name: who signs, one to three capitalised words ("Ana", "Marie
	// Dupont", "J. Smith", "Jean-Pierre").
	name = `(?-i:\p{Lu}[\p{L}'’-]*\.?)(?:\s+(?-i:\p{Lu}[\p{L}'’-]*\.?)){0,2}`
)

var (
	// mailPrefixes: the reply and forwarding prefixes that open a
	// subject, repeated ("RE: Fwd: TR:").
	mailPrefixes = regexp.MustCompile(`(?i)^\s*(?:` + replyPrefix + `\s*)+`)
	// signOff: the words that close a message, in the interface's
	// languages ("thanks", "best regards", "cordialement", "merci
	// d'avance" (its apostrophe may be left out: "merci d avance",
	// "merci davance"), "saludos", "mit freundlichen Grüßen", "شكرا").
	signOff = textnorm.SignOff
	// parens: text in parentheses or brackets ("(urgent)", "[EXT]",
	// "[Case #[number]]" once redacted).
	parens = regexp.MustCompile(`\([^()]*\)|\[(?:[^\[\]]|\[[^\[\]]*\])*\]`)
	// placeholder: what site.Redact leaves for a number or an address.
	placeholder = regexp.MustCompile(`\[(?:number|phone|card|email|iban|ip)\]`)
	// markedPlaceholder: a placeholder with the mark before it ("#",
	// "n°"), a prefix glued to the number ("F-" of "F-2026-0042"), or a
	// label that only announced it: "tel", "tlf." ("tel [phone]" left
	// "tel" in topics, one gap of unrelated tickets), or a kind of data
	// and its colon ("email: [email]", "IBAN: [iban]"; "Update my IBAN
	// [iban]" keeps its IBAN).
	markedPlaceholder = regexp.MustCompile(`(?i)\s*(?:` + dataLabel + `)?(?:` + refMark + `\s*)?(?:\b[a-z]{1,3}[-/])?` + placeholder.String())
	dataLabel         = `\b(?:tel|t[ée]l|telf|tlf|tfno|tfn|mob)\.?\s*:?\s*|\b(?:e-?mail|mail|correo|courriel|phone|t[ée]l[ée]phone|tel[ée]fono|m[óo]vil|mobile|iban|card|tarjeta|carte|ip)\s*:\s*`
	// asides: complaints about time and urgency anywhere in the subject
	// ("urgent", the Dutch and German "dringend").
	asides = regexp.MustCompile(`(?i)\b(?:` + strings.Join([]string{
		`since (?:yesterday|today|this morning|last (?:night|week|month)|(?:the )?(?:last |latest |new |recent )?(?:update|upgrade|version|release)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d+ (?:days?|weeks?|hours?))`,
		`depuis (?:hier|ce matin|aujourd` + apos + `hui|la semaine derni[eè]re|(?:la |cette )?(?:derni[eè]re |nouvelle )?(?:mise [àa] jour|version|maj)|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|\d+ (?:jours?|semaines?|heures?))`,
		// The same in Spanish, Portuguese, Italian, German and Dutch:
		// "desde la actualización", "seit dem Update", "dall'aggiornamento".
		`desde (?:ayer|hoy|esta ma[ñn]ana|anoche|la semana pasada|ontem|hoje|a semana passada|(?:la |a )?(?:[úu]ltima |nueva |nova )?(?:actualizaci[óo]n|atualiza[çc][ãa]o|versi[óo]n|vers[ãa]o)|el (?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo))`,
		`(?:hace|h[áa]) \d+ (?:d[íi]as|semanas|horas)`, `depois da (?:[úu]ltima )?atualiza[çc][ãa]o`,
		`(?:da ieri|da stamattina|dalla settimana scorsa|da \d+ giorni|dopo l` + apos + `aggiornamento|dall` + apos + `(?:ultimo )?aggiornamento)`,
		`sinds (?:gisteren|vandaag|vanochtend|vorige week|de (?:laatste |nieuwe )?update|\d+ dagen)`,
		`nach dem (?:letzten )?update`,
		`seit (?:gestern|vorgestern|heute(?: (?:morgen|fr[üu]h))?|letzte[rnm]? (?:nacht|woche|monat)|(?:dem |der )?(?:letzten |neuen |neuesten )?(?:update|upgrade|version|aktualisierung)|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|\d+ (?:tagen?|wochen?|stunden?))`,
		`asap`, `urgent(?:e|ly)?`, `tr[eè]s urgent`, `au plus vite`, `dringend`,
		// How often they asked: "2nd time asking", "asked for the third
		// time today", "3rd request", "pour la 2e fois" (unrelated
		// tickets made one topic of "2nd time").
		`(?:(?:asking|asked|writing|requesting|requested|contacting you)\s+)?(?:for\s+(?:the\s+)?)?(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth)\s+(?:time|request|attempt|try|e-?mail|message)(?:\s+(?:asking|today|this\s+(?:week|month)|in\s+a\s+row|now))?`,
		`(?:pour\s+la\s+)?(?:\d+\s*(?:e|[eè]me)|deuxi[eè]me|troisi[eè]me|quatri[eè]me)\s+(?:fois|demande|relance)(?:\s+(?:aujourd` + apos + `hui|cette\s+semaine))?`,
		// The same in Spanish, Italian, Portuguese and German: "por
		// segunda vez", "2ª vez", "per la seconda volta", "pela terceira
		// vez", "zum zweiten Mal".
		`(?:por\s+|pela\s+|per\s+la\s+)?(?:\d+\s*[ªºa]|segunda|tercera|terceira|seconda|terza)\s+(?:vez|volta)`,
		`zum\s+(?:\d+\.|zweiten|dritten)\s+mal`,
	}, "|") + `)\b`)
	// leading: forwarding and reply prefixes, labels, greetings and
	// complaints that open a subject.
	leading = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
		// Reply and forwarding prefixes, any case, repeated: those of
		// the common mail clients in the interface's languages and the
		// Nordic ones ("RE:", "Fwd:", "TR:", "AW:", "WG:", "RV:",
		// "R:", "I:", "RIF:", "RES:", "ENC:", "Antw:", "Doorst:",
		// "SV:", "VS:", "رد:"), with a count ("Re[2]:", "Re^2:") and
		// a French space before the colon.
		replyPrefix,
		// An automatic reply or a bounce a customer forwarded ("TR:
		// Réponse automatique : Résilier votre abonnement"; AutoReply
		// keeps such a ticket): its title asks nothing, what it answered
		// does.
		`(?:` + autoReplyWords + `)\s*[:：]`,
		// A helpdesk's reference: "Case 12345678:", "Ticket 4821 -",
		// "Incident INC0012345", "Demande n° 123 :", "#4821:"; the
		// separator may be left out after "#" or a long reference.
		refWord + `\s*:?\s*` + refMark + `?\s*` + refID + `\s*[:|–—-]`,
		refWord + `\s*:?\s*(?:` + refMark + `\s*` + refID + `|` + refStrong + `)(?:\s|$)`,
		`#\s*` + refID + `\s*[:|–—-]`,
		placeholder.String(),
		// A label: "Help:", "Bug!", "Question -", "Vraag:", or the whole
		// subject ("Question", "Vraag": the body says what it asks),
		// never the first part of a hyphenated word ("Bug-fix release
		// notes", "Support-Ticket export").
		`(?:help|question|problem|issue|request|complaint|urgent|support|aide|probl[eè]me|demande|souci|r[ée]clamation|plainte|bug|vraag|probleem|klacht|problema|pregunta|consulta|duda|ayuda|incidencia|reclamaci[óo]n|queja|urgente|frage|hilfe|anfrage|beschwerde|domanda|aiuto|richiesta|reclamo|pergunta|d[úu]vida|ajuda|pedido|reclama[çc][ãa]o)(?:\s*[:!]|\s+[-–—]|[-–—](?:\s|$)|\s*$)`,
		textnorm.Greeting + sep,
		`(?:please|pls|plz|kindly)\s+help(?:\s+me)?\b` + sep,
		`(?:svp|stp|please|pls|plz|s` + apos + `il (?:vous|te) pla[iî]t)\b` + sep,
		`(?:i )?(?:can` + apos + `?t|cannot|could not|couldn` + apos + `?t|don` + apos + `?t know how to|unable to) (?:figure out|work out|find out|understand)(?: how(?: to)?)?\b` + sep,
		`(?:i )?(?:don` + apos + `?t|do not) know how to\b` + sep,
		// Asking to know, which says what is asked only by what follows:
		// "I would like to know how to…", "quería saber cómo…",
		// "je voudrais savoir comment…", "vorrei sapere come…".
		`(?:i )?(?:would like|wanted|want|need|d` + apos + `?like) to (?:know|ask)\b` + then(`how(?: to| i| do i| can i)?|if|whether|why|where|when`) + sep,
		`(?:yo )?(?:quer[ií]a|quisiera|quiero|necesito|me gustar[ií]a) saber\b` + then(`c[óo]mo|si|por qu[ée]|d[óo]nde|cu[áa]ndo`) + sep,
		`(?:je )?(?:voudrais|voulais|veux|souhaite|souhaiterais|aimerais) savoir\b` + then(`comment|si|pourquoi|o[uù]|quand`) + sep,
		`(?:vorrei|volevo|voglio) sapere\b` + then(`come|se|perch[ée]|dove|quando`) + sep,
		`(?:eu )?(?:gostaria|queria|quero|preciso) (?:de )?saber\b` + then(`como|se|por ?que|onde|quando`) + sep,
		`(?:ich )?(?:m[öo]chte|w[üu]rde gerne?|wollte) (?:gerne? )?wissen\b` + then(`wie|ob|warum|wo|wann`) + sep,
		// A complaint that opens the subject: "not working: invoice
		// sending", "No funciona el envío de facturas" (Romance
		// languages put it first), "Non funziona più l'app".
		`(?:is |are )?(?:not working|doesn` + apos + `?t work|does not work|stopped working|broken)\s*[:–—-]\s*`,
		`(?:ya )?no (?:me )?funciona(?:n)?\b` + then(`m[áa]s`) + sep,
		`non (?:mi )?funziona(?:no)?\b` + then(`pi[uù]`) + sep,
		`n[ãa]o (?:est[áa] )?funciona(?:m|ndo)?\b` + then(`mais`) + sep,
		`(?:je )?n` + apos + `?arrive pas (?:[àa] )?`,
		`(?:je )?ne sais pas comment\b` + sep,
		`impossible de (?:comprendre comment )?`,
		`(?:aidez|aide)[- ]moi` + sep,
		// A request to be called back that opens the subject, its
		// number (redacted) and the word that leads to the topic: "Bel
		// mij terug op [phone] over mijn annulering", "Please call me
		// back at [phone] about my refund", "Merci de me rappeler au
		// [phone] concernant ma commande", "Bitte um Rückruf wegen…",
		// "Llámenme al [phone] sobre…".
		callBacks(true),
	}, "|") + `)\s*`)
	// trailing: sign-offs, pleas and complaints that close a subject, as
	// words of their own ("empty" does not end with "ty").
	trailing = regexp.MustCompile(`(?i)(?:^|[\s,.;:!?،؛؟–—-])` + sep + conjunction + `(?:` + trailingWords + `)` + `[\s,.;:!?،؛؟–—-]*$`)
	// conjunction: "and", "y", "e", "ma", "und"… before the noise closing
	// a subject goes with it ("Changed my card and not working" is
	// "Changed my card"); the one-letter ones only in lower case, so that
	// "Plan E no funciona" keeps its "E".
	conjunction = `(?:(?:and|but|pero|ma|et|mais|und|aber|maar|(?-i:y|e))\s+)?`
	// trailingLast are the words trailing's noise can end with: a subject
	// ending with another word is not searched for it (textnorm.EdgeWords).
	trailingLast = textnorm.EdgeWords(trailingWords, false)
	// trailingWords are the sign-offs, pleas and complaints trailing reads.
	trailingWords = strings.Join([]string{
		signOff,
		textnorm.Plea,
		`(?:no funciona|funktioniert nicht(?: mehr)?|non funziona(?: pi[uù])?|n[ãa]o funciona|werkt niet(?: meer)?|lukt niet(?: meer)?|klappt nicht(?: mehr)?)`,
		// A request to be called back keeps the word that led to the
		// number once the number is redacted and cut ("merci de me
		// rappeler au [phone]", "call me back at [phone]", "bitte um
		// Rückruf unter [phone]", "graag terugbellen op [phone]").
		callBacks(false),
		`(?:please|pls|plz)(?: help(?: me)?)?`,
		`help(?: me)?(?: please| pls)?`, `svp`, `stp`, `s` + apos + `il (?:vous|te) pla[iî]t`, `aidez[- ]moi`, `help needed`,
		`(?:is |are )?(?:not working|doesn` + apos + `?t work|does not work|isn` + apos + `?t working|won` + apos + `?t work|stopped working|broken|not loading)`,
		// Not "bloqué" alone: a locked account, a stuck camera, a blocked
		// card are what the ticket asks ("Compte bloqué" is no "Compte");
		// "je suis bloquée" (I am stuck) is a complaint.
		// "ça marche plus": spoken French drops the "ne" and says "ça".
		`(?:(?:[çc]a|cela) )?(?:ne )?(?:marche|fonctionne) (?:pas|plus)`, `en panne`, `(?:je )?suis bloqu[ée]e?`,
		// "again" closing a subject, in the interface's languages ("error
		// E 07 otra vez" is "error E 07": its article, not a topic of its
		// own).
		`again`, `encore`, `(?:une )?fois de plus`, `otra vez`, `de nuevo`, `una vez m[áa]s`, `di nuovo`, `ancora`, `ancora una volta`,
		`outra vez`, `de novo`, `mais uma vez`, `(?:schon )?wieder`, `erneut`, `nochmal`, `opnieuw`, `alweer`, `weer`,
		// "what now?" closing a subject asks nothing of its own
		// ("Papierstau - was tun?", "Erreur E21, que faire ?"), nor does
		// "how do I do it?" ("Changer l'adresse : comment faire ?",
		// "Cambiare indirizzo, come fare?").
		`¿?(?:what (?:to do|now|should i do|can i do|do i do)|que faire|quoi faire|que dois-je faire|comment faire|comment (?:dois|puis)-je faire|comment on fait|come (?:fare|faccio|si fa)|was (?:tun|nun|kann ich tun|soll ich tun|jetzt)|qu[ée] (?:hago|hacer|puedo hacer)|che (?:fare|faccio)|cosa (?:fare|faccio|posso fare)|wat (?:nu|te doen|moet ik doen|kan ik doen)|o que (?:fazer|fa[çc]o|posso fazer))`,
	}, "|")
	// signedOff: a sign-off and the name that signs it, closing a
	// subject: "…, Best regards, John", "…. Cordialement, Marie Dupont",
	// "… thanks, Ana". Between the two a comma, a dash or a full stop,
	// or a space when punctuation comes before the sign-off, so that
	// "Customize the Thank You Page" is no sign-off.
	// "Best" and "All the best" sign off only with a comma before the
	// name ("…!!! Best, Sam"), so that "Best Value Pass" stays.
	// signOffLast are the words a sign-off ends with ("best" too): a
	// subject holding none of them is not searched for one.
	signOffLast = func() map[string]bool {
		m := textnorm.EdgeWords(signOff, false)
		m["best"] = true
		return m
	}()
	signedOff = regexp.MustCompile(`(?i)(?:(?:^|[,.;:!?،؟–—-])\s*` + signOff + `(?:\s*[,.;:!–—-]\s*|\s+)|(?:^|\s)` + signOff + `\s*[,.;:!،–—-]\s*|(?:^|[\s,.;:!?–—-])(?:all the )?best\s*,\s*)` + name + `[\s,.;:!?–—-]*$`)
	// repeated: runs of the same punctuation ("!!!", "??", "...").
	repeated = regexp.MustCompile(`([!?.,;:])[!?.,;:]+`)
)

// namesCode reports whether text (what parentheses hold) names an error
// code as the gap report reads codes (site.QueryCodes: "E21", "error
// 1603", "0x80070005"), also written with a space or a dash between its
// letters and digits ("E-21", "E 12").
func namesCode(text string) bool {
	words := strings.Fields(textnorm.Key(text))
	if len(site.QueryCodes(words)) > 0 {
		return true
	}
	for k := 1; k < len(words); k++ {
		if site.ShortCode(words[k-1] + words[k]) {
			return true
		}
	}
	return false
}

// callBack is a request to be called back (or answered) in one language,
// where to (reach: "au", "at my number"), and the words that lead from
// it to the topic when it opens a subject (about: "concernant", "over").
// One table for the request closing a subject (trailing) and opening one
// (leading).
var callBack = []struct{ ask, reach, about string }{
	{`(?:merci de (?:me |nous )?|(?:pouvez|pourriez)-vous me )(?:rappeler|recontacter|r[ée]pondre(?: rapidement| vite)?)|(?:merci de |svp,? )?(?:rappelez|recontactez|rappelle)[- ]moi`,
		`(?: (?:au|sur(?: le| mon)?)(?: (?:num[ée]ro|portable|mobile|t[ée]l[ée]phone))?)?`, `pour|concernant|au sujet de`},
	{`(?:(?:please|kindly|pls) )?call me(?: back)?|please (?:reply|respond|get back to me)(?: asap)?`,
		`(?: (?:at|on)(?: (?:my )?(?:number|phone|mobile))?)?`, `about|regarding|concerning|re`},
	{`bitte (?:um )?r[üu]ckruf|bitte (?:rufen sie mich|ruf mich) (?:zur[üu]ck|an)`,
		`(?: (?:unter|an|auf)(?: (?:der |meiner )?(?:nummer|handynummer|telefonnummer|mobilnummer|handy))?)?`, `wegen|zu|bez[üu]glich`},
	{`(?:graag |kunt u (?:mij|me) )?(?:terugbellen|belt? (?:mij|me)(?: terug)?(?: (?:aub|a\.u\.b\.|alstublieft|graag))?)`,
		`(?: (?:op|via)(?: (?:nummer|mijn nummer|mijn telefoon|mijn mobiel))?)?`, `over|betreffende|ivm|i\.v\.m`},
	{`(?:per (?:favore|piacere) )?(?:richiamatemi|richiamami|ricontattatemi|mi (?:richiami|richiamate|(?:potete|può|puo) richiamare))`,
		`(?: (?:al|sul)(?: (?:mio )?(?:numero|cellulare|telefono))?)?`, `per|riguardo(?: a)?|circa|a proposito di`},
	{`(?:por favor )?(?:ll[áa]m(?:en|e)me|ll[áa]menos)`,
		`(?: (?:al|en el)(?: (?:n[úu]mero|m[óo]vil|tel[ée]fono))?)?`, `sobre|por|acerca de`},
}

// callBacks returns the call-back requests of every language as one
// alternation: where they lead to the topic (opening) with the redacted
// number and the word that leads on, else as they close a subject.
func callBacks(opening bool) string {
	var alts []string
	for _, c := range callBack {
		a := `(?:` + c.ask + `)` + c.reach
		if opening {
			a += `(?:\s*\[phone\])?(?: (?:` + c.about + `))?\b` + sep
		}
		alts = append(alts, a)
	}
	return strings.Join(alts, "|")
}

// then is an optional word of words (alternatives) after the words
// before it, with what ends it: "\b" cannot, after a letter outside
// ASCII ("più", "cómo").
func then(words string) string {
	return `(?:[\s,]+(?:` + words + `)(?:[\s,.;:!?]|$))?`
}
