package setup_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/cmd/internal/setup"
	"colife/life/pattern"
)

func TestWriteList(t *testing.T) {
	var b strings.Builder
	require.NoError(t, setup.WriteList(&b))
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	require.Len(t, lines, 1+len(pattern.Library()))
	assert.Regexp(t, `^NAME +SIZE +RULE +DESCRIPTION$`, lines[0])
	assert.Contains(t, b.String(), "\ngosper ")
	assert.Regexp(t, `\nreplicator +5x5 +B36/S23 +HighLife replicator`, b.String())
	assert.Regexp(t, `\nglider +3x3 +B3/S23 +Glider`, b.String())
	// The patterns of the other rule families, with their rules.
	assert.Regexp(t, `\nbrians-brain +16x16 +B2/S/C3 +Brian's Brain: `, b.String())
	assert.Regexp(t, `\nstar-wars-soup +8x8 +B2/S345/C4 +Star Wars soup: `, b.String())
	assert.Regexp(t, `\nxq4_27 +2x3 +B3/S23-a5 +xq4_27: `, b.String())
	assert.Regexp(t, `\nhensel-p6 +5x3 +B2-a/S12 +Hensel p6: `, b.String())
}
