package postgres_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/postgres"
)

// TestTLSRefusedIsAConfigurationError: sslmode=require (the README's
// example) on a server without TLS was "the database cannot be reached;
// try again in a moment" (503 unavailable), so a replica restarted by
// systemd every 2 s forever while its operator waited for a database that
// was up. It is a mistake in --database: said so, with what to change.
func TestTLSRefusedIsAConfigurationError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) { // a PostgreSQL without ssl: 'N' to the SSLRequest
				defer c.Close()
				c.SetDeadline(time.Now().Add(5 * time.Second))
				buf := make([]byte, 8)
				if _, err := c.Read(buf); err == nil {
					c.Write([]byte("N"))
				}
				c.Read(buf)
			}(c)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	db, err := postgres.Open(ctx, "postgres://guichet:zq9secret@"+ln.Addr().String()+"/guichet?sslmode=require", postgres.Options{})
	if err == nil {
		db.Close()
		t.Fatal("connected to a server that refuses TLS")
	}
	msg := err.Error()
	if site.ErrorCode(err) == site.EUNAVAILABLE || strings.Contains(msg, "try again") {
		t.Errorf("a TLS setting the server lacks is told as an outage: %v", err)
	}
	if !strings.Contains(msg, "does not accept TLS") || !strings.Contains(msg, "sslmode") {
		t.Errorf("the error does not say what to change: %v", err)
	}
	if strings.Contains(msg, "zq9secret") {
		t.Errorf("the password shows: %v", err)
	}
}
