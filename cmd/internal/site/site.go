// Package site makes lifeview's web page and serves it. The page is a folder
// of three files: index.html (this package's), wasm_exec.js (the Go
// installation's glue between the browser and a Go program compiled to
// WebAssembly) and lifeview.wasm (cmd/lifeview for GOOS=js GOARCH=wasm).
// Any static web server can serve the folder; Handler is one.
package site

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// The files of the page.
const (
	Index  = "index.html"
	Glue   = "wasm_exec.js"
	Wasm   = "lifeview.wasm"
	Module = "colife/cmd/lifeview" // what Wasm is built from
)

//go:embed index.html
var index []byte

// Build makes the page in dir, which it creates if need be: it builds
// lifeview.wasm with the go command goTool (a path, or a name found in
// $PATH), run in the current directory, which must be in the colife module;
// it copies wasm_exec.js from that go command's installation, and writes
// index.html. The error gives the compiler's output.
func Build(ctx context.Context, goTool, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("page: %w", err)
	}
	build := exec.CommandContext(ctx, goTool, "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(dir, Wasm), Module)
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("page: go build %s for js/wasm: %w\n%s", Module, err, out)
	}
	root, err := exec.CommandContext(ctx, goTool, "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("page: go env GOROOT: %w", err)
	}
	glue, err := readGlue(strings.TrimSpace(string(root)))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, Glue), glue, 0o644); err != nil {
		return fmt.Errorf("page: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, Index), index, 0o644); err != nil {
		return fmt.Errorf("page: %w", err)
	}
	return nil
}

// readGlue reads wasm_exec.js from the Go installation at root: lib/wasm
// since Go 1.24, misc/wasm before.
func readGlue(root string) ([]byte, error) {
	var errs []error
	for _, sub := range []string{"lib/wasm", "misc/wasm"} {
		b, err := os.ReadFile(filepath.Join(root, sub, Glue))
		if err == nil {
			return b, nil
		}
		errs = append(errs, err)
	}
	return nil, fmt.Errorf("page: no %s in the Go installation %s: %w", Glue, root, errors.Join(errs...))
}

// Check reports whether dir holds the page, and which file it lacks if not.
func Check(dir string) error {
	for _, name := range []string{Index, Glue, Wasm} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("%s is not lifeview's page: %w (make web builds it)", dir, err)
		}
	}
	return nil
}

// Handler serves the files of dir, each as it is now: the browser is told to
// check for a newer one on every load (Cache-Control: no-cache), so that a
// page rebuilt shows at once.
func Handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
