package search

import (
	"slices"
	"testing"

	"github.com/guichet/guichet/site"
)

// dottedLibrary is a help center whose titles write words with full stops,
// as software documentation does: a script with a long name, file names
// (one with a digit in its name), an API member, runtime and app versions
// written "4.8", "v2.4" and "version 2.3"; and articles that share their
// plain words.
func dottedLibrary() *site.Library {
	lib := helpLibrary("dotted",
		art("script", "en", "help", "Export-BookingStatisticsReport.ps1 fails with a ToBytes error", "The export script stops.", nil,
			sec("", "", "Run the script again after the update.")),
		art("export", "en", "help", "Export your bookings to a spreadsheet", "Download a CSV file.", nil,
			sec("", "", "Choose Export, then the columns you need.")),
		art("worker", "en", "help", "Relais2.exe uses too much memory", "The sync worker.", nil,
			sec("", "", "Restart the sync worker from the tray.")),
		art("relais", "en", "help", "Relais keeps asking for a password", "Sign-in prompts.", nil,
			sec("", "", "Sign out and in again.")),
		art("event", "en", "help", "Calendar.EventItem loses its colour", "Colours of events set by scripts.", nil,
			sec("", "", "Set the colour of the Calendar.EventItem after saving it.")),
		art("colours", "en", "help", "Calendar colours", "Colour your events.", nil,
			sec("", "", "Each calendar has a colour.")),
		art("evening", "en", "help", "Evening reminders from your calendar", "A summary of tomorrow.", nil,
			sec("", "", "Turn the summary on in the settings.")),
		art("net48", "en", "help", "Install the .NET Framework 4.8", "The runtime the add-in needs.", nil,
			sec("", "", "Download the offline installer.")),
		art("net46", "en", "help", "Setup fails when the .NET Framework 4.6 is installed", "A known issue.", nil,
			sec("", "", "Remove it and run setup again.")),
		art("port", "en", "help", "Open port 443 on the firewall", "Network setup.", nil,
			sec("", "", "Ask your network administrator.")),
		art("v23", "en", "help", "What's new in version 2.3", "Release notes of the mobile app.", nil,
			sec("", "", "Dark mode arrives.")),
		art("v24", "en", "help", "What's new in v2.4", "Release notes of the mobile app.", nil,
			sec("", "", "Widgets arrive.")),
		art("wifi", "en", "help", "Change your Wi-Fi password", "Reset the password of your router.", nil,
			sec("", "", "Open the router settings.")),
	)
	return lib
}

// TestDottedTypoBeingTyped: a typo in the last part of a dotted word being
// typed is forgiven as in a hyphenated word ("check-im"), whatever the
// length of the parts before it and whether they hold digits: the parts
// the content writes after the same beginning are read one typo away
// ("…Report.psq" is "…Report.ps1", "Relais2.exr" "Relais2.exe"), even
// when the words typed are found apart ("calendar" and "evening" for
// "Calendar.Eveni"). A word with a hyphen and a full stop too; a
// hyphenated word whose joined word is short ("wi-fu", as "wifu").
func TestDottedTypoBeingTyped(t *testing.T) {
	ix := buildLib(t, dottedLibrary(), "")
	for _, tt := range []struct{ q, first string }{
		{"BookingStatisticsReport.psq", "script"},
		{"BookingStatisticsReport.pz", "script"},
		{"Export-BookingStatisticsReport.psq", "script"},
		{"export-bookingstatisticsreport.sp", "script"},
		{"Relais2.exr", "worker"},
		{"Relais2.ee", "worker"},
		{"Calendar.EventItm", "event"},
		{"Calendar.Evnet", "event"},
		{"Calendar.Eevn", "event"},
		// No word continues "calendar." with "eveni", though "evening"
		// is written with "calendar": the dotted word typed comes first.
		{"Calendar.Eveni", "event"},
		{"calendar eveni", "evening"},
		{"wi-fu", "wifi"},
		{"wifu", "wifi"},
	} {
		if got := ids(suggest(t, ix, tt.q, "en")); len(got) == 0 || got[0] != tt.first {
			t.Errorf("Suggest(%q) = %v, want %s first", tt.q, got, tt.first)
		}
	}
	// A part that starts no word after that beginning, even one typo
	// away, is not stretched to another word; numbers are taken as typed.
	for _, q := range []string{"Relais2.zzz", "Calendar.Qqq", "v2.5", ".NET Framework 4.7"} {
		if got := ids(suggest(t, ix, q, "en")); len(got) != 0 {
			t.Errorf("Suggest(%q) = %v, want nothing", q, got)
		}
	}
}

// TestDottedWordBeingTyped: a full stop just typed after a word is the
// middle of a dotted word being typed ("4." of "4.8", "Relais2." of
// "Relais2.exe"): autocomplete goes on suggesting what starts so, and
// the word alone.
func TestDottedWordBeingTyped(t *testing.T) {
	ix := buildLib(t, dottedLibrary(), "")
	for _, tt := range []struct {
		q     string
		first []string // the first hits, in any order
	}{
		{".NET Framework 4.", []string{"net48", "net46"}},
		{".net 4.", []string{"net48", "net46"}},
		{"Install the .NET Framework 4.", []string{"net48"}},
		{"version 2.", []string{"v23", "v24"}},
		{"Relais2.", []string{"worker"}},
		{"Calendar.", []string{"event"}},
		{"Calendar.EventItem.", []string{"event"}},
	} {
		got := ids(suggest(t, ix, tt.q, "en"))
		if len(got) < len(tt.first) {
			t.Errorf("Suggest(%q) = %v, want %v first", tt.q, got, tt.first)
			continue
		}
		for _, id := range got[:len(tt.first)] {
			if !slices.Contains(tt.first, id) {
				t.Errorf("Suggest(%q) = %v, want %v first", tt.q, got, tt.first)
				break
			}
		}
	}
	for _, tt := range []struct {
		q      string
		dotted bool
	}{
		{"4.", true}, {"Relais2.", true}, {"pass.", true}, {"é.", true},
		{"4", false}, {"pass..", false}, {"pass...", false}, {"pass. ", false}, {".", false}, {"pass*", false},
	} {
		if got := typingDotted(tt.q); got != tt.dotted {
			t.Errorf("typingDotted(%q) = %t, want %t", tt.q, got, tt.dotted)
		}
	}
	// "4." starts no "v2.4" nor "443".
	if got := ids(suggest(t, ix, "4.", "en")); len(got) != 2 || !slices.Contains(got, "net48") || !slices.Contains(got, "net46") {
		t.Errorf("Suggest(%q) = %v, want [net48 net46]", "4.", got)
	}
}

// TestVersionSpellings: a version is found however it is written, in the
// content and in the query: "v2.3", "version 2.3" and "2.3" find "What's
// new in version 2.3", and "version 2.4" finds "What's new in v2.4", in
// search and autocomplete, while typing too.
func TestVersionSpellings(t *testing.T) {
	ix := buildLib(t, dottedLibrary(), "")
	for _, tt := range []struct{ q, first string }{
		{"v2.3", "v23"},
		{"version 2.3", "v23"},
		{"2.3", "v23"},
		{"new in v2.3", "v23"},
		{"v2.4", "v24"},
		{"version 2.4", "v24"},
		{"2.4", "v24"},
		{"whats new in version 2.4", "v24"},
	} {
		for _, mode := range []string{"search", "suggest"} {
			var r *site.SearchResults
			if mode == "search" {
				r = search(t, ix, tt.q, "en")
			} else {
				r = suggest(t, ix, tt.q, "en")
			}
			if got := ids(r); len(got) == 0 || got[0] != tt.first {
				t.Errorf("%s(%q) = %v, want %s first", mode, tt.q, got, tt.first)
			}
		}
	}
}

// TestMajorVersion: a major version typed without its ".0" ("v4",
// "version 4") is the "4.0" the articles write: "v4" found nothing, and
// "version 4" put "4 Nm" of a torque setting first. A number alone stays
// a number ("4 nm").
func TestMajorVersion(t *testing.T) {
	lib := helpLibrary("major-version",
		art("fw4", "en", "help", "What's new in firmware 4.0", "", nil, sec("", "", "Firmware 4.0 adds night mode and faster pairing.")),
		art("torque", "en", "help", "Tighten the handlebar", "", nil, sec("", "", "Tighten the stem bolts to 4 Nm with a torque wrench.")),
		art("fw3", "en", "help", "Firmware 3.2 known issues", "", nil, sec("", "", "Version 3.2 can drop Bluetooth after sleep.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first string }{
		{"v4", "fw4"},
		{"firmware v4", "fw4"},
		{"version 4", "fw4"},
		{"4 nm", "torque"},
		{"version 3.2", "fw3"},
	} {
		r := search(t, ix, tt.q, "en")
		if got := ids(r); len(got) == 0 || got[0] != tt.first || r.Weak {
			t.Errorf("Search(%q) = %v (weak %t), want %s first", tt.q, got, r.Weak, tt.first)
		}
	}
}

// TestDottedWordInBodyBeingTyped: a dotted word only an article's body
// writes ("install.log", "KestrelBackup.dmg") is suggested while its last
// part is typed, as the whole word and a typo in that part already were:
// "install.lo" suggested nothing while "install.log" and "install.lgo"
// found the article.
func TestDottedWordInBodyBeingTyped(t *testing.T) {
	lib := helpLibrary("dotted-body",
		art("setup", "en", "help", "Run the installer on Windows", "Install the app.", nil,
			sec("", "", "Logs go to C:\\ProgramData\\Kestrel\\install.log when it fails.")),
		art("mac", "en", "help", "Install on macOS", "Drag the app to Applications.", nil,
			sec("", "", "Open KestrelBackup.dmg and drag Kestrel to Applications.")),
		art("other", "en", "help", "Change your plan", "Plans and prices.", nil,
			sec("", "", "Open the plan page.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first string }{
		{"install.log", "setup"},
		{"install.lgo", "setup"},
		{"install.lo", "setup"},
		{"install.l", "setup"},
		{"KestrelBackup.dm", "mac"},
		{"kestrelbackup.d", "mac"},
	} {
		if got := ids(suggest(t, ix, tt.q, "en")); len(got) == 0 || got[0] != tt.first {
			t.Errorf("Suggest(%q) = %v, want %s first", tt.q, got, tt.first)
		}
	}
}
