package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestLinkBodyMentionAlone: a word only one article's body has, in a
// passing sentence ("We recommend wearing a helmet" in the battery
// article), is not enough to link: "Fwd: helmet" was linked to "E-bike
// battery and range" at 0.600, the credit of a body match being the
// default min_confidence.
func TestLinkBodyMentionAlone(t *testing.T) {
	lib := helpLibrary("link-bike-mention",
		art("battery", "en", "rides", "E-bike battery and range", "How far an e-bike goes on one charge.", nil,
			sec("", "", "A full battery lasts about 60 km. We recommend wearing a helmet.")),
		art("unlock", "en", "rides", "Unlock a bike", "Scan the code on the bike.", nil,
			sec("", "", "Open the app and scan the code on the frame.")),
		art("end", "en", "rides", "End your ride", "Park at a station.", nil,
			sec("", "", "Dock the bike at any station to end the ride.")),
		art("pass", "en", "billing", "Day pass and monthly pass", "Prices of passes.", nil,
			sec("", "", "A day pass gives unlimited rides of 30 minutes for one day.")),
		art("password", "en", "account", "Reset your password", "Forgot your password?", nil,
			sec("", "", "Tap Forgot password on the sign-in screen.")),
		art("api", "en", "account", "Use the API", "Keys and requests.", nil,
			sec("", "", "Errors: card_declined means the bank refused the payment.")),
	)
	ix := buildLib(t, lib, "")
	ctx := context.Background()
	for _, tt := range []struct{ subject, body string }{
		{"Fwd: helmet", "Can I get a helmet with the bike?"},
		{"helmet", ""},
		{"Helmet", "Helmet?"},
	} {
		id, conf, err := ix.Link(ctx, "en", tt.subject, tt.body)
		if err != nil {
			t.Fatal(err)
		}
		if conf >= site.DefaultTicketConfidence {
			t.Errorf("Link(%q, %q) = %s at %.3f, want unlinked (battery nearest)", tt.subject, tt.body, id, conf)
		}
		if id != "battery" {
			t.Errorf("Link(%q, %q) nearest = %q, want battery", tt.subject, tt.body, id)
		}
	}
}

// TestLinkIdentifierInBody: an error's name as a program writes it, words
// joined by underscores ("card_declined"), that one article's body
// explains is that article's ticket: no passing mention.
func TestLinkIdentifierInBody(t *testing.T) {
	lib := helpLibrary("link-bike-identifier",
		art("api", "en", "account", "Use the API", "Keys and requests.", nil,
			sec("", "", "Errors: card_declined means the bank refused the payment.")),
		art("unlock", "en", "rides", "Unlock a bike", "Scan the code on the bike.", nil,
			sec("", "", "Open the app and scan the code on the frame.")),
		art("end", "en", "rides", "End your ride", "Park at a station.", nil,
			sec("", "", "Dock the bike at any station to end the ride.")),
	)
	ix := buildLib(t, lib, "")
	id, conf, err := ix.Link(context.Background(), "en", "card_declined", "")
	if err != nil {
		t.Fatal(err)
	}
	if id != "api" || conf < site.DefaultTicketConfidence {
		t.Errorf("Link(card_declined) = %s at %.3f, want api linked", id, conf)
	}
}
