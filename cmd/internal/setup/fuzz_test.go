package setup_test

import (
	"testing"

	"colife/cmd/internal/setup"
	"colife/life"
)

// FuzzParseSize checks that any text gives either an error or a size that may
// be made, and that a size's String reads back as the same size.
func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"80x40", "9X5", "0x5", "10", "x5", "5x", "-1x2", "99999999999999999999x5", "40000x40000", " 3x 4", "1x1x1", "+3x4", "0x0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		size, err := setup.ParseSize(s)
		if err != nil {
			if size != (setup.Size{}) {
				t.Errorf("ParseSize(%q) = %v with error %v", s, size, err)
			}
			return
		}
		if err := life.CheckSize(size.W, size.H); err != nil {
			t.Errorf("ParseSize(%q) = %v, which cannot be made: %v", s, size, err)
		}
		again, err := setup.ParseSize(size.String())
		if err != nil || again != size {
			t.Errorf("ParseSize(%q) = %v, whose String %q reads back as %v, %v", s, size, size.String(), again, err)
		}
	})
}

// FuzzParseDensity checks that a density read is in (0, 1].
func FuzzParseDensity(f *testing.F) {
	for _, s := range []string{"0.3", "1", "0", "-0", "1.0000001", "NaN", "Inf", "1e-300", "0x1p-2", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := setup.ParseDensity(s)
		if err == nil && !(d > 0 && d <= 1) {
			t.Errorf("ParseDensity(%q) = %v, outside (0, 1]", s, d)
		}
	})
}
