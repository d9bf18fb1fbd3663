package web

import (
	"fmt"
	"net"
	"strings"
)

// ParseNetworks reads a comma-separated list of IP addresses and CIDR
// networks ("10.0.0.0/8, 192.0.2.7"), as TrustedProxies takes them; a
// bare address is a network of one. Blank entries are skipped.
func ParseNetworks(list string) ([]*net.IPNet, error) {
	var out []*net.IPNet
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		cidr := s
		if !strings.Contains(cidr, "/") {
			if strings.Contains(cidr, ":") {
				cidr += "/128"
			} else {
				cidr += "/32"
			}
		}
		_, n, err := net.ParseCIDR(cidr)
		if err != nil { // named as typed: the /32 added is not the operator's
			return nil, fmt.Errorf("%q is not an IP address or CIDR network", s)
		}
		out = append(out, n)
	}
	return out, nil
}
