package insights

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// Kinds of Task.
const (
	TaskGap        = "gap"             // searches that failed
	TaskUnlinked   = "unlinked_ticket" // a ticket topic no article answers
	TaskScreen     = "screen"          // a widget screen with no help
	TaskUnhelpful  = "unhelpful"       // an article read often and rated unhelpful
	TaskContactOut = "contact_after"   // an article readers leave for the contact form
)

// Actions of Task.
const (
	ActionWrite      = "write"       // write an article
	ActionFixProduct = "fix_product" // the team decided the product must change
	ActionLink       = "link"        // link a ticket topic to an article
	ActionRead       = "read"        // read the tickets: they said nothing (gaps.NoSubject)
	ActionEdit       = "edit"        // edit an article's source file
	// ActionKeywords: most of a gap's visitors opened one article next
	// (gaps.Gap.FoundInstead): the answer exists, so add the words they
	// searched to that article (its keywords, or synonyms.yaml).
	ActionKeywords = "keywords"
)

// Task is one line of the to-do list: something the team can act on,
// scored by the people it affected in the period.
type Task struct {
	Kind string `json:"kind"`
	// People is the score: distinct visitors (gaps, screens), tickets
	// (ticket topics), or readers the article failed (see ToDo).
	People int    `json:"people"`
	Title  string `json:"title"`
	Why    string `json:"why"`
	Action string `json:"action"`
	// Target is where the action is done: the gap's triage form
	// ("#gap-ID") or the article's source file (an edit URL when the
	// content repository is configured, else its path).
	Target    string `json:"target"`
	GapID     string `json:"gap_id,omitempty"`
	ArticleID string `json:"article_id,omitempty"`
	Locale    string `json:"locale"`
}

// ToDo ranks, in one list, what the team can do about the period: the
// open gaps of the report (failed searches, unlinked ticket topics,
// screens with no help; answered, ignored and fixed gaps are done), the articles
// rated unhelpful by at least half of their voters, and the articles read
// before a contact. Each is scored by the people it affected:
//   - a gap: its distinct visitors (tickets for a ticket topic);
//   - an unhelpful article: its readers (distinct visitors, not views:
//     one visitor reading it six times is one) times its share of "No"
//     votes (at least its "No" votes), the readers it likely failed;
//   - an article read before contacting support: those visits;
//
// an article both unhelpful and left for the contact form is one task
// scored by the larger. editURL, when set, is the content repository's
// edit address the article's source path is appended to.
func ToDo(report gaps.Report, articles []Article, editURL string) []Task {
	var out []Task
	for _, g := range report.Gaps {
		if g.AnsweredAt != nil || g.Status == gaps.StatusIgnored || g.Status == gaps.StatusFixed {
			continue
		}
		t := Task{People: g.Visitors, Title: g.Query, GapID: g.ID, Locale: g.Locale, Target: "#gap-" + g.ID, Action: ActionWrite}
		switch g.Kind {
		case gaps.UnlinkedTicket:
			t.Kind, t.Action = TaskUnlinked, ActionLink
			t.Why = site.Count(g.Visitors, "ticket") + " no article answers"
			if g.Nearest != "" {
				t.Why += "; nearest article " + g.Nearest
			}
			if !g.Writable() {
				// No subject and a body that says nothing: no article
				// answers them, someone reads them.
				t.Action, t.Why = ActionRead, site.Count(g.Visitors, "ticket")+" with no subject and a body that says nothing"
			}
		case gaps.NoHelp:
			t.Kind = TaskScreen
			t.Why = "the widget opened here for " + site.CountOf(g.Visitors, "person", "people") + " with no article for this screen"
		default:
			t.Kind = TaskGap
			t.Why = g.HowFailed()
			if len(g.Variants) > 1 {
				t.Why += fmt.Sprintf("; %d phrasings", len(g.Variants))
			}
			if len(g.ShownFirst) > 0 && len(g.FoundInstead) == 0 && 2*g.ShownFirst[0].Visitors >= g.Visitors {
				// Most were shown one article first and opened nothing:
				// its title or description did not look like their answer
				// (or it is not, and the article is missing).
				f := g.ShownFirst[0]
				were := "were"
				if f.Visitors == 1 {
					were = "was"
				}
				t.Why += fmt.Sprintf("; %d of them %s shown %s first and did not open it", f.Visitors, were, f.Article)
			}
			if len(g.FoundInstead) > 0 {
				f := g.FoundInstead[0]
				t.Why += fmt.Sprintf("; %d of them opened %s next", f.Visitors, f.Article)
				if 2*f.Visitors >= g.Visitors {
					t.Action, t.ArticleID = ActionKeywords, f.Article
					t.Target = sourceOf(articles, f.Article, g.Locale, editURL, t.Target)
				}
			}
		}
		if g.Status == gaps.StatusProductFix {
			t.Action, t.ArticleID, t.Target = ActionFixProduct, "", "#gap-"+g.ID
		}
		out = append(out, t)
	}
	for _, a := range articles {
		unhelped, why := 0, []string{}
		if a.NotHelpful > 0 && a.NotHelpful >= a.Helpful {
			// A voter read it, even one who voted before the reading
			// was recorded (10 seconds on the page): "0 readers, 3 of 3
			// votes say not helpful" contradicted itself (rv21j).
			a.Readers = max(a.Readers, a.Helpful+a.NotHelpful)
			share := float64(a.NotHelpful) / float64(a.Helpful+a.NotHelpful)
			unhelped = max(a.NotHelpful, int(math.Round(float64(a.Readers)*share)))
			votes := a.Helpful + a.NotHelpful
			say := "say"
			if votes == 1 {
				say = "says"
			}
			why = append(why, fmt.Sprintf("%s, %d of %s %s not helpful", site.Count(a.Readers, "reader"), a.NotHelpful, site.Count(votes, "vote"), say))
		}
		if a.ContactsAfterReading > 0 {
			why = append(why, site.Count(a.ContactsAfterReading, "visit")+" contacted support after reading it")
		}
		if len(why) == 0 {
			continue
		}
		kind := TaskUnhelpful
		if a.ContactsAfterReading > unhelped {
			kind = TaskContactOut
		}
		target := editTarget(a.Source, editURL)
		out = append(out, Task{Kind: kind, People: max(unhelped, a.ContactsAfterReading), Title: a.Title, Why: strings.Join(why, "; "),
			Action: ActionEdit, Target: target, ArticleID: a.ID, Locale: a.Locale})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].People != out[j].People {
			return out[i].People > out[j].People
		}
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Title < out[j].Title
	})
	return out
}

// editTarget is where an article's source file is edited: the content
// repository's edit address with the file's path appended when editURL is
// set, else the path.
func editTarget(source, editURL string) string {
	if editURL != "" && source != "" {
		return strings.TrimSuffix(editURL, "/") + "/" + source
	}
	return source
}

// sourceOf is editTarget for the article id in locale among articles,
// or otherwise when it is not among them or has no source file.
func sourceOf(articles []Article, id, locale, editURL, otherwise string) string {
	for _, a := range articles {
		if a.ID == id && a.Locale == locale && a.Source != "" {
			return editTarget(a.Source, editURL)
		}
	}
	return otherwise
}
