//go:build !js

package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"colife/cmd/lifeview/internal/cli"
	"colife/cmd/lifeview/internal/display" // before Ebitengine: a clear error without a display
)

func main() {
	display.Close() // Ebitengine has its own connection now
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := lifeview(ctx, os.Args[1:])
	stop()
	os.Exit(cli.Report(os.Stderr, err))
}
