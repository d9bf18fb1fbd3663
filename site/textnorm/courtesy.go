package textnorm

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The courtesy of a message, as case-insensitive regular expression
// sources (apostrophes typographic or not), in the interface's languages:
// what ticket topics (site/tickets) and autocomplete (search) leave out of
// what a customer asks, one list for both.
const (
	// Apos is an apostrophe as typed: ' or ’.
	Apos = `['’]`
	// Greeting opens a message: "Hello", "Hi team", "Good morning",
	// "Bonjour à tous", "Hola", "Guten Tag", "Buongiorno", "Dear Sir".
	// It ends a word; what separates it from the question follows it.
	Greeting = `(?:(?:hello|hi|hey|good (?:morning|afternoon|evening)|greetings|bonjour|bonsoir|salut|coucou|madame|monsieur|madame,? monsieur)(?:,? (?:team|all|there|everyone|guys|folks|support|sir|madam|[ée]quipe|[àa] tous))?\b` +
		// The greetings of the other languages search analyses most:
		// Spanish, German, Italian, Portuguese, Dutch ("olá" ends in a
		// letter beyond ASCII, where \b does not see a word's end; the
		// Brazilian "Oi" only before a comma or "!", so that a name such
		// as "Oi Fibra" stays; "tudo bem?" and "tutto bene?", asked
		// after it, are greetings too: "oi, tudo bem? cancelar o plano").
		`|(?:hola|buen(?:os d[ií]as|as(?: tardes| noches)?)|estimad[oa]s?(?: equipo)?|hallo(?: zusammen| allerseits)?|guten (?:tag|morgen|abend)|liebes? \w+|ciao|salve|buongiorno|buonasera|buon pomeriggio|ola|bom dia|boa (?:tarde|noite)|(?:oi,?\s+)?tudo b(?:em|om)|tutto bene|prezad[oa]s?|goedemorgen|goedemiddag|goedenavond|hoi|beste \w+)\b|olá|oi\s*[,!]|dear \w+\b)`
	// SignOff closes a message: "thanks", "thank you so much", "many
	// thanks", "best regards", "cordialement", "merci d'avance" (its
	// apostrophe may be left out: "merci d avance", "merci davance"),
	// "saludos", "mit freundlichen Grüßen", "vielen Dank im Voraus",
	// "besten Dank", "MfG", "grazie mille", "شكرا".
	SignOff = `(?:` +
		`(?:(?:many|much) thanks|thanks? (?:you )?(?:so much|very much|a lot|a million|in advance)|thank you|thanks|thx|ty|cheers|regards|best regards|kind regards|warm regards|best wishes|sincerely|yours sincerely|yours truly)(?: (?:for|in advance for) (?:your|the|any) (?:help|time|support|assistance|reply|answer))?` +
		`|(?:merci(?: beaucoup| d(?:` + Apos + `\s?|\s)?avance| par avance| bien)?(?: (?:pour|de) (?:votre|ton|vos|tes|l` + Apos + `)\s?(?:aide|retour|r[ée]ponse|r[ée]ponses|assistance))?|(?:bien )?cordialement|bonne journ[ée]e|bien [àa] vous|(?:sinc[eè]res |meilleures )?salutations)` +
		`|(?:(?:muchas )?gracias(?: de antemano| por adelantado| por (?:su|tu) ayuda)?|(?:un )?saludos?(?: cordiales)?|atentamente|un abrazo|(?:(?:vielen|besten|herzlichen|tausend)(?: lieben)? )?dank(?:e(?: sch[öo]n| sehr)?)?(?: im voraus| vorab)?|mfg|(?:mit )?freundlichen gr[üu](?:ß|ss)en|(?:(?:viele|liebe|beste) )?gr[üu](?:ß|ss)e|(?:mille |tante )?grazie(?: mille| tante| infinite| in anticipo)?|(?:cordiali|distinti) saluti|(?:obrigad[oa]|grat[oa])(?: desde j[áa])?|desde j[áa] (?:agrade[çc]o|obrigad[oa])|aguardo (?:o |um |seu |sua )?(?:retorno|resposta|contato)|atenciosamente|att|cumprimentos|abra[çc]os|bedankt|alvast bedankt|met vriendelijke groet(?:en)?|groet(?:en|jes)|شكرا|شكراً|مع (?:خالص )?(?:الشكر|التحية|التحيات))` +
		`)`
	// Plea is a request for help that says nothing of what is asked:
	// "please", "pls", "svp", "s'il vous plaît", "por favor", "per
	// favore" ("perfavore").
	// So is saying help is needed ("need help", "preciso de ajuda",
	// "necesito ayuda", "besoin d'aide", "brauche Hilfe", "bisogno di
	// aiuto", "hulp nodig"; without a pronoun, which would make every
	// text opening with "I" one for the patterns to read): a body of only
	// that says nothing to read (rv21j).
	Plea = `(?:please|pls|plz|svp|stp|s` + Apos + `il (?:vous|te) pla[iî]t|por favor|per ?favore` +
		`|need (?:some )?help|help me|preciso de ajuda|necesito ayuda|besoin d` + Apos + `aide` +
		`|brauche hilfe|bisogno di aiuto|hulp nodig)`
)

// courtesySep is what stands between courtesy and the question: spaces
// and punctuation; after a greeting, a full stop only before a space
// ("Hi. How…", not the dot of "hey .NET").
const courtesySep = `[\s,.;:!?¡¿،؟–—-]*`

var (
	courtesyStart = regexp.MustCompile(`(?i)^[\s¡¿"'“”‘’«»(\[.…]*(?:` + Greeting + `|` + Plea + `\b)(?:(?:[\s,;:!?¡¿،؟–—]|\.+\s)(?:[\s,;:!?¡¿،؟–—-]|\.+\s)*)?`)
	courtesyEnd   = regexp.MustCompile(`(?i)(?:^|[\s,.;:!?¡¿،؟–—-])` + courtesySep + `(?:` + SignOff + `|` + Plea + `)` + courtesySep + `$`)
)

// TrimCourtesy returns s without the greetings and pleas that open it and
// the sign-offs and pleas that close it (Greeting, Plea, SignOff; several
// in a row too: "hey there, pause my plan please, thanks a lot" is "pause
// my plan"). The same words inside the question keep their meaning
// ("pause in advance", "thanks page"). Text that is only courtesy, or
// none, is returned as it is.
func TrimCourtesy(s string) string {
	if !courtesyFirst[EdgeWord(s, true)] && !courtesyLast[EdgeWord(s, false)] {
		return s // no courtesy at either end (courtesy_words.go)
	}
	rest := courtesyRest(s)
	if rest == s || strings.Trim(rest, courtesyPunct) == "" {
		return s
	}
	return strings.TrimRight(rest, " \t,;:–—-")
}

// courtesyPunct is what stands around courtesy, spaces and punctuation.
const courtesyPunct = " \t,;:.!?¡¿–—-\"'“”‘’«»()[]…"

// courtesyRest returns s without the courtesy that opens and closes it,
// "" (or punctuation) when it is all courtesy: TrimCourtesy and
// OnlyCourtesy read it.
func courtesyRest(s string) string {
	out := s
	for out != "" {
		loc := courtesyStart.FindStringIndex(out)
		if loc == nil || loc[1] == 0 {
			break
		}
		// A greeting not followed by a separator is the start of a word
		// ("hi-fi", "salve-vidas": a hyphen typed right after it joins).
		if r, _ := utf8.DecodeLastRuneInString(out[:loc[1]]); loc[1] < len(out) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if next, _ := utf8.DecodeRuneInString(out[loc[1]:]); next == '-' || unicode.IsLetter(next) || unicode.IsDigit(next) {
				break
			}
		}
		out = out[loc[1]:]
	}
	for out != "" {
		loc := courtesyEnd.FindStringIndex(out)
		if loc == nil || loc[0] == loc[1] {
			break
		}
		out = out[:loc[0]]
	}
	return out
}

// OnlyCourtesy reports whether s holds nothing but greetings, pleas and
// sign-offs (Greeting, Plea, SignOff): "boa tarde", "olá, bom dia",
// "hello!", "thanks a lot". A search of them asks nothing.
func OnlyCourtesy(s string) bool {
	out := strings.TrimSpace(s)
	if out == "" || !courtesyFirst[EdgeWord(out, true)] && !courtesyLast[EdgeWord(out, false)] {
		return false
	}
	return strings.Trim(courtesyRest(out), courtesyPunct) == ""
}
