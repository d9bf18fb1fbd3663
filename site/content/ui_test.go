package content

import (
	"strings"
	"testing"
)

// TestRendererWordsFromSiteStrings: the words the renderer writes into
// articles (the footnote list's name and its back links', a long image
// description's summary, a video's link, an unnamed tab's and an untitled
// collapsible block's summary) are interface strings, as the callout
// titles are: a content folder's i18n/<locale>.yaml, or its
// theme/i18n/<locale>.yaml, rewords them; one left blank keeps the
// theme's; a locale the site does not reword keeps the theme's in its
// language. They were a table inside the renderer, whatever the site said.
func TestRendererWordsFromSiteStrings(t *testing.T) {
	body := "Text[^1].\n\n[^1]: The note.\n\n" +
		":::image type=\"complex\" source=\"a.png\" alt-text=\"A chart\":::\nThe long description.\n:::image-end:::\n\n" +
		"> [!VIDEO https://www.youtube.com/embed/abc]\n\n" +
		"{{< tab >}}\nInside.\n{{< /tab >}}\n\n" +
		":::details\nHidden.\n:::\n"
	lib := load(t, map[string]string{
		"guichet.yaml":        "title: Help\nlocales: [en, fr, de, pt-BR]\n",
		"i18n/en.yaml":        "footnotes: Notes and sources\nback_to_text: Up to the text\nwatch_video: Play the demo\nuntitled_details: More\n",
		"theme/i18n/en.yaml":  "image_description: What the picture shows\nuntitled_tab: Option\n",
		"i18n/fr.yaml":        "untitled_details: \"  \"\nwatch_video: Voir la démo\n",
		"a.png":               "\x89PNG\r\n\x1a\n",
		"help/_index.md":      "---\ntitle: Help\n---\n",
		"help/words.md":       "---\ntitle: Words\n---\n" + body,
		"help/words.fr.md":    "---\ntitle: Mots\n---\n" + strings.ReplaceAll(body, "a.png", "../a.png"),
		"help/words.de.md":    "---\ntitle: Wörter\n---\n" + strings.ReplaceAll(body, "a.png", "../a.png"),
		"help/words.pt-BR.md": "---\ntitle: Palavras\n---\n" + strings.ReplaceAll(body, "a.png", "../a.png"),
	})
	for file, wants := range map[string][]string{
		"help/words.md": {`aria-label="Notes and sources"`, `aria-label="Up to the text"`, `<summary>What the picture shows</summary>`,
			`>Play the demo</a>`, `<summary>Option</summary>`, `<summary>More</summary>`},
		// Blank: the theme's French.
		"help/words.fr.md": {`aria-label="Notes"`, `aria-label="Retour au texte"`, `<summary>Description de l’image</summary>`,
			`>Voir la démo</a>`, `<summary>Onglet</summary>`, `<summary>Détails</summary>`},
		"help/words.de.md": {`aria-label="Fußnoten"`, `>Video ansehen</a>`, `<summary>Reiter</summary>`, `<summary>Details</summary>`},
		// Brazilian Portuguese where it differs from Portugal's.
		"help/words.pt-BR.md": {`aria-label="Notas"`, `>Assistir ao vídeo</a>`, `<summary>Aba</summary>`, `<summary>Detalhes</summary>`},
	} {
		html := string(article(t, lib, file).HTML)
		for _, w := range wants {
			if !strings.Contains(html, w) {
				t.Errorf("%s: want %s in\n%s", file, w, html)
			}
		}
	}
}
