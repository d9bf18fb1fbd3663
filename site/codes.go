package site

import (
	"strings"
	"unicode/utf8"
)

// Error codes in what visitors type: "error E42", "erreur 1935", "event
// 2004", "E24", "0x80070005". Search (a code no article holds is not
// answered by an article about another code) and the gap report (two
// codes are two problems) read them by these rules. Words are folded and
// lower-cased, as the analyses give them.

// codeWords are the words after which a number names a code whatever its
// value: "error 1935", "event 2004", "exit code 1", "status 2001", "KB
// 2019", "erreur 1935", "code d'erreur 2003", "Fehler E7", "código 12".
// In the default theme's languages (Arabic aside), folded as the analyses
// give them.
var codeWords = map[string]bool{
	"error": true, "errors": true, "err": true, "erreur": true, "erreurs": true,
	"code": true, "codes": true, "event": true, "events": true, "evenement": true, "evenements": true,
	"id": true, "status": true, "statut": true, "kb": true,
	// German, Spanish, Italian, Dutch, Portuguese.
	"fehler": true, "fehlercode": true, "fehlermeldung": true, "statuscode": true,
	"errores": true, "codigo": true, "codigos": true,
	"errore": true, "errori": true, "codice": true, "codici": true,
	"fout": true, "fouten": true, "foutcode": true, "foutmelding": true,
	"erro": true, "erros": true,
}

// CodeWord reports whether word (folded, lower-cased) announces a code:
// error, err, code, event, id, status, KB, erreur, évènement, statut,
// Fehler, código, errore, codice, fout, erro and their plurals, elided or
// not ("d'erreur", "l’evenement", "dell'errore").
func CodeWord(word string) bool {
	if i := strings.LastIndexAny(word, "'’"); i >= 0 {
		_, n := utf8.DecodeRuneInString(word[i:])
		word = word[i+n:]
	}
	return codeWords[word]
}

// CodeLike reports whether s, the word after a code word, names a code by
// its shape: ASCII letters and digits with at least one digit ("1935",
// "5", "e42", "p0420"); a version ("v2.3") or a word without a digit is
// none.
func CodeLike(s string) bool {
	digit := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digit = true
		case c < 'a' || c > 'z':
			return false
		}
	}
	return digit
}

// CodeAfter reports whether word, typed right after prev (itself after
// before, "" at the start), names a code: a code word (CodeWord), then a
// number or a word of letters and digits (CodeLike): "error E99",
// "erreur 1234", "code 7". "id" announces a code only after another code
// word ("event id 4625"): "order id 4821" and "user id 77" name
// references. A number after any other word is what it seems: "order
// 4821" and "invoice 2023" name an order and a year.
func CodeAfter(before, prev, word string) bool {
	if !CodeWord(prev) || !CodeLike(word) {
		return false
	}
	return prev != "id" || CodeWord(before)
}

// ShortCode reports whether word is one to three ASCII letters then two
// digits, the shape of the error codes appliances, cars and devices show
// ("e24", "f05", "ps02"), and of models ("s23", "x86"): two such words
// name different things ("E24" and "E15", "F05" and "E05"), so the
// letters are part of the code.
func ShortCode(word string) bool {
	letters := 0
	for letters < len(word) && word[letters] >= 'a' && word[letters] <= 'z' {
		letters++
	}
	if letters == 0 || letters > 3 || len(word) != letters+2 {
		return false
	}
	return word[letters] >= '0' && word[letters] <= '9' && word[letters+1] >= '0' && word[letters+1] <= '9'
}

// HexCode reports whether word is a hexadecimal number written with 0x
// and at least three digits ("0x80070005", "0x800f081f", "0x1f4"), as
// programs report their errors.
func HexCode(word string) bool {
	h, ok := strings.CutPrefix(word, "0x")
	if !ok || len(h) < 3 {
		return false
	}
	for i := 0; i < len(h); i++ {
		if c := h[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// CodeShaped reports whether word names an error code by its shape
// alone, whatever word comes before it: a short code ("e99", see
// ShortCode), a hexadecimal number written with 0x (HexCode:
// "0x80070005"), or an HRESULT written without it (HexErrorCode:
// "8007000e", "80070005"). A number alone ("4821", "2023") or a word of
// letters and more digits ("kb5031356", "iphone15") is no code by its
// shape.
func CodeShaped(word string) bool { return HexCode(word) || ShortCode(word) || HexErrorCode(word) }

// QueryCodes returns the positions in words (a query's words in order,
// stop words included, folded and lower-cased) of the words that name an
// error code: right after a code word (CodeAfter: "error E99", "event
// 4625") or by their shape alone (CodeShaped: "E99", "0x80070005").
// "refund order 4821" names none.
func QueryCodes(words []string) []int {
	var out []int
	for k, w := range words {
		if CodeShaped(w) || CodeAt(words, k) {
			out = append(out, k)
		}
	}
	return out
}

// CodeAt reports whether words[k] (a query's words in order, stop words
// included, folded and lower-cased) names a code by the word before it
// (CodeAfter), reading the two words before it.
func CodeAt(words []string, k int) bool {
	return k > 0 && k < len(words) && CodeAfter(wordAt(words, k-2), words[k-1], words[k])
}

// wordAt returns words[k], "" out of range.
func wordAt(words []string, k int) string {
	if k < 0 || k >= len(words) {
		return ""
	}
	return words[k]
}

// referenceWords are the words after which a number names one customer's
// order, invoice, booking or account, not a problem: "order 4821",
// "invoice 20231104", "commande 4821", "pedido 4821", "Bestellung 4821".
// Folded and lower-cased, in the interface's languages.
var referenceWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		order orders invoice invoices booking bookings reservation reservations ticket tickets receipt receipts
		transaction transactions account parcel package shipment tracking case claim policy contract customer
		member membership number num nr ref reference
		commande commandes facture factures billet billets recu compte colis dossier contrat client numero
		pedido pedidos factura facturas reserva reservas billete recibo transaccion cuenta paquete envio expediente contrato cliente
		bestellung bestellnummer rechnung rechnungsnummer buchung reservierung beleg konto paket sendung vertrag kunde kundennummer nummer
		ordine fattura prenotazione biglietto ricevuta conto pacco contratto
		bestelling factuur boeking reservering rekening pakket klant klantnummer
		encomenda fatura bilhete conta pacote`) {
		referenceWords[w] = true
	}
}

// referenceMarks are the words between a reference word and its number:
// "order id 4821", "facture n° 4821" ("n°" is read "n"), "order no. 4821",
// "commande nº 4821" ("nº" is read "no").
var referenceMarks = map[string]bool{"id": true, "n": true, "no": true}

// Reference reports whether word, typed right after prev (itself after
// before, "" at the start), is the number of one customer's order,
// invoice, booking, account… (a number, or letters and digits with more
// digits than letters, after a word such as order, invoice, booking,
// account, number, commande, facture, pedido, Bestellung, or after "id",
// "n°" or "no" that follows one: "order id 4821", "facture n° 4821"): it names that customer's case, not
// a problem, so two such numbers ask the same thing ("order 4821 refund",
// "order 4822 refund"). A code word before it makes it a code instead
// (CodeAfter).
func Reference(before, prev, word string) bool {
	if !referenceWords[prev] && (!referenceMarks[prev] || !referenceWords[before]) || word == "" {
		return false
	}
	digits, letters := 0, 0
	for i := 0; i < len(word); i++ {
		switch c := word[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'a' && c <= 'z':
			letters++
		default:
			return false
		}
	}
	return digits > 0 && digits > letters
}
