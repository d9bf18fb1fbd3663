package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestModelNameIsNoTier: a model name with digits that many articles
// write ("C210", "S3") is where the question is asked, not what it asks:
// the article about the question comes first and answers it, not every
// article that names the model. A token with a digit that is the query's
// rarest word (an error code, a version) still ranks its articles first.
// A name of several words ("Cam S3 Pro") weighs as one word, not three.
func TestModelNameIsNoTier(t *testing.T) {
	ix := buildLib(t, modelsLibrary(), "")
	for _, tt := range []struct{ query, want string }{
		{"C210 sd card", "sd"},
		{"C210 offline", "offline"},
		{"C210 cancel plan", "plans"},
		{"C210 night vision", "night"},
		// A name of several words the content writes together counts
		// once: the word of the question decides.
		{"Cam S3 Pro offline", "offline"},
		{"cam s3 pro cancel plan", "plans"},
		{"Cam S3 Pro sd card", "sd"},
		{"cam s3 pro reset", "reset"},
		// The rarest word with a digit still decides.
		{"error E12", "sd"},
		{"E12 camera", "sd"},
		{"firmware 3.0.2", "wifi"},
	} {
		r := search(t, ix, tt.query, "en")
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.want || r.Weak {
			t.Errorf("Search(%q) = %v (weak %v), want %s first as the answer", tt.query, ids(r), r.Weak, tt.want)
		}
	}
}

// modelsLibrary is a camera maker's help center whose articles name its
// models (C210, Cam S3 Pro) in many places.
func modelsLibrary() *site.Library {
	lib := helpLibrary("models",
		art("night", "en", "help", "Night vision is blurry", "Fix the night image of the C210 and the Cam S3 Pro.", nil,
			sec("", "", "The C210 and the Cam S3 Pro switch to infrared in the dark.")),
		art("wifi", "en", "help", "Connect your camera to Wi-Fi", "Pair a C210 or a Cam S3 Pro with your router.", nil,
			sec("", "", "Open the app and choose your model. The Cam S3 Pro supports 5 GHz from firmware 3.0.2.")),
		art("firmware", "en", "help", "Update the firmware", "Updates for the C210 and the Cam S3 Pro.", nil,
			sec("", "", "Open the settings and tap Firmware.")),
		art("reset", "en", "help", "Reset your camera", "Hold the button of a C210 or a Cam S3 Pro.", nil,
			sec("", "", "Hold the reset button for ten seconds.")),
		art("sd", "en", "help", "Error E12 on the SD card", "The memory card cannot be read.", nil,
			sec("", "", "Error E12 means the camera cannot read its SD card. Format the card in the app.")),
		art("offline", "en", "help", "My camera shows as offline", "When the app cannot reach the camera.", nil,
			sec("", "", "A camera is offline when it cannot reach our servers. Restart your router.")),
		art("plans", "en", "help", "Cloud plans and prices", "Cancel or change your plan.", nil,
			sec("", "", "Cancel your plan from the account page.")),
	)
	return lib
}

// TestModelNameTicket: a ticket whose subject only names a model many
// articles write ("C210") names where the problem is, not what it is: a
// body that clearly names an article decides, as for "Billing".
func TestModelNameTicket(t *testing.T) {
	ix := buildLib(t, modelsLibrary(), "")
	for _, tt := range []struct{ subject, body, want string }{
		{"C210", "Since yesterday my camera shows as offline in the app, the app cannot reach the camera.", "offline"},
		{"Cam S3 Pro", "I want to cancel my cloud plan, how do I change the plan?", "plans"},
		// A code is what the ticket is about, whatever the body says.
		{"E12", "I want to cancel my cloud plan, how do I change the plan?", "sd"},
	} {
		id, conf, err := ix.Link(context.Background(), "en", tt.subject, tt.body)
		if err != nil {
			t.Fatal(err)
		}
		if id != tt.want || conf < site.DefaultTicketConfidence {
			t.Errorf("Link(%q, %q) = %s %.2f, want %s", tt.subject, tt.body, id, conf, tt.want)
		}
	}
}

// TestNumberAloneIsNoTier: a number typed alone is a count, a duration or
// a size, not the token of one topic: the article whose title is the
// rest of the query comes first, not the one article that happens to
// write the number ("hold for 10 seconds"). A number a code word
// announces ("error 1603") is a code and still decides.
func TestNumberAloneIsNoTier(t *testing.T) {
	lib := helpLibrary("numbers",
		art("files", "en", "help", "Can't access the Files tab on a channel", "When the Files tab of a channel shows an error.", nil,
			sec("", "", "Ask the channel's owner to open the Files tab once, then sign out and in again.")),
		art("slides", "en", "help", "Slide transition sounds missing", "Sounds stop between slides.", nil,
			sec("", "", "Set the delay to 39 seconds when the slide lasts 40 seconds.")),
		art("install", "en", "help", "Install fails with error 1603", "The installer stops.", nil,
			sec("", "", "Error 1603 means the installer could not write to its folder.")),
		art("folders", "en", "help", "Share a folder with a channel", "Give a channel access to your files.", nil,
			sec("", "", "Open the folder, then Share, then pick the channel and its tab.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ query, want string }{
		{"access files tab channel 39", "files"},
		{"cant access the files tab on a channel 40", "files"},
		{"install error 1603 channel", "install"},
	} {
		r := search(t, ix, tt.query, "en")
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, ids(r), tt.want)
		}
	}
}
