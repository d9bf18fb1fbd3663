package search

import "testing"

// TestSuggestCourtesy: thanks typed last with the words that make it
// warmer ("thanks a lot", "thank you so much", "grazie mille", "grazie in
// anticipo", "cordiali saluti"), and greetings typed first ("hey there",
// "good morning") say nothing, as "thanks" and "merci beaucoup" do: the
// suggestions stay (they were none, since "lot", "much", "mille",
// "anticipo", "hey", "morning" are no stop words); textnorm.TrimCourtesy,
// as ticket topics read them.
func TestSuggestCourtesy(t *testing.T) {
	lib := helpLibrary("suggest-polite-phrases",
		art("skip", "en", "plans", "Skip a week", "No delivery that week.", nil,
			sec("", "", "You can skip a week of deliveries from the Plans page.")),
		art("pause", "en", "plans", "Pause your plan", "Up to four weeks.", nil,
			sec("", "", "Pause deliveries for up to four weeks.")),
		art("decal", "it", "cura", "Come decalcificare il bollitore", "Ogni mese.", nil,
			sec("", "", "Usa acido citrico.")),
	)
	lib.Config.Locales = []string{"en", "it"}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, locale, first string }{
		{"skip a week thanks a lot", "en", "skip"},
		{"skip a week thank you so much", "en", "skip"},
		{"skip a week thank you very much!", "en", "skip"},
		{"skip a week, many thanks", "en", "skip"},
		{"skip a week Thanks A Lot !", "en", "skip"},
		{"skip a week thanks in advance", "en", "skip"},
		{"skip a week kind regards", "en", "skip"},
		{"decalcificare grazie mille", "it", "decal"},
		{"decalcificare grazie tante", "it", "decal"},
		{"decalcificare, grazie in anticipo", "it", "decal"},
		{"decalcificare perfavore", "it", "decal"},
		{"decalcificare cordiali saluti", "it", "decal"},
		{"decalcificare mille grazie", "it", "decal"},
		{"hey skip a week", "en", "skip"},
		{"hey there, skip a week", "en", "skip"},
		{"Good morning, pause plan", "en", "pause"},
		{"buon pomeriggio, decalcificare grazie mille", "it", "decal"},
		{"hi, skip a week please, thanks a lot", "en", "skip"},
		{"bonjour, skip a week merci d'avance", "en", "skip"},
	} {
		if got := ids(suggest(t, ix, tt.q, tt.locale)); len(got) == 0 || got[0] != tt.first {
			t.Errorf("Suggest(%q, %s) = %v, want %s first", tt.q, tt.locale, got, tt.first)
		}
	}
	// A word of such a phrase typed on its own keeps its meaning.
	if got := ids(suggest(t, ix, "pause in advance", "en")); len(got) != 0 {
		t.Errorf("Suggest(pause in advance) = %v, want none (no article says advance)", got)
	}
}

// TestSearchCourtesy: the greeting a customer opens a search with ("bom
// dia,", "boa tarde,", "oi, tudo bem?") is read as autocomplete reads it,
// so the search answers what the suggestions offered: "dia" and "tarde"
// stay words of their own ("5 dias úteis"), and were counted against every
// article, calling the answer weak (or, "bom dia", offering the article
// on days first).
func TestSearchCourtesy(t *testing.T) {
	lib := helpLibrary("search-courtesy-pt",
		art("cancel", "pt-BR", "conta", "Cancelar a assinatura", "Cancele o plano mensal.", nil,
			sec("", "", "Toque em Assinatura e depois em Cancelar plano.")),
		art("refund", "pt-BR", "pagamentos", "Pedir um reembolso", "Em até 10 dias úteis.", nil,
			sec("", "", "O valor volta para o cartão em até 10 dias úteis.")),
		art("helmet", "pt-BR", "seguranca", "Preciso usar capacete?", "Regras de segurança.", nil,
			sec("", "", "O capacete é recomendado.")),
	)
	lib.Config.DefaultLocale = "pt-BR"
	lib.Config.Locales = []string{"pt-BR"}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first string }{
		{"bom dia, como cancelo", "cancel"},
		{"boa tarde, capacete", "helmet"},
		{"oi, tudo bem? como cancelo o plano", "cancel"},
		{"bom dia, quero um reembolso", "refund"},
	} {
		r := search(t, ix, tt.q, "pt-BR")
		if got := ids(r); len(got) == 0 || got[0] != tt.first || r.Weak {
			t.Errorf("Search(%q) = %v (weak %v), want %s first, as an answer", tt.q, got, r.Weak, tt.first)
		}
		if r.Query != tt.q {
			t.Errorf("Search(%q).Query = %q, want the query as typed", tt.q, r.Query)
		}
	}
}

// TestSearchCourtesyAlone: a search of greetings or thanks alone asks
// nothing and gets no article ("buenos días" answered an article on
// delivery times, "3 a 5 días"; a newcomer, rv19l), in search and
// autocomplete; a word beside them is searched.
func TestSearchCourtesyAlone(t *testing.T) {
	lib := helpLibrary("search-courtesy-alone",
		art("delivery", "es", "pedidos", "Plazo de entrega", "Entrega.", nil, sec("", "", "Tu pedido llega en 3 a 5 días.")),
		art("hours", "es", "pedidos", "Buenos tiempos de entrega", "Horario.", nil, sec("", "", "Entregamos de 9 a 21.")),
	)
	lib.Config.DefaultLocale, lib.Config.Locales = "es", []string{"es"}
	ix := buildLib(t, lib, "")
	for _, q := range []string{"buenos días", "Hola!", "gracias", "hola, gracias", "¡Buenos días!", "«buenos días»"} {
		if got := ids(search(t, ix, q, "es")); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
		if got := ids(suggest(t, ix, q, "es")); len(got) != 0 {
			t.Errorf("Suggest(%q) = %v, want nothing", q, got)
		}
	}
	if got := ids(search(t, ix, "buenos días, plazo de entrega", "es")); len(got) == 0 || got[0] != "delivery" {
		t.Errorf("Search(buenos días, plazo de entrega) = %v, want delivery", got)
	}
}
