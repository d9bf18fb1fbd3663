package tickets

import (
	"regexp"
	"strings"

	"github.com/guichet/guichet/site"
)

// AutoReply reports whether t is a message no customer wrote: an automatic
// reply ("Automatic reply: Re: Refund", "Out of Office: …", "Réponse
// automatique : …", "Abwesenheitsnotiz") or a mail server's bounce
// ("Undeliverable: …", "Delivery Status Notification (Failure)", "Mail
// delivery failed"), in the interface's languages, after any reply and
// forwarding prefixes, as helpdesks that take mail in receive them; or a
// ticket the helpdesk tagged as one ("auto-reply", "autoreply",
// "out_of_office", "bounce"). Such a ticket asks nothing: counted, it
// would make a topic no article answers of every out-of-office message.
// A subject that only mentions such words later ("Refund — out of office
// until Monday", "out of office hours support"), or that opens with a
// bounce's words a customer also writes about a box that did not come
// ("Niet bezorgd: mijn box", see bounceOrComplaint), is a customer's, and so
// is whatever the contact form sends (Source "contact": a person typed
// it), and one a customer forwarded ("Fwd: Undeliverable: my claim
// photos": see forwarded).
func AutoReply(t site.Ticket) bool {
	if t.Source == "contact" {
		return false
	}
	subject := strings.Join(strings.Fields(t.Subject), " ")
	if (autoReply.MatchString(subject) || notesAway.MatchString(subject)) && !forwarded.MatchString(mailPrefixes.FindString(subject)) {
		return true
	}
	for _, tag := range t.Tags {
		if autoReplyTags[strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.ToLower(tag))] {
			return true
		}
	}
	return false
}

// notesAway matches the out-of-office subjects of HCL (Lotus) Notes: "AUTO:"
// and a sentence saying who is away ("AUTO: Jane Doe is out of the office
// (returning 12/12/2026)", "AUTO: Hans Meier ist außer Haus"); "Auto:"
// alone is a customer's car.
var notesAway = regexp.MustCompile(`(?i)^\s*auto\s*:\s.*\b(?:is out of (?:the )?office|is away|est absente?|ist (?:au(?:ß|ss)er haus|nicht im b(?:ü|ue?)ro|abwesend)|está fuera|è fuori|is afwezig)`)

// forwarded matches, in the reply and forwarding prefixes that open a
// subject, one that forwards ("Fwd:", "TR:", "WG:", "RV:", "I:", "ENC:",
// "Doorst:", "VS:", "VB:", "VL:", "توجيه:"): a customer who forwards a
// bounce or an automatic reply ("Fwd: Undeliverable: my claim photos")
// asks about it.
var forwarded = regexp.MustCompile(`(?i)(?:^|[\s:：])(?:fwd?|fw|tr|wg|wtrlt|rv|i|enc|doorst|vs|vb|vl|(?:إعادة )?توجيه)\s*(?:\[\d+\]|\^\d+)?\s*[:：]`)

// autoReplyTags are the tags, lower-cased without separators, helpdesks
// and mail rules put on automatic replies and bounces.
var autoReplyTags = map[string]bool{
	"autoreply": true, "autoresponse": true, "automaticreply": true, "outofoffice": true, "ooo": true,
	"bounce": true, "bounced": true, "mailerdaemon": true,
}

// autoReply matches the subjects of automatic replies and bounces: the
// mail client's words first (after reply and forwarding prefixes), then a
// separator, the end of the subject, or a reply prefix ("Out of Office
// Re: …", as Gmail's vacation responder writes it); or those words in
// brackets ("[Auto-Reply] …").
var autoReply = regexp.MustCompile(`(?i)^\s*(?:(?:` + replyPrefix + `)\s*)*(?:\[\s*(?:` + autoReplyWords + `|` + bounceOrComplaint + `)\s*\]|(?:` + autoReplyWords + `)(?:\s*[:：–—(-]|\s*[!.]*\s*$|\s+(?:` + replyPrefix + `))|(?:` + bounceOrComplaint + `)\s*[:：–—-]?\s*(?:` + replyPrefix + `)|(?:` + readReceipt + `)\s*[:：])`)

// readReceipt: the words a mail client titles a read receipt with, before
// the subject it answers, in the interface's languages ("Read: Refund",
// "Lu : Remboursement", "Gelesen: …", "Not read: …"); only with their
// colon, as a customer does not open a question so.
const readReceipt = `read|not read|lu|non lu|accus[ée] de (?:r[ée]ception|lecture)|gelesen|nicht gelesen|le[íi]do|no le[íi]do|letto|non letto|gelezen|niet gelezen|lido|n[ãa]o lido`

// bounceOrComplaint are the words some mail servers title a bounce with
// that are also a customer's own words about a parcel or a box that did
// not come ("Niet bezorgd: mijn box van dinsdag", "No entregado: mi
// pedido", "Delivery failure: box left in the rain"): they make a bounce
// only before the reply prefix of the message that bounced ("Niet
// bezorgd: RE: Uw bestelling") or in brackets, since a customer's
// question ignored is lost while a bounce kept is one row the team sees.
var bounceOrComplaint = strings.Join([]string{
	`delivery failure`, `non remis`, `no entregado`, `niet (?:bezorgd|afgeleverd)`, `n[ãa]o entregue`, `nicht zustellbar`,
}, "|")

// autoReplyWords are the words mail clients and servers title their
// automatic replies and bounces with, in the interface's languages; in
// brackets too ("[Auto-Reply] …", "[Réponse automatique] …").
var autoReplyWords = strings.Join([]string{
	// English: Outlook, Exchange, Gmail, Zendesk, mail servers.
	`automatic (?:reply|response)`, `auto[- ]?(?:reply|response|responder)`, `autoreply`, `autoresponse`,
	`out of (?:the )?office(?: auto[- ]?reply)?`, `ooo`, `away from (?:the )?office`,
	`undeliverable`, `undelivered mail(?: returned to sender)?`, `delivery status notification`,
	`mail delivery (?:failed|failure|subsystem|system)`, `delivery has failed`, `returned mail`, `failure notice`,
	// French.
	`r[ée]ponse automatique`, `message d` + apos + `absence`, `absen(?:ce|t|te|t\(e\)) du bureau`, `non distribuable`, `[ée]chec de (?:la )?remise`,
	// German.
	`automatische antwort`, `abwesenheits(?:notiz|meldung|nachricht|assistent)`, `abwesenheit`, `abwesend`, `unzustellbar`,
	// Spanish.
	`respuesta autom[áa]tica`, `fuera de la oficina`, `no se puede entregar`, `ausencia`, `mensaje no entregado`,
	// Italian.
	`risposta automatica`, `fuori (?:sede|ufficio)`, `non recapitabile`,
	// Dutch.
	`automatisch antwoord`, `afwezig(?:heid(?:s(?:melding|bericht|assistent|notitie))?)?`, `onbestelbaar`,
	// Portuguese.
	`resposta autom[áa]tica`, `fora do escrit[óo]rio`, `aus[êe]ncia tempor[áa]ria`,
	// Arabic.
	`رد تلقائي`,
	// Outlook in the other languages helpdesks receive most from:
	// Swedish, Danish and Norwegian, Finnish, Polish, Czech.
	`automatiskt svar`, `automatisk svar`, `automaattinen vastaus`, `odpowied[źz] automatyczna`, `automatick[áa] odpov[ěe][ďd]`,
}, "|")
