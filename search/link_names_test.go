package search

import (
	"context"
	"testing"
)

// TestLinkLetterDigitName: a name of letters and digits some article
// writes ("2FA"), rarer than the subject's other words, is what a ticket
// is about, as an error code is: "How do I set up 2FA?" is no ticket about
// the article titled "Set up recurring invoices". A subject without it
// links as before.
func TestLinkLetterDigitName(t *testing.T) {
	lib := helpLibrary("link-letter-digit",
		art("2fa", "en", "account", "Two-factor authentication (2FA)", "Protect your account with an authenticator app.", nil,
			sec("", "", "Turn on 2FA under Account > Security and scan the QR code. Lost your phone? Use a recovery code.")),
		art("recurring", "en", "invoices", "Set up recurring invoices", "Bill retainers automatically every week, month or year.", nil,
			sec("", "", "Create an invoice, then choose Make recurring and a schedule. Ledgerly sends each recurring invoice on its date.")),
		art("create", "en", "invoices", "Create an invoice", "Your first invoice in a minute.", nil,
			sec("", "", "Click New invoice, add a client and lines, then Send.")),
		art("bank", "en", "banking", "Connect your bank", "Sync transactions.", nil,
			sec("", "", "Go to Banking and pick your bank. Set up the sync once.")),
		art("reset", "en", "account", "Reset your password", "Forgot it?", nil,
			sec("", "", "Click Forgot password on the sign-in page.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ subject, want string }{
		{"How do I set up 2FA?", "2fa"},
		{"set up 2fa", "2fa"},
		{"2FA not working", "2fa"},
		{"How do I set up recurring invoices?", "recurring"},
		{"Set up the bank sync", "bank"},
	} {
		id, score, err := ix.Link(context.Background(), "en", tt.subject, "")
		if err != nil || id != tt.want || score < 0.6 {
			t.Errorf("Link(%q) = %s at %.3f, %v; want %s linked (0.6 or more)", tt.subject, id, score, err, tt.want)
		}
	}
}

// TestLinkCodeInBody: an error code an article explains in its body (a
// list of codes) is answered there as much as in a title: "Thermostat
// shows E-05 after update" linked the codes article at 0.458, unlinked.
func TestLinkCodeInBody(t *testing.T) {
	lib := helpLibrary("link-code-body",
		art("codes", "en", "help", "Error codes on the thermostat display", "What the codes mean.", nil,
			sec("", "", "E-01: no sensor. E-05: the boiler does not answer. E-12: Wi-Fi lost.")),
		art("update", "en", "help", "Update the thermostat firmware", "New features.", nil,
			sec("", "", "Updates install at night. The thermostat restarts after an update.")),
		art("install", "en", "help", "Install the thermostat", "On the wall.", nil,
			sec("", "", "Mount the thermostat on the wall and wire it.")),
	)
	ix := buildLib(t, lib, "")
	for _, subject := range []string{"Thermostat shows E-05 after update", "Thermostat (model T2) shows E-05 after update", "E05 after the update"} {
		id, score, err := ix.Link(context.Background(), "en", subject, "")
		if err != nil || id != "codes" || score < 0.6 {
			t.Errorf("Link(%q) = %s at %.3f, %v; want codes linked (0.6 or more)", subject, id, score, err)
		}
	}
	// A code no article writes links nothing.
	if id, score, _ := ix.Link(context.Background(), "en", "Thermostat shows E-07 after update", ""); score >= 0.6 {
		t.Errorf("Link(E-07) = %s at %.3f, want no link", id, score)
	}
}

// TestLinkNoLonger: "no longer" says that something is wrong, not what,
// as "anymore" does: "My battery no longer charges" is the charging
// article's (it stayed unlinked at 0.46, "longer" weighing as the rarest
// word).
func TestLinkNoLonger(t *testing.T) {
	lib := helpLibrary("link-no-longer",
		art("charge", "en", "battery", "Charging the drone battery", "When the light stays off.", nil,
			sec("", "", "Check the cable and the charger. A full charge takes two hours.")),
		art("flight", "en", "drone", "Your first flight", "Take off safely.", nil,
			sec("", "", "Calibrate the compass and check the battery before you fly.")),
		art("camera", "en", "drone", "Camera settings", "Photos and video.", nil,
			sec("", "", "Video uses more battery than photos.")),
		art("storage", "en", "battery", "Store the battery for winter", "Half charged.", nil,
			sec("", "", "Keep the battery half charged in a cool place.")),
		art("remote", "en", "drone", "Pair the remote", "Link the remote to the drone.", nil,
			sec("", "", "Hold the button until the remote beeps; its battery lasts a day.")),
	)
	ix := buildLib(t, lib, "")
	for _, subject := range []string{"My battery no longer charges", "Battery doesn't charge anymore"} {
		if id, score, err := ix.Link(context.Background(), "en", subject, ""); err != nil || id != "charge" || score < 0.6 {
			t.Errorf("Link(%q) = %s at %.3f, %v; want charge linked", subject, id, score, err)
		}
	}
}
