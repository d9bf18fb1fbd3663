package web_test

import (
	"net/http"
	"testing"
)

// TestCategoryDescriptionPunctuation: a category without a description of
// its own is described by its title and count, punctuated the way its
// language writes ("Compte : 2 articles." in French, a space before the
// colon).
func TestCategoryDescriptionPunctuation(t *testing.T) {
	e, _ := newEnvFS(t, map[string]string{
		"guichet.yaml":           "title: Acme\nlocales: [en, fr]\n",
		"account/_index.md":      "---\ntitle: Account\n---\n",
		"account/_index.fr.md":   "---\ntitle: Compte\n---\n",
		"account/password.md":    "---\ntitle: Reset your password\nid: password\n---\nText.\n",
		"account/password.fr.md": "---\ntitle: Réinitialiser le mot de passe\nid: password\n---\nTexte.\n",
		"account/email.md":       "---\ntitle: Change your email\nid: email\n---\nText.\n",
		"account/email.fr.md":    "---\ntitle: Changer d’adresse\nid: email\n---\nTexte.\n",
	})
	for path, want := range map[string]string{
		"/account/":    "Account: 2 articles.",
		"/fr/account/": "Compte : 2 articles.",
	} {
		w := e.do(t, http.MethodGet, path, nil)
		if w.Code != http.StatusOK {
			t.Fatalf("%s: status %d", path, w.Code)
		}
		if got := readHead(t, w.Body.String()).desc; got != want {
			t.Errorf("%s: description %q, want %q", path, got, want)
		}
	}
}
