package setup_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/cmd/internal/setup"
)

func TestParseCount(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
	}{
		{"0", 0}, {"1000", 1000}, {" 42 ", 42}, {"2^40", 1 << 40}, {"2^0", 1}, {"10^6", 1000000},
		{"2^62", 1 << 62}, {"9223372036854775807", 1<<63 - 1}, {"10^18", 1000000000000000000},
	} {
		t.Run(tt.in, func(t *testing.T) {
			n, err := setup.ParseCount(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, n)
		})
	}
	for _, tt := range []struct{ in, err string }{
		{"", "want a whole number"},
		{"x", "want a whole number"},
		{"-3", "want 0 or more"},
		{"1.5", "want a whole number"},
		{"+5", "want a whole number"},
		{"3^4", "want a whole number"},
		{"2^-1", "want a whole number"},
		{"2^63", "more than 2^63-1"},
		{"2^1000000", "more than 2^63-1"},
		{"10^19", "more than 2^63-1"},
		{"99999999999999999999", "more than 2^63-1"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			_, err := setup.ParseCount(tt.in)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
}
