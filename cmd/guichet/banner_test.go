package main

import (
	"bufio"
	"context"
	"io"
	"strings"
	"testing"
	"time"
)

// TestBannerPublicURL: a server that other machines reach (--addr on every
// interface) without a base URL says at start that its links will name
// localhost, and how to set the public URL; a loopback address, or a base
// URL given, does not warn.
func TestBannerPublicURL(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want string // in the banner; "" for no Public URL line
	}{
		{"loopback", []string{"--addr", "127.0.0.1:0"}, ""},
		{"every interface", []string{"--addr", "0.0.0.0:0"}, "not set  other machines reach this server, but links in e-mails, feeds, the sitemap and webhooks say http://localhost:"},
		{"every interface, base URL", []string{"--addr", "0.0.0.0:0", "--base-url", "https://help.example.com"}, "https://help.example.com/  (canonical links"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			outR, outW := io.Pipe()
			done := make(chan int, 1)
			go func() {
				done <- run(ctx, append([]string{"serve", "--content", "../../content", "--data", t.TempDir()}, tt.args...), outW, io.Discard)
				outW.Close()
			}()
			var banner strings.Builder
			sc := bufio.NewScanner(outR)
			for sc.Scan() {
				banner.WriteString(strings.Join(strings.Fields(sc.Text()), " ") + "\n")
				if strings.HasPrefix(sc.Text(), "Stop with") {
					break
				}
			}
			go io.Copy(io.Discard, outR)
			cancel()
			select {
			case <-done:
			case <-time.After(15 * time.Second):
				t.Fatal("serve did not stop")
			}
			got := banner.String()
			line := ""
			for _, l := range strings.Split(got, "\n") {
				if strings.HasPrefix(l, "Public URL") {
					line = l
				}
			}
			want := strings.Join(strings.Fields(tt.want), " ")
			switch {
			case tt.want == "" && line != "":
				t.Errorf("banner has %q:\n%s", line, got)
			case tt.want != "" && !strings.Contains(line, want):
				t.Errorf("banner's Public URL line %q, want %q:\n%s", line, want, got)
			}
		})
	}
}
