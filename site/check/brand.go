package check

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/guichet/guichet/site"
)

// minContrast is WCAG 2's AA contrast for normal text: buttons and the
// skip link write white text on the brand colour.
const minContrast = 4.5

// brandContrast warns when white text on the brand colour is below
// minContrast, naming the nearest darker shade that reaches it.
func brandContrast(color string) *site.Problem {
	rgb, ok := parseHex(color)
	if !ok {
		return nil
	}
	c := contrast(luminance(rgb), 1)
	if c >= minContrast {
		return nil
	}
	return &site.Problem{Severity: site.SeverityWarning, Kind: site.KindConfig, File: "guichet.yaml", Field: "brand_color",
		Message: fmt.Sprintf("brand_color %s has a contrast of %.1f:1 with the white text of buttons, below %.1f:1 (WCAG AA); the nearest shade that reaches it is %s",
			color, c, minContrast, compliantShade(rgb))}
}

// compliantShade darkens rgb step by step (keeping its hue) until white
// text on it reaches minContrast.
func compliantShade(rgb [3]float64) string {
	for f := 1.0; f > 0; f -= 0.01 {
		d := [3]float64{rgb[0] * f, rgb[1] * f, rgb[2] * f}
		if contrast(luminance(d), 1) >= minContrast {
			return toHex(d)
		}
	}
	return "#000000"
}

func parseHex(s string) ([3]float64, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if len(s) != 6 {
		return [3]float64{}, false
	}
	var out [3]float64
	for i := range out {
		v, err := strconv.ParseUint(s[2*i:2*i+2], 16, 8)
		if err != nil {
			return out, false
		}
		out[i] = float64(v)
	}
	return out, true
}

func toHex(rgb [3]float64) string {
	return fmt.Sprintf("#%02x%02x%02x", int(math.Round(rgb[0])), int(math.Round(rgb[1])), int(math.Round(rgb[2])))
}

// luminance is WCAG 2's relative luminance of an sRGB colour (0–255).
func luminance(rgb [3]float64) float64 {
	var l [3]float64
	for i, v := range rgb {
		v /= 255
		if v <= 0.03928 {
			l[i] = v / 12.92
		} else {
			l[i] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

// contrast is WCAG 2's contrast ratio of two luminances.
func contrast(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	return (a + 0.05) / (b + 0.05)
}
