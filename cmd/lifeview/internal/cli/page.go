package cli

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"colife/cmd/internal/setup"
	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
)

// PageParams are the parameters of the page's address that PageStart takes,
// each as the flag of the same name does, except rle: pattern=gosper (a
// built-in pattern), rle=... (an RLE, URL-encoded), rule=B36/S23 and the
// window's flags that make sense on a page. The files and pictures of -gif,
// -png, -screenshot and -list do not.
var PageParams = []string{"pattern", "rle", "rule", "size", "topology", "random", "seed", "engine", "zoom", "speed", "hud", "gens", "history", "memory"}

// PageMemory is the page's memory budget unless memory= gives another: a
// WebAssembly program has at most 4 GiB, of which browsers may give less,
// and the machine's memory is not known there.
const PageMemory = "1G"

// PageStart reads the start of the page from its address's query (what
// follows "?", such as "pattern=glider&zoom=8"), as LifeViewer's embeds take
// theirs: the parameters are PageParams, and rle= gives the pattern itself,
// read as a file named "rle". It returns the flags that the parameters
// give and the start they describe, or one line saying what is wrong: an
// unknown parameter, a bad value, an unknown pattern, the parser's error in
// the RLE.
func PageStart(query string) (*Config, *setup.Start, error) {
	args, rle, err := pageArgs(query)
	if err != nil {
		return nil, nil, err
	}
	cfg, err := Parse(args, nil)
	if err != nil {
		return nil, nil, err
	}
	start, err := Prepare(cfg, strings.NewReader(rle), io.Discard) // the page shows start.Warnings
	var pe *pattern.ParseError
	switch {
	case errors.As(err, &pe) && pe.File == "stdin":
		pe.File = "rle" // what the page calls it
	case errors.Is(err, pattern.ErrUnknown):
		err = fmt.Errorf("pattern %q: %w: no built-in pattern of that name (L on the page lists them)", cfg.Pattern, pattern.ErrUnknown)
	}
	if err != nil {
		return nil, nil, err
	}
	if start.Name == "stdin" {
		start.Name = "rle"
	}
	return cfg, start, nil
}

// pageArgs returns the flags that query's parameters give, in their order,
// and the RLE of rle=, if any.
func pageArgs(query string) (args []string, rle string, err error) {
	var pat, text bool
	args = []string{"-memory=" + PageMemory}
	for query != "" {
		var kv string
		kv, query, _ = strings.Cut(query, "&")
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		if k, err = url.QueryUnescape(k); err == nil {
			v, err = url.QueryUnescape(v)
		}
		switch {
		case err != nil:
			return nil, "", fmt.Errorf("the address's parameter %q: %w", kv, err)
		case !slices.Contains(PageParams, k):
			return nil, "", fmt.Errorf("unknown parameter %q in the address; the page takes %s", k, strings.Join(PageParams, ", "))
		case k == "rle":
			text, rle = true, v
			args = append(args, "-pattern=-")
			continue
		case k == "pattern":
			if v == "-" {
				return nil, "", errors.New(`pattern=-: a page has no standard input; give the pattern in rle=`)
			}
			pat = true
		}
		args = append(args, "-"+k+"="+v)
	}
	if pat && text {
		return nil, "", errors.New("give pattern= or rle=, not both")
	}
	return args, rle, nil
}

// EmptyStart returns the start of a page whose address is wrong: an empty
// board of DefaultSize on the unbounded plane, B3/S23, goroutine engine.
func EmptyStart() *setup.Start {
	size := DefaultSize()
	g, err := life.NewGrid(size.W, size.H)
	if err != nil {
		panic(err) // DefaultSize is small
	}
	return &setup.Start{
		Grid:    g,
		Name:    "empty",
		Options: sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Goroutine, Origin: Origin(size.W, size.H)},
	}
}
