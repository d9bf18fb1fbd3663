package web

import (
	"sort"
	"strconv"
	"strings"
)

// messages holds the interface strings per locale. A locale without a table
// uses English. Read-only after package initialisation.
var messages = map[string]map[string]string{
	"en": {
		"lang_name":                  "English",
		"skip":                       "Skip to content",
		"home":                       "Help Center",
		"search_label":               "Search the help center",
		"search_ph":                  "Search for answers…",
		"search_btn":                 "Search",
		"categories":                 "Categories",
		"top_questions":              "Top questions",
		"faq_title":                  "Frequently asked questions",
		"faq_intro":                  "The questions our support team is asked most, with their answers.",
		"faq_all":                    "All frequently asked questions",
		"faq_read":                   "Open the full article",
		"faq_empty":                  "No frequently asked questions yet.",
		"articles":                   "articles",
		"article_one":                "article",
		"in_this_article":            "In this article",
		"updated":                    "Last updated:",
		"related":                    "Related articles",
		"helpful_q":                  "Was this article helpful?",
		"yes":                        "Yes",
		"no":                         "No",
		"thanks":                     "Thanks for your feedback!",
		"thanks_no":                  "Thanks for telling us. We will use your feedback to improve this article.",
		"back_to_article":            "Back to the article",
		"breadcrumb":                 "Breadcrumb",
		"language":                   "Language",
		"other_languages":            "Also available in",
		"results_for":                "Search results for “%s”",
		"results_title":              "Search results",
		"results_count":              "%d results",
		"result_one":                 "1 result",
		"no_results":                 "No articles match “%s”.",
		"past_end":                   "There are no more results for “%s”.",
		"first_page":                 "Back to the first page",
		"no_results_tips":            "Try fewer or different words, or browse the categories below.",
		"showing_results_for":        "Showing results for",
		"search_instead_for":         "Search instead for",
		"common_words":               "“%s” has only very common words. Add a word that says what you are looking for.",
		"fallback_locale":            "No results in your language; showing results in %s.",
		"prev":                       "Previous",
		"next":                       "Next",
		"pagination":                 "Pagination",
		"page_n":                     "Page %d",
		"not_found_title":            "Page not found",
		"not_found_text":             "We could not find this page. These articles might help:",
		"gone_title":                 "Page removed",
		"gone_text":                  "This article has been removed. Search for what you need:",
		"error_title":                "Something went wrong",
		"error_text":                 "Please try again in a moment.",
		"contact":                    "Contact support",
		"still_need_help":            "Still need help?",
		"sections":                   "Sections",
		"suggestions":                "Suggestions",
		"no_suggestions":             "No suggestions",
		"suggestions_count":          "%d suggestions available. Use up and down arrows to choose.",
		"draft":                      "Draft",
		"scheduled":                  "Scheduled",
		"description":                "Answers to your questions.",
		"bad_request":                "Bad request",
		"toc":                        "Table of contents",
		"main_nav":                   "Main",
		"footer":                     "Powered by Guichet",
		"why_q":                      "What went wrong?",
		"why_title":                  "Tell us what was missing",
		"comment_label":              "Anything else? (optional)",
		"send":                       "Send",
		"reason_missing_information": "Information is missing",
		"reason_inaccurate":          "It is inaccurate or out of date",
		"reason_hard_to_understand":  "It is hard to understand",
		"reason_broken_link":         "A link or image is broken",
		"reason_other":               "Something else",
		"feed_title":                 "New and updated articles",
		"widget_open":                "Help",
		"widget_close":               "Close help",
		"widget_title":               "Help",
		"widget_back":                "Back",
		"widget_for_page":            "Suggested for this page",
		"widget_suggested":           "Suggested articles",
		"widget_popular":             "Popular articles",
		"widget_full":                "Open the full article",
		"widget_browse":              "Browse the help center",
		"widget_error":               "This could not be loaded. Check your connection and try again.",
		"widget_not_allowed":         "This site is not allowed to show the help widget.",
		"widget_demo_title":          "Help widget demo",
		"contact_title":              "Contact support",
		"contact_intro":              "Tell us what you need. As you type the subject, we suggest articles that may answer it at once.",
		"contact_subject":            "Subject",
		"contact_description":        "Description",
		"contact_description_hint":   "What did you try, what happened, what did you expect?",
		"contact_email":              "Your e-mail address",
		"contact_email_hint":         "We reply to this address; it is used for nothing else.",
		"contact_suggest_btn":        "Suggest articles",
		"contact_suggestions":        "These articles may answer your question",
		"contact_no_suggestions":     "No article matches this subject yet.",
		"contact_send":               "Send to support",
		"contact_sent_title":         "Your request was sent",
		"contact_sent":               "Thank you. The support team has your request and will reply by e-mail.",
		"contact_unavailable":        "The contact form is not available on this help center.",
		"contact_fix":                "Please check the form",
		"subscribe_title":            "Tell me when this is answered",
		"subscribe_intro":            "Leave your e-mail address and we will write to you once, when an article answers “%s” or the problem is fixed.",
		"subscribe_email":            "E-mail address",
		"subscribe_btn":              "Notify me",
		"subscribe_privacy":          "Your address is used only for this and deleted after the notification, or after 180 days at the latest.",
		"subscribe_sent_title":       "Check your e-mail",
		"subscribe_sent":             "Unless this address already asked, we sent it a confirmation link. Open it within 48 hours to confirm.",
		"subscribe_confirmed_title":  "You will be told",
		"subscribe_confirmed":        "We will write to you once, when “%s” is answered. Then your address is deleted.",
		"unsubscribe_title":          "Unsubscribed",
		"unsubscribe_done":           "Your address is deleted: you will not hear from us about this again.",
		"unsubscribe_link":           "Unsubscribe",
		"sub_mail_confirm_subject":   "Confirm: tell me when “%s” is answered",
		"sub_mail_confirm_body":      "You asked %s to tell you when this question is answered:\n\n    %s\n\nTo confirm, open this link within 48 hours:\n%s\n\nIf you did not ask, ignore this e-mail: your address will be deleted in 48 hours.\n\nCancel: %s\n",
		"sub_mail_answered_subject":  "Answered: %s",
		"sub_mail_answered_body":     "You asked to be told when this question was answered:\n\n    %s\n\n%s\n\nThis is the only e-mail you get about it: your address is now deleted.\n\n%s\nUnsubscribe: %s\n",
		"sub_mail_article":           "This article answers it: %s\n%s",
		"sub_mail_fixed":             "The team has fixed it.",
		"widget_contact":             "Contact support",
	},
	"fr": {
		"lang_name":                  "Français",
		"skip":                       "Aller au contenu",
		"home":                       "Centre d’aide",
		"search_label":               "Rechercher dans le centre d’aide",
		"search_ph":                  "Rechercher une réponse…",
		"search_btn":                 "Rechercher",
		"categories":                 "Catégories",
		"top_questions":              "Questions fréquentes",
		"faq_title":                  "Foire aux questions",
		"faq_intro":                  "Les questions que l’on pose le plus souvent à notre support, avec leurs réponses.",
		"faq_all":                    "Toutes les questions fréquentes",
		"faq_read":                   "Ouvrir l’article complet",
		"faq_empty":                  "Pas encore de questions fréquentes.",
		"articles":                   "articles",
		"article_one":                "article",
		"in_this_article":            "Dans cet article",
		"updated":                    "Dernière mise à jour :",
		"related":                    "Articles connexes",
		"helpful_q":                  "Cet article vous a-t-il aidé ?",
		"yes":                        "Oui",
		"no":                         "Non",
		"thanks":                     "Merci pour votre avis !",
		"thanks_no":                  "Merci de nous l’avoir signalé. Votre avis nous aidera à améliorer cet article.",
		"back_to_article":            "Retour à l’article",
		"breadcrumb":                 "Fil d’Ariane",
		"language":                   "Langue",
		"other_languages":            "Aussi disponible en",
		"results_for":                "Résultats pour « %s »",
		"results_title":              "Résultats de recherche",
		"results_count":              "%d résultats",
		"result_one":                 "1 résultat",
		"no_results":                 "Aucun article ne correspond à « %s ».",
		"past_end":                   "Il n’y a plus de résultats pour « %s ».",
		"first_page":                 "Revenir à la première page",
		"no_results_tips":            "Essayez d’autres mots, moins nombreux, ou parcourez les catégories ci-dessous.",
		"showing_results_for":        "Résultats pour",
		"search_instead_for":         "Rechercher plutôt",
		"common_words":               "« %s » ne contient que des mots très courants. Ajoutez un mot qui dit ce que vous cherchez.",
		"fallback_locale":            "Aucun résultat dans votre langue ; voici les résultats en %s.",
		"prev":                       "Précédent",
		"next":                       "Suivant",
		"pagination":                 "Pagination",
		"page_n":                     "Page %d",
		"not_found_title":            "Page introuvable",
		"not_found_text":             "Nous n’avons pas trouvé cette page. Ces articles pourraient vous aider :",
		"gone_title":                 "Page supprimée",
		"gone_text":                  "Cet article a été supprimé. Recherchez ce dont vous avez besoin :",
		"error_title":                "Une erreur est survenue",
		"error_text":                 "Veuillez réessayer dans un instant.",
		"contact":                    "Contacter le support",
		"still_need_help":            "Besoin d’aide supplémentaire ?",
		"sections":                   "Sections",
		"suggestions":                "Suggestions",
		"no_suggestions":             "Aucune suggestion",
		"suggestions_count":          "%d suggestions disponibles. Utilisez les flèches haut et bas pour choisir.",
		"draft":                      "Brouillon",
		"scheduled":                  "Programmé",
		"description":                "Des réponses à vos questions.",
		"bad_request":                "Requête invalide",
		"toc":                        "Table des matières",
		"main_nav":                   "Principal",
		"footer":                     "Propulsé par Guichet",
		"why_q":                      "Qu’est-ce qui n’allait pas ?",
		"why_title":                  "Dites-nous ce qui manquait",
		"comment_label":              "Autre chose ? (facultatif)",
		"send":                       "Envoyer",
		"reason_missing_information": "Il manque des informations",
		"reason_inaccurate":          "C’est inexact ou dépassé",
		"reason_hard_to_understand":  "C’est difficile à comprendre",
		"reason_broken_link":         "Un lien ou une image ne fonctionne pas",
		"reason_other":               "Autre chose",
		"feed_title":                 "Articles nouveaux et mis à jour",
		"widget_open":                "Aide",
		"widget_close":               "Fermer l’aide",
		"widget_title":               "Aide",
		"widget_back":                "Retour",
		"widget_for_page":            "Suggestions pour cette page",
		"widget_suggested":           "Articles suggérés",
		"widget_popular":             "Articles populaires",
		"widget_full":                "Ouvrir l’article complet",
		"widget_browse":              "Parcourir le centre d’aide",
		"widget_error":               "Impossible de charger ce contenu. Vérifiez votre connexion et réessayez.",
		"widget_not_allowed":         "Ce site n’est pas autorisé à afficher le widget d’aide.",
		"widget_demo_title":          "Démo du widget d’aide",
		"contact_title":              "Contacter le support",
		"contact_intro":              "Dites-nous ce dont vous avez besoin. Pendant que vous tapez l’objet, nous suggérons des articles qui y répondent peut-être tout de suite.",
		"contact_subject":            "Objet",
		"contact_description":        "Description",
		"contact_description_hint":   "Qu’avez-vous essayé, que s’est-il passé, qu’attendiez-vous ?",
		"contact_email":              "Votre adresse e-mail",
		"contact_email_hint":         "Nous répondons à cette adresse ; elle ne sert à rien d’autre.",
		"contact_suggest_btn":        "Suggérer des articles",
		"contact_suggestions":        "Ces articles répondent peut-être à votre question",
		"contact_no_suggestions":     "Aucun article ne correspond encore à cet objet.",
		"contact_send":               "Envoyer au support",
		"contact_sent_title":         "Votre demande a été envoyée",
		"contact_sent":               "Merci. L’équipe du support a reçu votre demande et vous répondra par e-mail.",
		"contact_unavailable":        "Le formulaire de contact n’est pas disponible sur ce centre d’aide.",
		"contact_fix":                "Veuillez vérifier le formulaire",
		"subscribe_title":            "Prévenez-moi quand ce sera résolu",
		"subscribe_intro":            "Laissez votre adresse e-mail : nous vous écrirons une fois, quand un article répondra à « %s » ou que le problème sera corrigé.",
		"subscribe_email":            "Adresse e-mail",
		"subscribe_btn":              "Me prévenir",
		"subscribe_privacy":          "Votre adresse ne sert qu’à cela et est effacée après la notification, ou au plus tard après 180 jours.",
		"subscribe_sent_title":       "Consultez vos e-mails",
		"subscribe_sent":             "Sauf si cette adresse l’a déjà demandé, nous lui avons envoyé un lien de confirmation. Ouvrez-le dans les 48 heures pour confirmer.",
		"subscribe_confirmed_title":  "Vous serez prévenu",
		"subscribe_confirmed":        "Nous vous écrirons une fois, quand « %s » aura une réponse. Votre adresse sera ensuite effacée.",
		"unsubscribe_title":          "Désabonnement effectué",
		"unsubscribe_done":           "Votre adresse est effacée : vous ne recevrez plus rien à ce sujet.",
		"unsubscribe_link":           "Se désabonner",
		"sub_mail_confirm_subject":   "Confirmez : prévenez-moi quand « %s » aura une réponse",
		"sub_mail_confirm_body":      "Vous avez demandé à %s de vous prévenir quand cette question aura une réponse :\n\n    %s\n\nPour confirmer, ouvrez ce lien dans les 48 heures :\n%s\n\nSi vous n’avez rien demandé, ignorez cet e-mail : votre adresse sera effacée dans 48 heures.\n\nAnnuler : %s\n",
		"sub_mail_answered_subject":  "Réponse : %s",
		"sub_mail_answered_body":     "Vous avez demandé à être prévenu quand cette question aurait une réponse :\n\n    %s\n\n%s\n\nC’est le seul e-mail que vous recevrez à ce sujet : votre adresse est maintenant effacée.\n\n%s\nSe désabonner : %s\n",
		"sub_mail_article":           "Cet article y répond : %s\n%s",
		"sub_mail_fixed":             "L’équipe l’a corrigé.",
		"widget_contact":             "Contacter le support",
	},
}

// Strings returns the interface strings of a locale ("fr-CA" uses "fr",
// a locale without strings English), for the e-mails sent outside a page.
// The map must not be changed.
func Strings(locale string) map[string]string { return strs(locale) }

// strs returns the interface strings for locale ("fr-CA" uses "fr").
func strs(locale string) map[string]string {
	if m, ok := messages[locale]; ok {
		return m
	}
	if i := strings.IndexByte(locale, '-'); i > 0 {
		if m, ok := messages[locale[:i]]; ok {
			return m
		}
	}
	return messages["en"]
}

// langName is the name of a locale in its own language.
func langName(locale string) string {
	if m, ok := messages[locale]; ok {
		return m["lang_name"]
	}
	return locale
}

// negotiateLocale picks the best of supported for an Accept-Language header,
// or "" when none matches.
func negotiateLocale(header string, supported []string) string {
	type pref struct {
		tag string
		q   float64
	}
	var prefs []pref
	for _, part := range strings.Split(header, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		tag, params, _ := strings.Cut(part, ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		prefs = append(prefs, pref{strings.ToLower(strings.TrimSpace(tag)), q})
	}
	sort.SliceStable(prefs, func(i, j int) bool { return prefs[i].q > prefs[j].q })
	for _, p := range prefs {
		if p.q <= 0 {
			continue
		}
		for _, s := range supported {
			ls := strings.ToLower(s)
			if p.tag == ls {
				return s
			}
		}
		base, _, _ := strings.Cut(p.tag, "-")
		for _, s := range supported {
			sb, _, _ := strings.Cut(strings.ToLower(s), "-")
			if base == sb {
				return s
			}
		}
	}
	return ""
}
