package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestLinkLightVerb: "get" in "How do I get my show on Apple Podcasts"
// says nothing of the topic, as "need" and "want" do not: where two
// articles' titles wrote it, it weighed as much as "Apple", and the
// ticket linked "Get your podcast on Spotify", which never names Apple.
func TestLinkLightVerb(t *testing.T) {
	lib := helpLibrary("link-light-verb",
		art("apple", "en", "distribution", "Submit your podcast to Apple Podcasts", "Send your RSS feed to Apple Podcasts Connect.", nil,
			sec("", "", "Sign in to Apple Podcasts Connect, click New Show and paste your feed. Review takes up to 5 days.")),
		art("spotify", "en", "distribution", "Get your podcast on Spotify", "Connect your show to Spotify for Podcasters.", nil,
			sec("", "", "Click Connect and accept the terms. Your show appears on Spotify within a few hours.")),
		art("refund", "en", "billing", "Can I get a refund?", "Refunds within 14 days.", nil,
			sec("", "", "We refund the first payment of a plan within 14 days.")),
		art("transcripts", "en", "publishing", "Add a transcript to an episode", "Upload an SRT or VTT file.", nil,
			sec("", "", "Transcripts show in Apple Podcasts and Spotify.")),
		art("team", "en", "account", "Invite team members to your show", "Give co-hosts access to your podcast.", nil,
			sec("", "", "Click Invite and pick a role.")),
		art("delete", "en", "account", "Delete your account", "Close your account and remove your shows.", nil,
			sec("", "", "Your feeds stop at once.")),
		art("password", "en", "account", "Reset your password", "A reset link by e-mail.", nil,
			sec("", "", "Click Forgot password and follow the link.")),
	)
	ix := buildLib(t, lib, "")
	ctx := context.Background()
	for _, tt := range []struct {
		subject, want string
	}{
		{"How do I get my show on Apple Podcasts", "apple"},
		{"can't get my podcast on Spotify", "spotify"},
		{"How do I get a refund", "refund"},
	} {
		id, conf, err := ix.Link(ctx, "en", tt.subject, "")
		if err != nil {
			t.Fatal(err)
		}
		if conf < site.DefaultTicketConfidence {
			id = ""
		}
		if id != tt.want {
			t.Errorf("Link(%q) = %q at %.3f, want %q", tt.subject, id, conf, tt.want)
		}
	}
}
