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
	// the titles of untitled callouts (> [!NOTE], :::tip, !!! warning…)
	note, tip, important, warning, caution string
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
			note: "Remarque", tip: "Astuce", important: "Important", warning: "Avertissement", caution: "Attention",
		}
	case "de":
		return ui{
			footnotes: "Fußnoten", backToText: "Zurück zum Text", imageDescription: "Bildbeschreibung",
			watchVideo: "Video ansehen", tab: "Reiter", details: "Details",
			note: "Hinweis", tip: "Tipp", important: "Wichtig", warning: "Warnung", caution: "Achtung",
		}
	case "es":
		return ui{
			footnotes: "Notas", backToText: "Volver al texto", imageDescription: "Descripción de la imagen",
			watchVideo: "Ver el vídeo", tab: "Pestaña", details: "Detalles",
			note: "Nota", tip: "Consejo", important: "Importante", warning: "Advertencia", caution: "Precaución",
		}
	case "it":
		return ui{
			footnotes: "Note", backToText: "Torna al testo", imageDescription: "Descrizione dell’immagine",
			watchVideo: "Guarda il video", tab: "Scheda", details: "Dettagli",
			note: "Nota", tip: "Suggerimento", important: "Importante", warning: "Avviso", caution: "Attenzione",
		}
	case "pt":
		return ui{
			footnotes: "Notas", backToText: "Voltar ao texto", imageDescription: "Descrição da imagem",
			watchVideo: "Ver o vídeo", tab: "Separador", details: "Detalhes",
			note: "Nota", tip: "Dica", important: "Importante", warning: "Aviso", caution: "Cuidado",
		}
	case "nl":
		return ui{
			footnotes: "Voetnoten", backToText: "Terug naar de tekst", imageDescription: "Beschrijving van de afbeelding",
			watchVideo: "Bekijk de video", tab: "Tabblad", details: "Details",
			note: "Opmerking", tip: "Tip", important: "Belangrijk", warning: "Waarschuwing", caution: "Let op",
		}
	case "ar":
		return ui{
			footnotes: "الحواشي", backToText: "العودة إلى النص", imageDescription: "وصف الصورة",
			watchVideo: "شاهد الفيديو", tab: "علامة تبويب", details: "التفاصيل",
			note: "ملاحظة", tip: "نصيحة", important: "مهم", warning: "تحذير", caution: "تنبيه",
		}
	}
	return ui{
		footnotes: "Footnotes", backToText: "Back to text", imageDescription: "Image description",
		watchVideo: "Watch the video", tab: "Tab", details: "Details",
		note: "Note", tip: "Tip", important: "Important", warning: "Warning", caution: "Caution",
	}
}
