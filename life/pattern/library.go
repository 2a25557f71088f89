package pattern

import (
	"bytes"
	"embed"
	"fmt"
	"path"
	"slices"
	"strings"
)

// library holds the built-in patterns, one RLE file each, named after the
// pattern: "#N" is the file's name, the first "#C" line its description.
//
//go:embed library/*.rle
var library embed.FS

// aliases are other names for some built-in patterns, in normal form (see
// normalName).
var aliases = map[string]string{
	"gosperglidergun":       "gosper",
	"gospergun":             "gosper",
	"gun":                   "gosper",
	"simkinglidergun":       "simkin",
	"simkingun":             "simkin",
	"highlifereplicator":    "replicator",
	"figure8":               "figure-eight",
	"kok":                   "koks-galaxy",
	"koksgalaxy":            "koks-galaxy",
	"lightweightspaceship":  "lwss",
	"middleweightspaceship": "mwss",
	"heavyweightspaceship":  "hwss",
}

// normalName folds a name to lower case without spaces, '-', '_' or '\”.
func normalName(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_', '\'':
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// Builtin returns a new copy of the built-in pattern called name, in any case
// and with or without '-' ("gosper", "R-pentomino", "rpentomino"), or an error
// wrapping ErrUnknown.
func Builtin(name string) (*Pattern, error) {
	want := normalName(name)
	if a, ok := aliases[want]; ok {
		want = normalName(a)
	}
	files, err := library.ReadDir("library")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		key := strings.TrimSuffix(f.Name(), ".rle")
		if normalName(key) == want {
			return loadBuiltin(key)
		}
	}
	return nil, fmt.Errorf("built-in pattern %q: %w (-list shows the names)", name, ErrUnknown)
}

// loadBuiltin reads library/key.rle.
func loadBuiltin(key string) (*Pattern, error) {
	file := path.Join("library", key+".rle")
	data, err := library.ReadFile(file)
	if err != nil {
		return nil, err
	}
	p, err := Read(bytes.NewReader(data), file)
	if err != nil {
		return nil, err
	}
	p.Name = key
	if len(p.Comments) > 0 {
		p.Description = p.Comments[0]
	}
	return p, nil
}

// Library returns every built-in pattern, sorted by name.
func Library() []*Pattern {
	files, _ := library.ReadDir("library") // embedded: cannot fail
	var out []*Pattern
	for _, f := range files {
		p, err := loadBuiltin(strings.TrimSuffix(f.Name(), ".rle"))
		if err != nil {
			panic(err) // a bad file in library/, which the tests catch
		}
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *Pattern) int { return strings.Compare(a.Name, b.Name) })
	return out
}
