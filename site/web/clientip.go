package web

import (
	"net"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// unknownClient stands for a client whose address a trusted proxy sent
// garbled: not an address, so it is never taken for a private network,
// and all such clients share one set of limits.
const unknownClient = "unknown"

// clientIP wraps echo's X-Forwarded-For reader: when the header a trusted
// proxy forwards cannot be read, echo falls back to the proxy's own
// address, which would make every such visitor look like the proxy (a
// private address, one shared limit); the client is then unknownClient.
func clientIP(xff echo.IPExtractor) echo.IPExtractor {
	return func(r *http.Request) string {
		ip := xff(r)
		if len(r.Header.Values(echo.HeaderXForwardedFor)) == 0 {
			return ip
		}
		direct, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			direct = r.RemoteAddr
		}
		if ip == direct && xffGarbled(r) {
			return unknownClient
		}
		return ip
	}
}

// xffGarbled reports whether an X-Forwarded-For entry is not an address.
func xffGarbled(r *http.Request) bool {
	for _, v := range r.Header.Values(echo.HeaderXForwardedFor) {
		for _, part := range splitComma(v) {
			if net.ParseIP(trimBrackets(part)) == nil {
				return true
			}
		}
	}
	return false
}

func splitComma(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		out = append(out, strings.TrimSpace(p))
	}
	return out
}

func trimBrackets(s string) string { return strings.TrimSuffix(strings.TrimPrefix(s, "["), "]") }
