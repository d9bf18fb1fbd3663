package main

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

// TestContextOfAnEscapedPath: a browser gives the widget loader the host
// page's path percent-encoded (location.pathname is /%C3%A9quipe/membres
// for /équipe/membres, /mes%20r%C3%A9glages for a space), and the loader
// sends it as it is. The panel showed "Popular articles" there instead of
// the article whose contexts name /équipe/*, and the opening was recorded
// as a screen with no help, while GET /api/v1/context with the same path
// matched it. A path with a "%" that escapes nothing ("/report/100%", or
// an escape the loader's 2,000-character cut left open) was a 400 from the
// context API, so the panel said it could not be loaded on a page events
// accept.
func TestContextOfAnEscapedPath(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "team/equipe.md", "---\ntitle: Gérer l'équipe\ncontexts: [/équipe/*, /mes réglages, /report/*]\n---\nInvitez vos collègues.\n")
	writeFile(t, dir, "account/password.md", "---\ntitle: Reset your password\nfaq: pinned\n---\nUse the forgot-password link.\n")
	m := openMain(t, dir, false)
	for _, path := range []string{"/%C3%A9quipe/membres", "/équipe/membres", "/mes%20r%C3%A9glages", "/report/100%", "/report/%E2%82"} {
		w := serve(m, "GET", "/api/v1/context?url="+url.QueryEscape(path), "")
		var ctx struct {
			Matched  bool
			Articles []struct{ ID string }
		}
		json.Unmarshal(w.Body.Bytes(), &ctx)
		if w.Code != 200 || !ctx.Matched || len(ctx.Articles) == 0 || ctx.Articles[0].ID != "team/equipe" {
			t.Errorf("context API %s: %d %s", path, w.Code, w.Body)
		}
		frame := serve(m, "GET", "/widget/frame?path="+url.QueryEscape(path), "").Body.String()
		if !strings.Contains(frame, "Gérer l&#39;équipe") {
			t.Errorf("widget panel %s: not the article for the screen", path)
		}
		body, _ := json.Marshal(map[string]string{"type": "open", "source": "widget", "path": path, "locale": "en"})
		w = serve(m, "POST", "/api/v1/events", string(body), "Content-Type", "text/plain")
		if w.Code != 202 || !strings.Contains(w.Body.String(), `"matched":true`) {
			t.Errorf("open event %s: %d %s", path, w.Code, w.Body)
		}
	}
}
