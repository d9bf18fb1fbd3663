package web

import (
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
)

// fieldErrors are the contact form's messages, in the page's language, for
// the fields a customer fills (subject, description, email): what the
// page shows when the server refuses one, and what the form's script
// shows for the API's error naming that field (its data-error-FIELD
// attributes). A field the theme has no string for is left out: the
// server's message is shown, marked as English.
type fieldErrors map[string]string

// contactFieldErrors returns the contact form's field messages in locale,
// their limits filled in.
func contactFieldErrors(v *site.View, locale string) fieldErrors {
	out := fieldErrors{}
	for field, m := range contactFieldMessages {
		if strs(v, locale)[m.key] == "" {
			continue
		}
		out[field] = v.UI.Text(locale, m.key, "max", i18n.Number(locale, m.max)) // "5.000" in German
	}
	return out
}

// contactFieldMessages are the theme's strings of the contact form's
// fields, with the limit each names ({max}).
var contactFieldMessages = map[string]struct {
	key string
	max int
}{
	"subject":     {"contact_error_subject", site.MaxContactSubject},
	"description": {"contact_error_description", site.MaxContactDescription},
	"email":       {"contact_error_email", 0},
}

// message returns the page's message for err, a contact request's
// EINVALID error (its message starts with the field's name), and the
// language it is in ("" for the page's): the field's message when there
// is one, else the server's, in English.
func (fe fieldErrors) message(b *basePage, err error) (string, string) {
	msg := site.ErrorMessage(err)
	field, _, _ := strings.Cut(msg, ":")
	if m := fe[field]; m != "" {
		return m, b.TLang[contactFieldMessages[field].key]
	}
	return msg, messageLang(b.Locale)
}
