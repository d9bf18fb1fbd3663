package content

import "testing"

// A picture inside a sentence is part of what the sentence says: the
// description (meta description, og:description, the widget's and the
// search results' line under the title) reads its alt text where it stands.
// "Tap ![Share](share.svg) and choose Save." was described as "Tap and
// choose Save.". A paragraph of pictures only (a screenshot above the
// text) is still not the description.
func TestDescriptionReadsInlinePictures(t *testing.T) {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>`
	imgs := map[string]string{"img/share.svg": svg, "img/locker.svg": svg, "img/big.svg": svg, "img/a.svg": svg, "img/b.svg": svg}
	for body, want := range map[string]string{
		"Tap ![Share](/img/share.svg) and choose Save. Then close.":                         "Tap Share and choose Save.",
		"Press [![the red button](/img/b.svg)](/img/big.svg) twice.":                        "Press the red button twice.",
		"![Locker photo](/img/locker.svg)\n\nLockers come in three sizes. Most fit an M.":   "Lockers come in three sizes.",
		"[![Locker](/img/locker.svg)](/img/big.svg)\n\nLockers come in three sizes.":        "Lockers come in three sizes.",
		"![Front](/img/a.svg) ![Back](/img/b.svg)\n\nLockers come in three sizes. Or more.": "Lockers come in three sizes.",
	} {
		files := map[string]string{"shipping/sizes.md": "---\ntitle: Locker sizes\n---\n" + body + "\n"}
		for k, v := range imgs {
			files[k] = v
		}
		lib := load(t, files)
		if got := lib.Articles[0].Description; got != want {
			t.Errorf("%q: description = %q, want %q", body, got, want)
		}
	}
}

// A body without a paragraph ("## Before you start" then its steps as a
// list) is described by its first item, not left to the site's
// description (the same meta description on every such page); a
// paragraph anywhere still comes first.
func TestDescriptionOfListsOnly(t *testing.T) {
	for body, want := range map[string]string{
		"## Before you start\n\n* **Check** the [status page](https://status.example) first. Really.\n* Then retry.": "Check the status page first.",
		"1. Open *Settings*.\n2. Choose Printers.\n\nThe label prints at once. Or not.":                              "The label prints at once.",
	} {
		lib := load(t, map[string]string{"shipping/x.md": "---\ntitle: X\n---\n" + body + "\n"})
		if got := lib.Articles[0].Description; got != want {
			t.Errorf("%q: description = %q, want %q", body, got, want)
		}
	}
}
