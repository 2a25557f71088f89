// Command lifeweb serves lifeview's web page (package site) on localhost:
// lifeview compiled to WebAssembly, which runs in the browser with its
// window, keys, mouse, editing and library, every cell a goroutine on the
// browser's one thread.
//
// Usage:
//
//	lifeweb [-addr localhost:8080] [-dir build/web] [-build] [-go go]
//
// With -build it first builds the page into -dir (make web does). Then open
// the address it prints, such as http://localhost:8080/?pattern=gosper.
//
// Exit status: 0 after Ctrl+C, 2 for a bad flag, 1 for anything else (a
// failed build, a folder that is not the page, an address in use).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	cfg, err := parse(os.Args[1:])
	switch {
	case errors.Is(err, flag.ErrHelp):
		stop()
		os.Exit(0)
	case err != nil:
		stop()
		fmt.Fprintf(os.Stderr, "lifeweb: %v (run lifeweb -h for help)\n", err)
		os.Exit(2)
	}
	err = run(ctx, cfg, os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "lifeweb: %v\n", err)
		os.Exit(1)
	}
}
