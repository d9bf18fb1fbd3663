package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/cli"
)

const tokenUsage = "usage: guichet token create --scope admin|tickets|publish [--name N] | token list | token revoke ID"

// runToken implements `guichet token create|list|revoke`.
func runToken(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	if len(args) == 0 || args[0] != "create" && args[0] != "list" && args[0] != "revoke" {
		return cli.Typedf("%s", tokenUsage)
	}
	c := newCommand(ctx, "token "+args[0], stderr, "data", "database")
	scope, name := new(string), new(string) // create's flags only: list and revoke refuse them
	if args[0] == "create" {
		scope, name = c.fs.String("scope", "", "admin (insights, admin page), tickets (ticket ingestion) or publish (POST /api/v1/reload)"), c.fs.String("name", "", "what the token is for")
	}
	pos, err := c.parse(args[1:], map[string]int{"revoke": 1}[args[0]]) // create and list take none: a name without --name is refused
	if err != nil {
		return err
	}
	db, err := openStore(ctx, c.cfg, false)
	if err != nil {
		return err
	}
	defer db.Close()
	switch args[0] {
	case "create":
		secret, t, err := db.CreateToken(ctx, *scope, *name)
		if site.ErrorCode(err) == site.EINVALID {
			return cli.Usage(err) // no --scope, or not one of the three
		} else if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "Token %s (scope %s) created. Copy it now: it is not stored and cannot be shown again.\n", t.ID, t.Scope)
		fmt.Fprintln(stdout, secret)
	case "list":
		list, err := db.Tokens(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSCOPE\tNAME\tCREATED\tREVOKED")
		for _, t := range list {
			revoked := ""
			if t.RevokedAt != nil {
				revoked = t.RevokedAt.Format(time.DateTime)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.ID, t.Scope, t.Name, t.CreatedAt.Format(time.DateTime), revoked)
		}
		return tw.Flush()
	case "revoke":
		if len(pos) != 1 {
			return cli.Typedf("%s", tokenUsage)
		}
		if err := db.RevokeToken(ctx, pos[0]); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "token %s revoked\n", pos[0])
	}
	return nil
}
