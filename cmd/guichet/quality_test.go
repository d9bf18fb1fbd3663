package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// ciTools returns .ci/node_modules, where `npm ci --prefix .ci` installs
// Lighthouse, the Nu HTML checker and axe-core. Missing, the test is
// skipped, except under CI=true.
func ciTools(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", ".ci", "node_modules"))
	if err != nil {
		t.Fatal(err)
	}
	for _, need := range []string{"lighthouse/cli/index.js", "vnu-jar/build/dist/vnu.jar", "axe-core/axe.min.js"} {
		if _, err := os.Stat(filepath.Join(dir, need)); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing: .ci/run installs it with npm ci --prefix .ci", need)
			}
			t.Skipf("%s is missing (npm ci --prefix .ci); this check runs in CI", need)
		}
	}
	for _, bin := range []string{"java", "node"} {
		if _, err := exec.LookPath(bin); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is not installed", bin)
			}
			t.Skipf("%s is not installed", bin)
		}
	}
	return dir
}

// qualityPages serves the sample help center on a real port, its base URL
// that address, and returns one URL per public page type (pages), and the
// widget's panel and demo and articles with a table, code or an image
// when the content has them (more).
func qualityPages(t *testing.T) (pages, more map[string]string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	m := &Main{Config: testConfig(filepath.Join("..", "..", "content"), t.TempDir(), func(c *Config) {
		c.Addr, c.BaseURL, c.RecordRate, c.RequestRate, c.RequestBurst = ln.Addr().String(), base, 100, 1000, 1000
	}),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close(context.Background()) })
	srv := &http.Server{Handler: m.Server}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	v := m.Server.View()
	def := v.Lib.Config.DefaultLocale
	cats := v.TopCategories(def)
	arts := v.ArticlesIn(cats[0].ID, def)
	more = map[string]string{
		"widget-frame": base + "/widget/frame?path=/calendar&origin=" + base,
		"widget-demo":  base + "/widget/demo",
		// A search without results, and one with related articles only.
		"search-none":    base + "/search?q=bitcoin+wallet",
		"search-related": base + "/search?q=pay+with+bitcoin",
	}
	for _, a := range v.ByLocale[def] {
		for name, marker := range map[string]string{"article-table": "<table", "article-code": "<pre", "article-image": "<img"} {
			if _, ok := more[name]; !ok && strings.Contains(string(a.HTML), marker) {
				more[name] = base + a.URL
			}
		}
	}
	return map[string]string{
		"home":     base + "/",
		"category": base + cats[0].URL,
		"article":  base + arts[0].URL,
		"faq":      base + "/faq",
		"search":   base + "/search?q=refund",
	}, more
}

func sortedKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestHTMLValid: the HTML of each page type, and of the widget's panel and
// demo, passes the Nu HTML checker (vnu) with no errors.
func TestHTMLValid(t *testing.T) {
	tools := ciTools(t)
	pages, more := qualityPages(t)
	maps.Copy(pages, more)
	t.Logf("pages: %v", sortedKeys(pages))
	dir := t.TempDir()
	var files []string
	for _, name := range sortedKeys(pages) {
		res, err := http.Get(pages[name])
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		f := filepath.Join(dir, name+".html")
		os.WriteFile(f, body, 0o644)
		files = append(files, f)
	}
	cmd := exec.Command("java", append([]string{"-jar", filepath.Join(tools, "vnu-jar/build/dist/vnu.jar"), "--errors-only", "--format", "json", "--stdout"}, files...)...)
	out, err := cmd.Output()
	var report struct {
		Messages []struct {
			URL      string `json:"url"`
			Type     string `json:"type"`
			Line     int    `json:"lastLine"`
			Message  string `json:"message"`
			Extract  string `json:"extract"`
			SubType  string `json:"subType"`
			FirstCol int    `json:"firstColumn"`
		} `json:"messages"`
	}
	if jerr := json.Unmarshal(out, &report); jerr != nil {
		t.Fatalf("vnu: %v (%v)\n%s", jerr, err, out)
	}
	for _, m := range report.Messages {
		if m.Type == "error" || m.SubType == "fatal" {
			t.Errorf("%s:%d: %s (%q)", filepath.Base(m.URL), m.Line, m.Message, m.Extract)
		}
	}
}

// axeViolation is what the test keeps of an axe-core violation.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// TestAccessibilityAxe: axe-core finds no violation on any page type, nor
// on the widget's panel and demo, in light and in dark mode.
func TestAccessibilityAxe(t *testing.T) {
	tools := ciTools(t)
	ctx := browser(t)
	pages, more := qualityPages(t)
	maps.Copy(pages, more)
	axe, err := os.ReadFile(filepath.Join(tools, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, scheme := range []string{"light", "dark"} {
		err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
			return err
		}))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range sortedKeys(pages) {
			step, cancel := context.WithTimeout(ctx, 30*time.Second)
			if err := chromedp.Do(step, chromedp.Navigate(pages[name]), chromedp.Evaluate[chromedp.Void](string(axe))); err != nil {
				cancel()
				t.Fatalf("%s: %v", name, err)
			}
			got, err := chromedp.Run(step, chromedp.Evaluate[[]axeViolation](`axe.run(document, {resultTypes: ['violations']}).then(r =>
				r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))`, chromedp.EvalAwaitPromise))
			cancel()
			if err != nil {
				t.Fatalf("%s: run axe: %v", name, err)
			}
			for _, v := range got {
				t.Errorf("%s (%s): %s [%s, %s] on %s", name, scheme, v.Help, v.ID, v.Impact, strings.Join(v.Nodes, ", "))
			}
		}
	}
}

// lighthouseMin are the scores each page must reach (mobile preset).
var lighthouseMin = map[string]float64{"seo": 1, "accessibility": 0.95, "best-practices": 0.95, "performance": 0.95}

// TestLighthouse: every page type scores SEO 100, Accessibility, Best
// Practices and Performance 95 or more with Lighthouse's mobile preset in
// Debian's Chromium. The search page is noindex on purpose (the issue asks
// for it), which Lighthouse's is-crawlable audit counts against SEO; its
// SEO score is computed without that one audit.
//
// Performance is a timing: Total Blocking Time moves with whatever else the
// machine runs, and go test runs other packages beside this one (in CI,
// under the race detector, it read 0.86 for a page that scores 1.00 on a
// quiet machine). So the performance bar holds only when
// GUICHET_LIGHTHOUSE_PERFORMANCE=1 says the machine runs nothing else:
// .ci/run runs this test alone that way after the other tests. Otherwise
// the score is logged. Under the bar, a page is measured twice more and
// judged on the median of its three runs, as Lighthouse's documentation
// advises for variable environments. .ci/run sets
// GUICHET_LIGHTHOUSE_LATER=1 for the whole suite, which then leaves this
// test to that later run alone (every category is checked there): the
// slowest test of the suite, run twice, took CI near its time limit.
func TestLighthouse(t *testing.T) {
	if os.Getenv("GUICHET_LIGHTHOUSE_LATER") == "1" && os.Getenv("GUICHET_LIGHTHOUSE_PERFORMANCE") != "1" {
		t.Skip("GUICHET_LIGHTHOUSE_LATER=1: run alone after the suite, with GUICHET_LIGHTHOUSE_PERFORMANCE=1 (.ci/run)")
	}
	tools := ciTools(t)
	quiet := os.Getenv("GUICHET_LIGHTHOUSE_PERFORMANCE") == "1"
	chrome := chromium(t)
	// Not the widget's pages (noindex) nor more articles: one is enough.
	pages, _ := qualityPages(t)
	dir := t.TempDir()
	for _, name := range sortedKeys(pages) {
		run := func(i int, extra ...string) lighthouseReport {
			out := filepath.Join(dir, fmt.Sprintf("%s-%d.json", name, i))
			args := append([]string{filepath.Join(tools, "lighthouse/cli/index.js"), pages[name],
				"--quiet", "--output=json", "--output-path=" + out,
				"--only-categories=performance,accessibility,best-practices,seo",
				"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --disable-background-networking --disable-component-update --no-first-run"},
				extra...)
			// Lighthouse sometimes cannot reach the Chrome it launched on a
			// loaded machine ("Unable to connect to Chrome"): that, and only
			// that, is tried again.
			for try := 1; ; try++ {
				cmd := exec.Command("node", args...)
				cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
				msg, err := cmd.CombinedOutput()
				if err == nil {
					break
				}
				if try < 3 && strings.Contains(string(msg), "Unable to connect to Chrome") {
					continue
				}
				t.Fatalf("lighthouse %s: %v\n%s", name, err, msg)
			}
			raw, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			var lhr lighthouseReport
			if err := json.Unmarshal(raw, &lhr); err != nil {
				t.Fatal(err)
			}
			return lhr
		}
		lhr := run(0)
		if p := lhr.Categories["performance"].Score; quiet && p != nil && *p+1e-9 < lighthouseMin["performance"] {
			// Lighthouse's 4x CPU slowdown assumes a host of
			// benchmarkIndex 1000 or more (below it Lighthouse warns that
			// the host is slower than it expects); its documentation
			// (docs/throttling.md, "Calibrating the CPU slowdown") says to
			// lower the multiplier on a weaker host so the simulated
			// device stays a mid-tier phone. The runs again do so.
			var extra []string
			if b := lhr.Environment.BenchmarkIndex; b > 0 && b < 1000 {
				m := max(1, 4*b/1000)
				extra = []string{fmt.Sprintf("--throttling.cpuSlowdownMultiplier=%.2f", m)}
				t.Logf("%s: host benchmarkIndex %.0f, under Lighthouse's 1000: CPU slowdown %.2fx instead of 4x", name, b, m)
			}
			runs := []lighthouseReport{lhr, run(1, extra...), run(2, extra...)}
			sort.Slice(runs, func(i, j int) bool { return runs[i].performance() < runs[j].performance() })
			t.Logf("%s performance in three runs: %.2f, %.2f, %.2f", name, runs[0].performance(), runs[1].performance(), runs[2].performance())
			lhr = runs[1]
		}
		for cat, min := range lighthouseMin {
			c, ok := lhr.Categories[cat]
			if !ok || c.Score == nil {
				t.Errorf("%s: no %s score", name, cat)
				continue
			}
			score := *c.Score
			if name == "search" && cat == "seo" {
				score = lhr.scoreWithout(cat, "is-crawlable")
			}
			t.Logf("%s %s %.2f", name, cat, score)
			if cat == "performance" && !quiet {
				continue
			}
			if score+1e-9 < min {
				var failing []string
				for _, r := range c.Refs {
					if a := lhr.Audits[r.ID]; r.Weight > 0 && a.Score != nil && *a.Score < 1 {
						failing = append(failing, fmt.Sprintf("%s (%.2f)", a.Title, *a.Score))
					}
				}
				t.Errorf("%s: %s %.2f, want %.2f; failing: %s", name, cat, score, min, strings.Join(failing, "; "))
			}
		}
	}
}

// lighthouseReport is what the test reads of Lighthouse's JSON result.
type lighthouseReport struct {
	Environment struct {
		BenchmarkIndex float64 `json:"benchmarkIndex"`
	} `json:"environment"`
	Categories map[string]struct {
		Score *float64 `json:"score"`
		Refs  []struct {
			ID     string  `json:"id"`
			Weight float64 `json:"weight"`
		} `json:"auditRefs"`
	} `json:"categories"`
	Audits map[string]struct {
		Score *float64 `json:"score"`
		Title string   `json:"title"`
	} `json:"audits"`
}

// scoreWithout recomputes a category's weighted score leaving one audit out.
func (r *lighthouseReport) scoreWithout(category, skip string) float64 {
	var sum, weights float64
	for _, ref := range r.Categories[category].Refs {
		a, ok := r.Audits[ref.ID]
		if ref.ID == skip || !ok || a.Score == nil || ref.Weight == 0 {
			continue
		}
		sum += *a.Score * ref.Weight
		weights += ref.Weight
	}
	if weights == 0 {
		return 0
	}
	return sum / weights
}

// performance is the report's performance score, 0 when absent.
func (r lighthouseReport) performance() float64 {
	if s := r.Categories["performance"].Score; s != nil {
		return *s
	}
	return 0
}
