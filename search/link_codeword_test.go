package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestLinkCodeWord: a ticket whose subject announces a code the articles
// write with a word they do not ("code E12", "err E12", "Fehler E12",
// "Fehlercode E07") links to that code's article, as search answers it: a
// word that announces a code is present wherever its code is. A code no
// article writes stays unlinked however it is announced.
func TestLinkCodeWord(t *testing.T) {
	lib := helpLibrary("link-code-words",
		art("e07", "en", "help", "Jammed motor", "The bolt does not move.", nil,
			sec("", "", "The lock shows E07 when the motor is jammed. Check that the bolt moves freely.")),
		art("e12", "en", "help", "Bridge offline (E12)", "The bridge lost Wi-Fi.", nil,
			sec("", "", "E12 means the bridge lost its connection. Plug it in near the router.")),
		art("battery", "en", "help", "Change the batteries", "Four AA batteries.", nil,
			sec("", "", "Replace the batteries when the light blinks red.")),
		art("errors", "en", "help", "Error messages on the lock", "What the lock display says.", nil,
			sec("", "", "When the lock finds a problem it shows an error on its display.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ subject, want string }{
		{"E12", "e12"}, // as before
		{"code E12", "e12"},
		{"err E12", "e12"},
		{"Fehler E12", "e12"},
		{"code E07", "e07"},
		{"Fehlercode E7", "e07"},
		{"status code E07 on my lock", "e07"},
		{"code E99", ""},
		{"error E99", ""},
		// A code typed with a space, as search reads it (joinPairs).
		{"E 12", "e12"},
		{"E 12 when I open the app", "e12"},
		{"error e 7", "e07"},
		{"E 99", ""},
	} {
		id, conf, err := ix.Link(context.Background(), "en", tt.subject, "")
		if err != nil {
			t.Fatal(err)
		}
		if linked := conf >= site.DefaultTicketConfidence; tt.want == "" && linked || tt.want != "" && (!linked || id != tt.want) {
			t.Errorf("Link(%q) = %s at %.3f, want %q", tt.subject, id, conf, tt.want)
		}
	}
}

// TestLinkSpacedCodeAfterCodeWord: joining a code typed with a space ("E
// 12") leaves alone a number a code word announces, as the app shows it
// ("ERR-2041"): it is the code already, weighing what a code weighs.
func TestLinkSpacedCodeAfterCodeWord(t *testing.T) {
	lib := helpLibrary("link-code-after-word",
		art("e2041", "en", "help", "Error ERR-2041 when uploading a document", "Unsupported format.", nil,
			sec("", "", "ERR-2041 means the file you uploaded is not a supported format.")),
		art("e12", "en", "help", "Error E12 when signing in", "Session expired.", nil,
			sec("", "", "E12 appears when your session expired.")),
		art("photos", "en", "help", "Upload photos to a claim", "Photos.", nil,
			sec("", "", "Upload photos of the damage.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ subject, want string }{
		{"ERR-2041 blah blah foo", "e2041"},
		{"err 2041 blah blah foo", "e2041"},
		{"error 2041 blah blah foo", "e2041"},
		{"E 12 blah blah foo", "e12"},
	} {
		id, conf, err := ix.Link(context.Background(), "en", tt.subject, "")
		if err != nil {
			t.Fatal(err)
		}
		if conf < site.DefaultTicketConfidence || id != tt.want {
			t.Errorf("Link(%q) = %s at %.3f, want %q", tt.subject, id, conf, tt.want)
		}
	}
}
