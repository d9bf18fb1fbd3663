package site

import "testing"

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"refund for jane.doe+shop@example.co.uk please", "refund for [email] please"},
		{"card 4111 1111 1111 1111 declined", "card [card] declined"},
		{"card 4111-1111-1111-1111", "card [card]"},
		{"order 12345678 missing", "order [number] missing"},
		{"error 503 in 2026", "error 503 in 2026"},
		{"reset password", "reset password"},
		{"", ""},
		// A UUID names a thing, kept whole (its runs of digits were read
		// as a phone or an account; a newcomer, rv19g); the text around it
		// is redacted still.
		{"/projects/123e4567-e89b-12d3-a456-426614174000/members", "/projects/123e4567-e89b-12d3-a456-426614174000/members"},
		{"/projects/9f1c2d3e-aaaa-4bbb-8ccc-1234567890ab/members", "/projects/9f1c2d3e-aaaa-4bbb-8ccc-1234567890ab/members"},
		{"80070005-0000-4000-8000-000000000000 call 06 12 34 56 78", "80070005-0000-4000-8000-000000000000 call [phone]"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestRedactPhones: phone numbers as people write them in many countries
// are redacted; dates, times, IPv4 addresses and version or build numbers,
// which the phone rule used to take too, are kept. When a number could be
// either, it is redacted.
func TestRedactPhones(t *testing.T) {
	redacted := []struct{ in, want string }{
		// France: international, national, dotted, dashed, with the trunk 0.
		{"call me +33 6 12 34 56 78", "call me [phone]"},
		{"06 12 34 56 78", "[phone]"},
		{"06.12.34.56.78", "[phone]"},
		{"06-12-34-56-78", "[phone]"},
		{"+33 (0)6 12 34 56 78", "[phone]"},
		{"0033 6 12 34 56 78", "[phone]"},
		// North America: (555) 123-4567, dashed, dotted, with the 1.
		{"phone (555) 123-4567", "phone [phone]"},
		{"555-123-4567", "[phone]"},
		{"555.123.4567", "[phone]"},
		{"1-800-555-1234", "[phone]"},
		{"1.555.123.4567", "[phone]"},
		// Ambiguous (a dotted US number, or four dotted numbers): the +
		// says phone.
		{"+1.555.123.4567", "[phone]"},
		{"+1 555 123 4567", "[phone]"},
		// United Kingdom, Germany (spaces, 00, the slash of German
		// writing), Belgium, Switzerland, Spain, Italy, India, Brazil.
		{"+44 20 7946 0958", "[phone]"},
		{"07700 900123", "[phone]"},
		{"+49 30 123456", "[phone]"},
		{"0049 30 1234567", "[phone]"},
		{"030/1234567", "[phone]"},
		{"07071/12345", "[phone]"},
		{"+49 (0)30 1234567", "[phone]"},
		{"0475 12 34 56", "[phone]"},
		{"02.123.45.67", "[phone]"},
		{"079 123 45 67", "[phone]"},
		{"612 345 678", "[phone]"},
		{"612.345.678", "[phone]"},
		{"333 123 4567", "[phone]"},
		{"+91 98765 43210", "[phone]"},
		// A mobile number of 13 digits or more after the +: a phone, not
		// a card ("+[card]" kept the + and said card).
		{"+49 151 23456789", "[phone]"},
		{"Handy +49 1512 3456789 bitte", "Handy [phone] bitte"},
		{"+86 138 1234 5678", "[phone]"},
		{"(11) 91234-5678", "[phone]"},
		// Mixed separators, and a phone beside a kept number.
		{"+33 6 12.34.56.78", "[phone]"},
		{"06 12.34.56.78", "[phone]"},
		{"on 2026-11-28 call 06 12 34 56 78", "on 2026-11-28 call [phone]"},
		{"192.168.1.1 06 12 34 56 78", "192.168.1.1 [phone]"},
		// A reference that is no date: redacted (Redact's old rule), as
		// the number it is after a word naming a customer's case.
		{"Invoice 2026-0042", "Invoice [number]"},
		{"Invoice 2026-13-45", "Invoice [number]"},
		{"Facture n° F-2026-0042 introuvable", "Facture n° F-[number] introuvable"},
		{"order #4821-5567-01 missing", "order #[number] missing"},
		{"Bestellnummer 2026-0042", "Bestellnummer [number]"},
		{"call room 2026-0042", "call room [phone]"}, // no word of a case
		{"call me 06 12 34 56 78, invoice", "call me [phone], invoice"},
		{"ip 192.168.1.1-555.123.4567", "ip 192.168.1.1-[phone]"},
		// Runs of digits alone are numbers.
		{"order 12345678", "order [number]"},
		// IP addresses on the internet, which can name a person's
		// connection; bank accounts.
		{"my ip is 82.64.12.34 and it is blocked", "my ip is [ip] and it is blocked"},
		{"banned 2a01:e0a:1f2:3c40::1 today", "banned [ip] today"},
		{"connect to 82.64.12.34:443 fails", "connect to [ip]:443 fails"},
		{"(2a01:e0a:1f2:3c40::1)", "([ip])"},
		{"from 2001:4860:4860:0:0:0:0:8888", "from [ip]"},
		{"iban FR76 3000 6000 0112 3456 7890 189", "iban [iban]"},
		{"DE89370400440532013000 refund", "[iban] refund"},
		{"GB29 NWBK 6016 1331 9268 19", "[iban]"},
		// An IBAN of whole groups of four followed by a word: the word is
		// no part of it.
		{"iban ES91 2100 0418 4502 0005 1332 refund", "iban [iban] refund"},
		{"ES9121000418450200051332 refund", "[iban] refund"},
		{"GB82 WEST 1234 5698 7654 32 wrong", "[iban] wrong"},
		{"NO93 8601 1117 947 thanks", "[iban] thanks"},
		{"NL91 ABNA 0417 1643 00 and BE68 5390 0754 7034 please", "[iban] and [iban] please"},
		{"ES91 2100 0418 4502 0005 1332 DE89 3704 0044 0532 0130 00", "[iban] [iban]"},
		// Beside a hexadecimal error code, which stays.
		{"0x80070005 call 06 12 34 56 78", "0x80070005 call [phone]"},
		{"error 0x80004005 on order 12345678", "error 0x80004005 on order [number]"},
		{"8007000E call 06 12 34 56 78", "8007000E call [phone]"},
		// Eight digits that are no failure code (an HRESULT's start with
		// 80), letters before digits only (a reference's shape), a longer
		// hexadecimal word: numbers.
		{"order 81234567", "order [number]"},
		{"ref A1234567", "ref A[number]"},
		{"NI AB123456 C", "NI AB[number] C"},
		{"id 1234567a", "id [number]a"},
		{"80070005123", "[number]"},
		// A number before a parenthesis keeps it.
		{"Something went wrong 30050-1039 (0)", "Something went wrong [phone] (0)"},
		{"call 555-123-4567 (mobile)", "call [phone] (mobile)"},
		{"(12345678)", "([number])"},
		{"order (1234 5678", "order ([phone]"},
		{"(06 12 (34 56 78", "[phone]"},
		{"1234 (06 12 34 56 78)", "1234 ([phone])"},
		// An IPv4 address written with leading zeros.
		{"my ip 082.064.012.034 is blocked", "my ip [ip] is blocked"},
	}
	kept := []string{
		// Dates: ISO, European dotted, slashed and dashed, US slashed.
		"2026-11-28", "2026/11/28", "2026.11.28", "2026-1-5",
		"28.11.2026", "28/11/2026", "28-11-2026", "01.02.2026",
		"11/28/2026", "11-28-2026",
		"invoice of 2026-11-28 10:30", "meeting 28.11.2026, 10:30", "since 2026-11-28 10:30:15",
		"(2026-11-28)",
		// Times.
		"10:30", "at 10:30 and 14:45",
		// IPv4 addresses, with a port or a prefix length.
		"192.168.1.1", "10.0.0.12", "192.168.100.200", "10.10.10.10", "192.168.1.1:8080",
		"192.168.100.0/24", "from 172.16.254.1 to 172.16.254.200",
		// Version and build numbers.
		"16.0.17928.20114", "Outlook 16.0.17928.20114 crashes", "10.0.19045.3693",
		"6.1.7601.17514", "120.0.6099.109", "15.2.1118.40", "1.6.00.4472", "4.8.04084",
		"Office 2016 16.0.5149.1000", "Version 2405 (Build 17628.20144 Click-to-Run)",
		"build 16827.20166", "v16.0.17928.20114", "version 2309.1234",
		// Paths, whose slashes are no phone's.
		"/reports/2024-05/8412", "/orders/2026/11/28/12", "/kb/2024/5031",
		// Numbers too short to be anything.
		"error 503 in 2026", "error 0x800ccc0e", "KB 4.5",
		// Addresses that name no one's connection: private networks,
		// loopback, link-local, shared, documentation, masks; times.
		"fe80::1", "::1", "ping 2001:db8::1 fails", "fd12:3456:789a::1", "255.255.255.0", "100.64.0.1", "169.254.10.1",
		"127.0.0.1:8080", "at 10:30:15",
		// What only looks like an address or an account: code, versions,
		// network addresses, GUIDs and serials (no IBAN's check digits).
		"Foo::Bar", "CAB::Extract", "[Convert]::FromBase64String", "std::string", "::ffff:192.168.1.1 unreachable",
		"Version=15.0.0.0", "build 16.0.0.0", "Office 16.0.0.0 crashes",
		"b3c0a3fa-ed50-4fe8-8a36-35a2cb0d9f3e", "serial PF12 3ABC 4DEF", "ab12 cdef ghij",
		// Hexadecimal error codes.
		"0x80004005 General Error Unable to Open Registry Key", "error 0x80070005", "0x800F081F", "Code: 0X80070643.",
		// The same without 0x: eight hexadecimal digits, a failure's
		// (from 8), with a letter after a digit, or all digits from 80.
		"error 8007000E", "8004036e when syncing", "code 80070005", "80244019", "C004F074", "CAA70004", "800703fa",
		"8007000E 8004036e", "(80070005)",
		// Private addresses written with leading zeros.
		"ping 192.168.001.010", "010.000.000.012",
	}
	for _, tt := range redacted {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, in := range kept {
		if got := Redact(in); got != in {
			t.Errorf("Redact(%q) = %q, want it kept", in, got)
		}
	}
}

func TestRedactedAsNumbers(t *testing.T) {
	for in, want := range map[string]string{
		Redact("Invoice 2026-0042"):                        "Invoice 0",
		Redact("Facture F-2026-0042"):                      "Facture F-0",
		Redact("order 48213377, card 4111 1111 1111 1111"): "order 0, card 0",
		Redact("mail ana@example.com"):                     "mail [email]",
		Redact("call 06 12 34 56 78 on 2026-11-28"):        "call 0 on 2026-11-28",
	} {
		if got := RedactedAsNumbers(in); got != want {
			t.Errorf("RedactedAsNumbers(%q) = %q, want %q", in, got, want)
		}
	}
}
