package setup_test

import (
	"flag"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/cmd/internal/setup"
)

func TestSpeed(t *testing.T) {
	tests := []struct {
		in      string
		want    float64
		wantErr string
	}{
		{in: "30", want: 30},
		{in: " 0.125 ", want: 0.125},
		{in: "16384", want: 16384},
		{in: "0.1", wantErr: `invalid value "0.1" for flag -speed: want from 0.125 to 16384 generations per second`},
		{in: "20000", wantErr: `invalid value "20000" for flag -speed: want from 0.125 to 16384 generations per second`},
		{in: "fast", wantErr: `invalid value "fast" for flag -speed: want a number of generations per second, such as 30`},
		{in: "NaN", wantErr: `invalid value "NaN" for flag -speed: want a number of generations per second, such as 30`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			speed := 10.0
			setup.RegisterSpeed(fs, &speed, "in -watch")
			err := fs.Parse([]string{"-speed", tt.in})
			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				assert.Equal(t, 10.0, speed, "unchanged")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, speed)
		})
	}
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	speed := 10.0
	setup.RegisterSpeed(fs, &speed, "in -watch")
	assert.Equal(t, "in -watch, target speed in generations per second, `G` from 0.125 to 16384 (default 10); + and - double and halve it", fs.Lookup("speed").Usage)
}
