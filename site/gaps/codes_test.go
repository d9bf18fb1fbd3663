package gaps_test

import (
	"slices"
	"testing"
	"time"

	"github.com/guichet/guichet/site/gaps"
)

// TestCodesApart: failed searches naming different error codes are
// different problems, however alike their other words, and whoever typed
// one after the other; the same code typed two ways ("401k", "401(k)")
// and versions or years are no such evidence.
func TestCodesApart(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	ty := typists{at: at}
	add := ty.add
	add("install fails with 0x80070005", 3)
	add("install fails with 0x80070643", 3)
	add("install fails", 2)
	add("error 1603 during install", 2)
	add("401k contributions", 2)
	add("401(k) contributions", 2)
	add("crash in v2.3 after update", 2)
	add("crash in v2.4 after update", 2)
	// Stored redacted: the placeholder is no word they share.
	add("KB[number] patch", 2)
	add("error [number] update", 2)
	// One visitor, one code after the other: two problems still.
	records := append(ty.records,
		gaps.Record{Query: "0x800f081f", Locale: "en", Visitor: "w", Time: at},
		gaps.Record{Query: "0x800f0922", Locale: "en", Visitor: "w", Time: at.Add(time.Minute)},
		// Hexadecimal codes whose digits are the same: their letters differ.
		gaps.Record{Query: "0x800f081a", Locale: "en", Visitor: "x", Time: at},
		gaps.Record{Query: "0x800b081b", Locale: "en", Visitor: "x", Time: at.Add(time.Minute)})
	rep := gaps.Group(records, nil, nil, gaps.Options{Now: at.Add(30 * 24 * time.Hour)})
	gapOf := gapOfVariant(rep)
	together := func(a, b string) bool { return gapOf[a] != "" && gapOf[a] == gapOf[b] }
	for _, pair := range [][2]string{
		{"install fails with 0x80070005", "install fails with 0x80070643"},
		{"install fails with 0x80070005", "error 1603 during install"},
		{"0x800f081f", "0x800f0922"},
		{"0x800f081a", "0x800b081b"},
		{"KB[number] patch", "error [number] update"},
	} {
		if together(pair[0], pair[1]) {
			t.Errorf("%q and %q in one gap: two error codes, two problems", pair[0], pair[1])
		}
	}
	for _, pair := range [][2]string{
		{"401k contributions", "401(k) contributions"},
		{"crash in v2.3 after update", "crash in v2.4 after update"},
	} {
		if !together(pair[0], pair[1]) {
			t.Errorf("%q and %q apart, want one gap", pair[0], pair[1])
		}
	}
	if t.Failed() {
		for _, g := range rep.Gaps {
			var qs []string
			for _, v := range g.Variants {
				qs = append(qs, v.Query)
			}
			slices.Sort(qs)
			t.Logf("%s %q", g.ID, qs)
		}
	}
}

// TestCodeAfterWord: a number right after a word that announces a code
// ("error", "event", "code", "KB", "erreur"…) is a code whatever its value,
// even one that reads as a year (1935, 2004); elsewhere such a number is a
// year, which names no problem. Each pair is grouped alone, two visitors
// each.
func TestCodeAfterWord(t *testing.T) {
	checkPairs(t, []pairCase{
		{"install fails with error 1935", "install fails with error 1603", false},
		{"install fails with error 1935", "install fails with 0x80070005", false},
		{"event 2004 in the system log", "event 4096 in the system log", false},
		{"event id 2004 in the system log", "event id 4096 in the system log", false},
		{"setup exit code 2003 on windows", "setup exit code 1618 on windows", false},
		{"status 2001 when paying", "status 502 when paying", false},
		{"KB 2019 will not install", "KB 5031356 will not install", false},
		{"error 1401, 1402 or 1406 on install", "error 1935 on install", false},
		{"exit code 1 after update", "exit code 2 after update", false},
		{"code d'erreur 2003 pendant l'installation", "code d'erreur 1618 pendant l'installation", false},
		{"erreur 1935 pendant l'installation", "erreur 1603 pendant l'installation", false},
		{"code d’erreur 2001 au démarrage", "code d’erreur 1618 au démarrage", false},
		// A word with letters and digits after a code word is a code too,
		// however few its digits: the error codes of apps and devices.
		{"erreur E60 cadenas bloqué", "erreur E61 cadenas bloqué", false},
		{"code E42 au déverrouillage", "code E43 au déverrouillage", false},
		{"error E4 on the display", "error E5 on the display", false},
		{"erreur E42 cadenas bloqué", "code E42 cadenas bloqué", true},
		// The same word typed alone or before the code word, in a failed
		// set that reads it as a code after one, is that code: people type
		// the code the display shows, with "error" or without.
		{"E42 error", "error E42", true},
		{"E42 on the display", "error E42 on the display", true},
		{"thermostat shows E42", "thermostat error E42", true},
		{"E42", "error E43", false},
		{"E42 error", "error E43", false},
		// Years stay years: no code, the same question.
		{"invoice for 2023 missing", "invoice for 2024 missing", true},
		{"cancel subscription 2024", "cancel subscription 2025", true},
		{"error in invoice for 2023", "error in invoice for 2024", true},
		// Hexadecimal codes written without 0x: their letters are digits
		// too, and 0x changes nothing.
		{"install fails with 8007000E", "install fails with 8007000F", false},
		{"sync stops with 8004036e", "sync stops with 8004036f", false},
		{"error 80070005 on install", "error 0x80070005 on install", true},
		{"error 8007000E on install", "error 0x8007000e on install", true},
		{"8007000E", "0x8007000e", true},
		{"80070005", "0x80070005", true},
		{"access denied 0x80070005", "access denied 80070005", true},
		// The same code, one gap.
		{"install fails with error 1935", "install fails again with error 1935", true},
		{"event 2004 in the system log", "event 2004 in the log", true},
	})
}

// TestShortCodes: a few letters and two digits ("E24", "F05", "P04") is
// the code a dishwasher, a boiler or a lock shows, with or without a code
// word before it: two such codes are two problems, whatever words they
// share; the same code typed in capitals or not is one.
func TestShortCodes(t *testing.T) {
	checkPairs(t, []pairCase{
		{"dishwasher shows E24", "dishwasher shows E15", false},
		{"E70 lock blocked", "E71 lock blocked", false},
		{"boiler F05 after service", "boiler E05 after service", false},
		{"boiler F05 after service", "boiler f05 after the service", true},
		{"lock shows E70", "lock shows error E70", true},
		// One digit, or digits alone, is no such code: a plan, a version.
		{"plan b2 pricing", "plan b3 pricing", true},
		{"iphone 14 battery", "iphone 15 battery", true},
	})
}

// TestAddressesWhole: an IP address is one term, not the pieces an
// analysis cuts it into (the numbers of an IPv4 address without an index,
// the groups of an IPv6 address with one): different addresses share no
// piece, the same address is the same term.
func TestAddressesWhole(t *testing.T) {
	checkPairs(t, []pairCase{
		{"2001:db8::1 docs example", "2001:db8::2 ping reachable", false},
		{"printer at 2001:db8::10 offline", "2001:db8::20 dns name", false},
		{"192.168.1.1 admin page", "192.168.1.20 printer offline", false},
		{"ping 10.0.0.1 no answer", "10.0.0.1 password reset", false},
		// A code beside an address is still read as one.
		{"error 1 on fe80::1", "error 2 on fe80::1", false},
		{"fe80::1 not reachable", "fe80::1 unreachable", true},
		{"192.168.1.1 admin login", "192.168.001.001 admin login page", true},
	})
}

// pairCase is two failed searches and whether they make one gap.
type pairCase struct {
	a, b     string
	together bool
}

// checkPairs checks each pair, grouped alone (oneGap).
func checkPairs(t *testing.T, tests []pairCase) {
	t.Helper()
	for _, tt := range tests {
		if together := oneGap(tt.a, tt.b); together != tt.together {
			t.Errorf("%q and %q: one gap = %v, want %v", tt.a, tt.b, together, tt.together)
		}
	}
}

// oneGap reports whether a and b, each typed by two visitors, make one gap
// (grouped without an analyzer).
func oneGap(a, b string) bool {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	ty := typists{at: at}
	ty.add(a, 2)
	ty.add(b, 2)
	rep := gaps.Group(ty.records, nil, nil, gaps.Options{Now: at.Add(30 * 24 * time.Hour)})
	return len(rep.Gaps) == 1
}

// TestReferencesAreNoCodes: the number of a customer's order, invoice or
// booking names whose case it is, not the problem: two customers asking
// about their orders ask one thing, in any of the interface's languages;
// a number after a code word, or with no reference word before it, is
// still a code.
func TestReferencesAreNoCodes(t *testing.T) {
	checkPairs(t, []pairCase{
		{"order 4821 refund", "order 4822 refund", true},
		{"where is order 48213", "where is order 55120", true},
		{"order id 4821 not delivered", "order id 7710 not delivered", true},
		{"invoice number 4821 missing", "invoice number 9932 missing", true},
		{"booking A4821 cancelled", "booking B7710 cancelled", true},
		{"commande 4821 pas reçue", "commande 9921 pas reçue", true},
		// "n°" (and "nº", "no") after the reference word, as French
		// invoices and orders are numbered.
		{"Facture n° 4514 introuvable", "Facture n° 4515 introuvable", true},
		{"Facture n°4514 introuvable", "facture 4515 introuvable", true},
		{"commande nº 4821 pas reçue", "commande no 9921 pas reçue", true},
		{"order no. 4821 refund", "order 4822 refund", true},
		{"pedido 4821 no llegó", "pedido 7310 no llegó", true},
		// Codes stay codes.
		{"error 1603 on my order", "error 1618 on my order", false},
		{"install fails 1603", "install fails 1618", false},
		{"order fails with error 4821", "order fails with error 4822", false},
	})
}
