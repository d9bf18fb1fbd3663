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
	// The titles of untitled callouts are interface strings
	// (callout_note…, doc.calloutTitle): a site can reword them.
}

// uiFor returns the renderer's words in locale's language (the languages
// the default theme ships strings for), English for the others.
func uiFor(locale string) ui {
	lang, _, _ := strings.Cut(locale, "-")
	switch lang {
	case "fr":
		return ui{
			footnotes: "Notes", backToText: "Retour au texte", imageDescription: "Description de l’image",
			watchVideo: "Regarder la vidéo", tab: "Onglet", details: "Détails",
		}
	case "de":
		return ui{
			footnotes: "Fußnoten", backToText: "Zurück zum Text", imageDescription: "Bildbeschreibung",
			watchVideo: "Video ansehen", tab: "Reiter", details: "Details",
		}
	case "es":
		return ui{
			footnotes: "Notas", backToText: "Volver al texto", imageDescription: "Descripción de la imagen",
			watchVideo: "Ver el vídeo", tab: "Pestaña", details: "Detalles",
		}
	case "it":
		return ui{
			footnotes: "Note", backToText: "Torna al testo", imageDescription: "Descrizione dell’immagine",
			watchVideo: "Guarda il video", tab: "Scheda", details: "Dettagli",
		}
	case "pt":
		return ui{
			footnotes: "Notas", backToText: "Voltar ao texto", imageDescription: "Descrição da imagem",
			watchVideo: "Ver o vídeo", tab: "Separador", details: "Detalhes",
		}
	case "nl":
		return ui{
			footnotes: "Voetnoten", backToText: "Terug naar de tekst", imageDescription: "Beschrijving van de afbeelding",
			watchVideo: "Bekijk de video", tab: "Tabblad", details: "Details",
		}
	case "ar":
		return ui{
			footnotes: "الحواشي", backToText: "العودة إلى النص", imageDescription: "وصف الصورة",
			watchVideo: "شاهد الفيديو", tab: "علامة تبويب", details: "التفاصيل",
		}
	}
	return ui{
		footnotes: "Footnotes", backToText: "Back to text", imageDescription: "Image description",
		watchVideo: "Watch the video", tab: "Tab", details: "Details",
	}
}
