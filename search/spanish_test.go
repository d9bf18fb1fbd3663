package search

import (
	"testing"

	"github.com/guichet/guichet/site"
)

// TestSpanishShortPlurals: a Spanish word of four letters meets its
// plural, and one of three its plural of four, as longer words do through
// the light stemmer: "pago" found "pagos" only as a typo ("did you mean
// pagos"), "daño" likewise, and "dias" nothing where articles write "día".
func TestSpanishShortPlurals(t *testing.T) {
	lib := &site.Library{
		Config:     site.Config{DefaultLocale: "es", Locales: []string{"es"}},
		Hash:       "spanish-short",
		Categories: []*site.Category{{ID: "help", Locale: "es", Title: "Ayuda"}},
		Articles: []*site.Article{
			art("payments", "es", "help", "Métodos de pagos aceptados", "Tarjetas y transferencias.", nil,
				sec("", "", "Aceptamos pagos con tarjeta.")),
			art("insurance", "es", "help", "¿Qué cubre el seguro?", "Robo y daños.", nil,
				sec("", "", "Tu seguro cubre los daños accidentales.")),
			art("delivery", "es", "help", "Plazo de entrega", "Un día laborable.", nil,
				sec("", "", "Entregamos en un día.")),
			art("photos", "es", "help", "Subir una foto del recibo", "Fotos.", nil,
				sec("", "", "Haz una foto nítida.")),
		},
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ query, want string }{
		{"pago", "payments"},
		{"pago con tarjeta", "payments"},
		{"daño", "insurance"},
		{"dano", "insurance"},
		{"días de entrega", "delivery"},
		{"dias", "delivery"},
		{"fotos", "photos"},
	} {
		r := search(t, ix, tt.query, "es")
		got := ""
		if len(r.Hits) > 0 {
			got = r.Hits[0].ID
		}
		if got != tt.want || r.DidYouMean != "" || r.Weak {
			t.Errorf("Search(%q) = %v (did you mean %q, weak %t), want %q first, as typed", tt.query, ids(r), r.DidYouMean, r.Weak, tt.want)
		}
	}
}
