package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/guichet/guichet/site"
)

// adminQualityPage serves the sample help center with 30 days of
// visitors' activity and returns the dashboard's URL and a signed-in
// session cookie.
func adminQualityPage(t *testing.T) (base, page string, cookie *http.Cookie) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base = "http://" + ln.Addr().String()
	m := &Main{Config: testConfig(filepath.Join("..", "..", "content"), t.TempDir(), func(c *Config) { c.Addr, c.BaseURL = ln.Addr().String(), base }),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close(context.Background()) })
	srv := &http.Server{Handler: m.Server}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	v := m.Server.View()
	arts := v.ByLocale[v.Lib.Config.DefaultLocale]
	now := time.Now().UTC()
	no, yes := false, true
	for d := 0; d < 30; d++ {
		for i := 0; i < 3+d%5; i++ {
			at := now.Add(-time.Duration(d)*24*time.Hour - time.Duration(i)*time.Hour)
			who := fmt.Sprintf("v%d-%d", d, i)
			a := arts[(d+i)%len(arts)]
			q := []string{"refund", "export calendar", "zzqx", "<b>invoice</b>"}[i%4]
			res := 0
			if i%4 < 2 {
				res = 3
			}
			m.Recorder.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: q, Locale: "en", Source: site.SourceSite, Visitor: who, Results: res, Hits: []string{a.ID}, Time: at})
			m.Recorder.RecordEvent(site.Event{Type: site.EventView, ArticleID: a.ID, Locale: "en", Source: site.SourceSite, Visitor: who, Time: at.Add(time.Minute)})
			h := &yes
			if i%3 == 0 {
				h = &no
			}
			m.Recorder.RecordEvent(site.Event{Type: site.EventVote, ArticleID: a.ID, Locale: "en", Source: site.SourceSite, Visitor: who, Helpful: h, Comment: "Steps are out of date", Time: at.Add(2 * time.Minute)})
			if i%4 == 2 {
				m.Recorder.RecordEvent(site.Event{Type: site.EventContact, Locale: "en", Source: site.SourceWidget, Context: "checkout", Visitor: who, Time: at.Add(3 * time.Minute)})
			}
		}
	}
	if err := m.Recorder.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	admin, _, err := m.DB.CreateToken(context.Background(), site.ScopeAdmin, "quality")
	if err != nil {
		t.Fatal(err)
	}
	w := serve(m, "POST", "/admin/login", "token="+url.QueryEscape(admin))
	cookies := (&http.Response{Header: w.Header()}).Cookies()
	if w.Code != 303 || len(cookies) == 0 {
		t.Fatalf("login: %d", w.Code)
	}
	return base, base + "/admin/?since=30d", cookies[0]
}

// TestAdminPageQuality: the dashboard, signed in and full of figures,
// passes the Nu HTML checker, and axe-core in light and dark mode; at
// phone and desktop sizes it has no horizontal scroll, stays within a few
// screens' height (its long tables fold away), and its screenshot shows
// the charts in the theme's colours on the scheme's background.
func TestAdminPageQuality(t *testing.T) {
	tools := ciTools(t)
	chromium(t) // skips before the work when there is no browser
	base, page, cookie := adminQualityPage(t)

	// The Nu HTML checker.
	req, _ := http.NewRequest("GET", page, nil)
	req.AddCookie(cookie)
	start := time.Now()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { t.Logf("dashboard served in %v", time.Since(start)) }()
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !bytes.Contains(body, []byte(`<svg`)) {
		t.Fatalf("dashboard: %d, no chart", res.StatusCode)
	}
	if len(body) > 1<<20 {
		t.Errorf("the dashboard weighs %d bytes, over 1 MB", len(body))
	}
	file := filepath.Join(t.TempDir(), "admin.html")
	os.WriteFile(file, body, 0o644)
	out, _ := exec.Command("java", "-jar", filepath.Join(tools, "vnu-jar/build/dist/vnu.jar"), "--errors-only", "--format", "json", "--stdout", file).Output()
	var report struct {
		Messages []struct {
			Type, Message, Extract string
			LastLine               int
		}
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("vnu: %v\n%s", err, out)
	}
	for _, m := range report.Messages {
		t.Errorf("vnu: admin.html:%d: %s (%q)", m.LastLine, m.Message, m.Extract)
	}

	// The session in the browser.
	ctx := browser(t)
	if _, err := chromedp.Call(ctx, network.SetCookie, network.SetCookieParams{Name: cookie.Name, Value: cookie.Value, URL: base + "/admin/"}); err != nil {
		t.Fatal(err)
	}
	axe, err := os.ReadFile(filepath.Join(tools, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, scheme := range []string{"light", "dark"} {
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
			t.Fatal(err)
		}
		for _, size := range []struct {
			name          string
			width, height int64
			maxHeight     int
		}{{"phone", 390, 844, 844 * 14}, {"desktop", 1280, 900, 900 * 7}} {
			step, cancel := context.WithTimeout(ctx, 30*time.Second)
			t.Logf("%s %s: start %v", scheme, size.name, time.Since(start))
			if err := chromedp.Do(step, chromedp.EmulateViewport(size.width, size.height), chromedp.Navigate(page)); err != nil {
				cancel()
				t.Fatalf("%s %s: %v", scheme, size.name, err)
			}
			dims, err := chromedp.Run(step, chromedp.Evaluate[[]int](`[document.documentElement.scrollWidth, innerWidth, document.documentElement.scrollHeight, document.querySelectorAll('figure.chart svg').length]`))
			if err != nil || len(dims) != 4 {
				cancel()
				t.Fatalf("%s %s: %v", scheme, size.name, err)
			}
			t.Logf("%s %s: %d px wide in %d, %d px tall, %d charts", scheme, size.name, dims[0], dims[1], dims[2], dims[3])
			if dims[0] > dims[1] || dims[2] > size.maxHeight || dims[3] != 5 {
				t.Errorf("%s %s: %d px wide in a %d px window, %d px tall (at most %d), %d charts", scheme, size.name, dims[0], dims[1], dims[2], size.maxHeight, dims[3])
			}
			// The first screen, and the first chart, as a visitor sees them.
			top, err := chromedp.Run(step, chromedp.CaptureScreenshot())
			if err != nil {
				cancel()
				t.Fatalf("%s %s: screenshot: %v", scheme, size.name, err)
			}
			bar, err := chromedp.Run(step, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('#chart-searches rect.bar')).fill`))
			if err != nil {
				cancel()
				t.Fatalf("%s %s: bar colour: %v", scheme, size.name, err)
			}
			chart, err := chromedp.Run(step, chromedp.Screenshot(chromedp.CSS("#chart-searches svg")))
			cancel()
			if err != nil {
				t.Fatalf("%s %s: chart screenshot: %v", scheme, size.name, err)
			}
			checkScreenshot(t, scheme+" "+size.name, top, chart, int(size.width), scheme == "dark", bar)
			if dir := os.Getenv("GUICHET_SCREENSHOTS"); dir != "" {
				os.WriteFile(filepath.Join(dir, "admin-"+scheme+"-"+size.name+".png"), top, 0o644)
				os.WriteFile(filepath.Join(dir, "admin-chart-"+scheme+"-"+size.name+".png"), chart, 0o644)
			}
			if size.name == "desktop" {
				got, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](string(axe)+`;axe.run(document, {resultTypes: ['violations']}).then(r =>
					r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))`, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("%s: run axe: %v", scheme, err)
				}
				for _, v := range got {
					t.Errorf("admin (%s): %s [%s, %s] on %s", scheme, v.Help, v.ID, v.Impact, strings.Join(v.Nodes, ", "))
				}
			}
		}
	}
}

// checkScreenshot decodes the screenshot of the first screen and of a
// chart: the screen as wide as the window with the scheme's background
// (dark or light) at its bottom-right corner, and the chart showing its
// bars in their colour (bar, as CSS gives it: "rgb(r, g, b)").
func checkScreenshot(t *testing.T, name string, top, chart []byte, width int, dark bool, bar string) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(top))
	if err != nil {
		t.Fatalf("%s: screenshot: %v", name, err)
	}
	b := img.Bounds()
	if b.Dx() != width {
		t.Errorf("%s: screenshot %d px wide, want %d", name, b.Dx(), width)
	}
	r, g, bl, _ := img.At(b.Max.X-2, b.Max.Y-2).RGBA()
	if lum := (299*r + 587*g + 114*bl) / 1000 >> 8; dark && lum > 60 || !dark && lum < 200 {
		t.Errorf("%s: background luminance %d", name, lum)
	}
	var want [3]uint32
	if _, err := fmt.Sscanf(bar, "rgb(%d, %d, %d)", &want[0], &want[1], &want[2]); err != nil {
		t.Fatalf("%s: bar colour %q", name, bar)
	}
	img, err = png.Decode(bytes.NewReader(chart))
	if err != nil {
		t.Fatalf("%s: chart screenshot: %v", name, err)
	}
	near := func(a, b uint32) bool { return a+8 >= b && b+8 >= a }
	n := 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if near(r>>8, want[0]) && near(g>>8, want[1]) && near(b>>8, want[2]) {
				n++
			}
		}
	}
	if n < 500 {
		t.Errorf("%s: %d pixels of the bars' colour %s in the chart: its bars are not drawn", name, n, bar)
	}
}
