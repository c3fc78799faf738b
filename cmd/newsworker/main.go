// Command newsworker consumes raw news items from Kafka, tags them with
// countries, officials and IPTC topics, and publishes event records.
// See README.md; `newsworker help` lists the subcommands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "newsworker:", err)
		os.Exit(exitCode(err))
	}
}
