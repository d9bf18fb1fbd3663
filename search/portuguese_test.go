package search

import (
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestPortuguesePlurals: a Portuguese plural in -ões typed with or without
// its accents finds the article that writes the singular in -ão as the
// word itself, not as a typo of it ("devoluções" answered, not related;
// the word marked as typed, not as a correction), and the other way round.
func TestPortuguesePlurals(t *testing.T) {
	lib := &site.Library{
		Config:     site.Config{DefaultLocale: "pt-BR", Locales: []string{"pt-BR"}},
		Hash:       "pt-plurals",
		Categories: []*site.Category{{ID: "help", Locale: "pt-BR", Title: "Ajuda"}},
		Articles: []*site.Article{
			art("reso", "pt-BR", "help", "Devolver um produto", "Prazo para a devolução gratuita.", nil,
				sec("", "", "Preencha o formulário de devolução no seu pedido e imprima a etiqueta.")),
			art("notif", "pt-BR", "help", "Não recebo as notificações de movimento", "Permissões do app.", nil,
				sec("", "", "Verifique se as notificações do app estão ativas.")),
			art("wifi", "pt-BR", "help", "Conectar a câmera ao Wi-Fi", "Redes de 2,4 GHz.", nil,
				sec("", "", "A câmera se conecta apenas a redes de 2,4 GHz.")),
		},
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, id, word string }{
		{"devoluções", "reso", "devolução"}, {"devolucoes", "reso", "devolução"}, {"devolução", "reso", "devolução"},
		{"notificação", "notif", "notificações"}, {"notificacao", "notif", "notificações"},
	} {
		r := search(t, ix, tt.q, "pt-BR")
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.id || r.Weak {
			t.Errorf("Search(%q) = %v (weak %v), want %s answered first", tt.q, ids(r), r.Weak, tt.id)
			continue
		}
		if s := string(r.Hits[0].Snippet); !strings.Contains(s, "<mark>"+tt.word+"</mark>") {
			t.Errorf("Search(%q): snippet %q, want %s marked as typed", tt.q, s, tt.word)
		}
	}
}
