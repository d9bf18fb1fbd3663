package search

import "testing"

func TestTmpGuess(t *testing.T) {
	g := NewLocaleGuesser("en", []string{"en", "es"})
	for _, c := range [][2]string{
		{"¿Cómo subo una receta? [email] thanks", "Hi team,\nBuenas, no encuentro dónde subir la receta. Mi correo es [email]\nSent from my iPhone"},
		{"reembolso pedido [number] - please help", "Quiero el reembolso del pedido [number]. Gracias"},
		{"¿Cómo subo una receta?", ""},
	} {
		t.Logf("%q → %q", c[0], g.GuessLocale(c[0], c[1]))
	}
}
