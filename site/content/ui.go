package content

import "strings"

// ui holds the few words the renderer itself writes into articles, in one
// locale.
type ui struct {
	footnotes        string // accessible name of the footnote list
	backToText       string // accessible name of a footnote's back link
	imageDescription string // summary of a long image description
	watchVideo       string // link text of an embedded video
	tab              string // summary of an unnamed tab
	details          string // summary of an untitled collapsible block
}

// uiFor returns the renderer's words in locale's language, English for
// languages without a translation.
func uiFor(locale string) ui {
	lang, _, _ := strings.Cut(locale, "-")
	if lang == "fr" {
		return ui{
			footnotes: "Notes", backToText: "Retour au texte", imageDescription: "Description de l’image",
			watchVideo: "Regarder la vidéo", tab: "Onglet", details: "Détails",
		}
	}
	return ui{
		footnotes: "Footnotes", backToText: "Back to text", imageDescription: "Image description",
		watchVideo: "Watch the video", tab: "Tab", details: "Details",
	}
}
