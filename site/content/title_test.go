package content

import (
	"strings"
	"testing"
)

func TestFolderTitle(t *testing.T) {
	tests := map[string]string{
		"billing-and-plans": "Billing and plans",
		"two-factor-auth":   "Two factor auth",
		"SkypeforBusiness":  "Skype for Business",
		"SharePointOnline":  "SharePoint Online",
		"SharePoint":        "SharePoint",
		"Microsoft365":      "Microsoft 365",
		"OfficeExperts":     "Office Experts",
		"ExchangeHybrid":    "Exchange Hybrid",
		"SQLServer":         "SQL Server",
		"OneDrive":          "OneDrive",
		"iOS":               "iOS",
		"macOS-setup":       "macOS setup",
		"Viva-suite-admin":  "Viva suite admin",
		"SQL":               "SQL",
		"Password":          "Password",
		"hybrid-sign-in":    "Hybrid sign in",
		"Clip Art":          "Clip Art",
		"GitHubIntegration": "GitHub Integration",
		"IPv6Settings":      "IPv6 Settings",
		"réglages-avancés":  "Réglages avancés",
		"WindowsServer2019": "Windows Server 2019",
		"PowerShellScripts": "PowerShell Scripts",
		"ExchangeOnlineEOP": "Exchange Online EOP",
	}
	for in, want := range tests {
		if got := folderTitle(in); got != want {
			t.Errorf("folderTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNearTitle uses the title and the opening # heading of real
// Microsoft support articles.
func TestNearTitle(t *testing.T) {
	tests := []struct {
		heading, title string
		near           bool
	}{
		{"Calendar sync fails", "Calendar sync fails", true},
		{"Calendar sync fails after you install an update", "Calendar sync fails after an update", true},
		{"Lync administrators can't connect to Skype for Business Online Remote PowerShell in a Lync hybrid environment",
			"Lync administrator can't connect to Skype for Business Online Remote PowerShell", true},
		{`"MAPI unavailable" error in Skype for Business 2016 client`, "MAPI unavailable in Skype for Business 2016 client", true},
		{"How to troubleshoot being unable to sign in to Skype for Business", "How to troubleshoot being unable to sign in to Skype for Business | Microsoft Docs", true},
		{"Comment obtenir un remboursement ?", "Obtenir un remboursement", true},
		{"Microsoft Office Authentication/Identity Diagnostic (MSOAID)", "Use MSOAID for authentication issues", false},
		{"It might be your sign-in address or logon credentials error in Skype for Business", "Sign-in error when creating or joining a meeting", false},
		{"Symptoms", "Calendar sync fails", false},
	}
	for _, tt := range tests {
		if got := nearTitle(tt.heading, tt.title); got != tt.near {
			t.Errorf("nearTitle(%q, %q) = %v, want %v", tt.heading, tt.title, got, tt.near)
		}
	}
}

func TestFirstHeading(t *testing.T) {
	tests := map[string]string{
		"# Install the agent\n\nText.\n":                  "Install the agent",
		"Intro.\n\n# Title {#custom}\n":                   "Title",
		"```\n# not a heading\n```\n# Real one #\n":       "Real one",
		"## Only a second level\n":                        "",
		"import Tabs from '@theme/Tabs';\n\n# MDX page\n": "MDX page",
	}
	for in, want := range tests {
		if got, _, _ := firstHeading([]byte(in)); got != want {
			t.Errorf("firstHeading(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTitleShownOnceAfterImports: a Docusaurus doc opens with its MDX
// imports, then the # heading that repeats its title: the page shows the
// title once, as it does without the imports (and after an HTML comment).
func TestTitleShownOnceAfterImports(t *testing.T) {
	for name, src := range map[string]string{
		"imports": "---\ntitle: Create your farm\n---\n\nimport Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n# Create your farm\n\nSign up.\n",
		"comment": "---\ntitle: Create your farm\n---\n\n<!-- migrated from the old site -->\n\n# Create your farm\n\nSign up.\n",
	} {
		lib := load(t, map[string]string{"start/farm.mdx": src})
		a := article(t, lib, "start/farm.mdx")
		if strings.Contains(string(a.HTML), "Create your farm") {
			t.Errorf("%s: the title is shown again in the body:\n%s", name, a.HTML)
		}
	}
}
