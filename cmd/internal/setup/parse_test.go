package setup_test

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"colife/cmd/internal/setup"
)

func TestParse(t *testing.T) {
	newFS := func() *flag.FlagSet {
		fs := flag.NewFlagSet("prog", flag.ContinueOnError)
		fs.Int("n", 0, "a number")
		return fs
	}
	var out strings.Builder
	usage := func(fs *flag.FlagSet) { fmt.Fprintln(fs.Output(), "usage of prog") }

	assert.NoError(t, setup.Parse(newFS(), []string{"-n", "3"}, &out, usage))
	assert.EqualError(t, setup.Parse(newFS(), []string{"-n", "3", "extra"}, &out, usage), `unexpected argument "extra"; flags start with -`)
	assert.EqualError(t, setup.Parse(newFS(), []string{"-m"}, &out, usage), "flag provided but not defined: -m")
	assert.Empty(t, out.String(), "the flag package printed something")
	assert.ErrorIs(t, setup.Parse(newFS(), []string{"-h"}, &out, usage), flag.ErrHelp)
	assert.Equal(t, "usage of prog\n", out.String())
}
