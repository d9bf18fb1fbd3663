package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestLinkUnknownWord: a subject's word no article has weighs as the
// rarest word some article has: "Humidity sensor?" on a thermostat's help
// center with no humidity article is no ticket about the one article
// that names a sensor (it linked at 0.667 when such a word weighed half),
// while the subject that article answers still links.
func TestLinkUnknownWord(t *testing.T) {
	lib := helpLibrary("link-unknown",
		art("e12", "en", "help", "Error E12: temperature sensor out of range", "The thermostat reads no temperature.", nil,
			sec("", "", "E12 shows when the temperature sensor reads out of range. Restart the thermostat.")),
		art("wifi", "en", "help", "Connect the thermostat to Wi-Fi", "Pair it with the app.", nil,
			sec("", "", "Open the app and follow the steps to join your network.")),
		art("schedule", "en", "help", "Set a heating schedule", "Plan the week.", nil,
			sec("", "", "Add periods for each day of the week in the app.")),
		art("eco", "en", "help", "Eco mode", "Save energy when away.", nil,
			sec("", "", "Eco mode lowers the set point when nobody is home.")),
		art("battery", "en", "help", "Replace the batteries", "Two AA batteries.", nil,
			sec("", "", "Slide the cover off and replace both batteries.")),
	)
	ix := buildLib(t, lib, "")
	ctx := context.Background()
	for _, tt := range []struct {
		subject string
		linked  bool
	}{
		{"Humidity sensor?", false},
		{"humidity reading wrong", false},
		{"Temperature sensor out of range", true},
		{"Error E12 on my thermostat", true},
	} {
		id, conf, err := ix.Link(ctx, "en", tt.subject, "")
		if err != nil {
			t.Fatal(err)
		}
		if linked := conf >= site.DefaultTicketConfidence; linked != tt.linked {
			t.Errorf("Link(%q) = %s at %.3f, want linked %v", tt.subject, id, conf, tt.linked)
		}
	}
}
