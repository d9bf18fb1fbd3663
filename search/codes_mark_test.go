package search

import (
	"strings"
	"testing"
)

// TestCodeTypedJoinedIsMarked: a code typed without the hyphen the article
// writes ("E203", "e203" for "E-203") finds the article, and its snippet
// marks the code as it does for "E-203" and "E 203", from the passage that
// has it rather than the description. A code of one letter ("E-203") was
// screened out: neither of its parts, "E" and "203", begins as "e203".
func TestCodeTypedJoinedIsMarked(t *testing.T) {
	lib := helpLibrary("joined-codes",
		art("e203", "en", "help", "Error E-203: the camera cannot reach the server", "The camera cannot contact the server.", nil,
			sec("", "", "E-203 shows when the router's firewall blocks port 443. Restart the router.")),
		art("ap", "en", "help", "Audio processing error AP-402", "When an upload cannot be processed.", nil,
			sec("", "", "AP-402 means the audio file is damaged. Export the episode again.")),
		art("wifi", "en", "help", "Connect the camera to Wi-Fi", "Only 2.4 GHz networks.", nil,
			sec("", "", "The camera joins 2.4 GHz networks only.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, id, code string }{
		{"E-203", "e203", "E-203"}, {"E 203", "e203", "E-203"}, {"E203", "e203", "E-203"},
		{"e203", "e203", "E-203"}, {"error e203", "e203", "E-203"},
		{"AP402", "ap", "AP-402"}, {"ap-402", "ap", "AP-402"},
	} {
		r := search(t, ix, tt.q, "en")
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.id {
			t.Errorf("Search(%q) = %v, want %s first", tt.q, ids(r), tt.id)
			continue
		}
		if s := string(r.Hits[0].Snippet); !strings.Contains(s, "<mark>"+tt.code+"</mark>") {
			t.Errorf("Search(%q): snippet %q, want %s marked", tt.q, s, tt.code)
		}
	}
}
