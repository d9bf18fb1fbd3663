package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestStopWordCompound: two stop words the content also writes joined
// ("tothe", one article's typo; "todo") only rank what the other words
// find: "Access to the path" found nothing but the article with the typo.
func TestStopWordCompound(t *testing.T) {
	lib := &site.Library{Config: site.Config{DefaultLocale: "en", Locales: []string{"en"}}, Hash: "stopcompound"}
	add := func(id, title, text string) {
		lib.Articles = append(lib.Articles, art(id, "en", "help", title, "", nil, sec("", "", text)))
	}
	add("denied", "Access to the path is denied", "The account running the service cannot write to the folder. Grant it access.")
	add("paths", "Access to the path of a shared folder", "Map the network path before you open it.")
	add("typo", "Install the viewer", "Download the viewer and save it tothe desktop.")
	add("todo", "To-do lists", "Keep a to-do list for each project; a todo can have a due date.")
	add("tasks", "Lists of tasks", "Tasks are grouped in lists.")
	ix, err := Build(context.Background(), testView(lib), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tt := range []struct {
		query string
		want  string
	}{
		{"Access to the path", "denied"},
		{"access to the path is denied", "denied"},
		{"to do list", "todo"},
		{"to do", "todo"},
	} {
		if r := search(t, ix, tt.query, "en"); len(r.Hits) == 0 || r.Hits[0].ID != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, ids(r), tt.want)
		}
		if r := suggest(t, ix, tt.query, "en"); len(r.Hits) == 0 || r.Hits[0].ID != tt.want {
			t.Errorf("Suggest(%q) = %v, want %s first", tt.query, ids(r), tt.want)
		}
	}
}
