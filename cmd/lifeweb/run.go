package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"colife/cmd/internal/site"
)

// config is the command line, parsed.
type config struct {
	Addr  string // -addr
	Dir   string // -dir
	Build bool   // -build
	Go    string // -go
}

// parse reads the flags; -h writes the usage to stderr and returns
// flag.ErrHelp.
func parse(args []string) (*config, error) {
	c := &config{}
	fs := flag.NewFlagSet("lifeweb", flag.ContinueOnError)
	fs.StringVar(&c.Addr, "addr", "localhost:8080", "serve on `HOST:PORT` (port 0 picks a free one)")
	fs.StringVar(&c.Dir, "dir", "build/web", "the page's `FOLDER`: index.html, wasm_exec.js, lifeview.wasm")
	fs.BoolVar(&c.Build, "build", false, "build the page into -dir first (run it in the colife module)")
	fs.StringVar(&c.Go, "go", "go", "the go `COMMAND` that -build uses")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q; flags start with -", fs.Arg(0))
	}
	return c, nil
}

// run builds the page if asked, then serves it until ctx is cancelled; it
// writes the address to open to stdout.
func run(ctx context.Context, cfg *config, stdout io.Writer) error {
	if cfg.Build {
		fmt.Fprintf(stdout, "lifeweb: building the page in %s...\n", cfg.Dir)
		if err := site.Build(ctx, cfg.Go, cfg.Dir); err != nil {
			return err
		}
	}
	if err := site.Check(cfg.Dir); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(filepath.Join(cfg.Dir, site.Wasm)); err == nil {
		fmt.Fprintf(stdout, "lifeweb: %s is %.1f MB\n", site.Wasm, float64(fi.Size())/1e6)
	}
	fmt.Fprintf(stdout, "lifeweb: serving %s on http://%s/ (Ctrl+C stops): open http://%s/?pattern=gosper\n", cfg.Dir, ln.Addr(), ln.Addr())
	srv := &http.Server{Handler: site.Handler(cfg.Dir), ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = srv.Shutdown(shut)
	if serr := <-done; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}
