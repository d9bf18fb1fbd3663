package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/cdproto/emulation"
)

func main() {
	url, out := os.Args[1], os.Args[2]
	w, h := 1280, 800
	if len(os.Args) > 3 && os.Args[3] == "mobile" {
		w, h = 390, 800
	}
	dark := len(os.Args) > 4 && os.Args[4] == "dark"
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath("/usr/bin/chromium"), chromedp.NoSandbox, chromedp.WindowSize(w, h))
	actx, c1 := chromedp.NewExecAllocator(context.Background(), opts...)
	defer c1()
	ctx, c2 := chromedp.NewContext(actx)
	defer c2()
	ctx, c3 := context.WithTimeout(ctx, 30*time.Second)
	defer c3()
	shadow := `document.querySelector('[data-guichet-widget]').shadowRoot.querySelector('button')`
	acts := []chromedp.Action[chromedp.Void]{}
	if dark {
		acts = append(acts, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
			return err
		}))
	}
	acts = append(acts, chromedp.Navigate(url), chromedp.Sleep(2*time.Second), chromedp.Evaluate[chromedp.Void](shadow+".click()"), chromedp.Sleep(1500*time.Millisecond))
	if err := chromedp.Do(ctx, acts...); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	os.WriteFile(out, buf, 0o644)
}
