package i18n

import "strings"

// Complaint words: the words of a failed search or a ticket that say
// something is wrong, that it still is, or that help is asked, rather than
// what about ("payment failed", "wifi not working", "Akku lädt nicht
// mehr", "problème de connexion", "lukt niet"). They come in the queries
// and tickets of every topic, so they tell none apart: the gap report
// weighs them little when grouping (package site/gaps) and ticket linking
// reads past them (package search). Both read this one list.

// complaintWords are, by language (Language of a locale), the complaint
// words as Word.Plain has them: folded (accents off) and lower-cased,
// apostrophes dropped ("can't" → "cant").
var complaintWords = map[string]map[string]bool{
	"en": fieldSet(`not no nope cant cannot dont doesnt didnt wont isnt arent wasnt aint couldnt
		anymore still again since
		problem problems issue issues error errors fail fails failed failing failure
		broken wrong trouble help question questions`),
	"fr": fieldSet(`pas ne n plus jamais rien toujours encore depuis
		probleme problemes souci soucis erreur erreurs bug bugs echec echoue panne
		marche marchent fonctionne fonctionnent impossible aide question questions`),
	// German: "kaputt", "geht nicht mehr", "funktioniert nicht", and
	// "seit" (since when, not what: "Rechnung fehlt seit August" and
	// "Akku lädt nicht seit Update" ask nothing alike).
	"de": fieldSet(`nicht kein keine keinen nichts mehr noch immer wieder seit
		problem probleme fehler fehlern geht gehen ging funktioniert funktionieren funktioniere klappt klappen
		kaputt defekt falsch fehlgeschlagen hilfe frage fragen`),
	// Dutch: "kapot", "werkt niet meer", "lukt niet", and "sinds", as
	// the German ones.
	"nl": fieldSet(`niet geen niets meer nog steeds weer sinds
		probleem problemen fout fouten foutmelding werkt werken werkte werkend doet lukt lukken gelukt
		kapot kapotte defect mislukt mislukken hulp vraag vragen`),
	"es": fieldSet(`sigue todavia problema problemas error errores
		funciona funcionan roto rota falla fallo ayuda pregunta preguntas duda dudas`),
	"it": fieldSet(`ancora problema problemi errore errori funziona funzionano rotto rotta guasto
		aiuto domanda domande`),
	"pt": fieldSet(`ainda problema problemas erro erros funciona funcionam quebrado quebrada
		ajuda pergunta duvida duvidas`),
}

// ComplaintWords returns the complaint words of lang (Language of a
// locale), folded and lower-cased; nil for a language without a list.
// The map is shared: do not change it.
func ComplaintWords(lang string) map[string]bool { return complaintWords[lang] }

// fieldSet is wordSet of the words of s, separated by white space.
func fieldSet(s string) map[string]bool { return wordSet(strings.Fields(s)...) }
