package picture_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"colife/render/picture"
)

func TestName(t *testing.T) {
	tests := []struct {
		pattern string
		gen     int
		want    string
	}{
		{"gosper", 120, "gosper-gen120"},
		{"Gosper glider gun", 0, "gosper-glider-gun-gen0"},
		{"random", 7, "random-gen7"},
		{"testdata/item40.cells", 3, "item40-gen3"},
		{"patterns/Gun.MC.gz", 40, "gun-gen40"},
		{"-", 1, "colife-gen1"},
		{"", 1, "colife-gen1"},
		{"  R-pentomino!! ", 1103, "r-pentomino-gen1103"},
		{"../../etc/passwd", 1, "passwd-gen1"},
		{"Kok's galaxy (p8)", 8, "kok-s-galaxy-p8-gen8"},
		{"v1.2 ship", 2, "v1.2-ship-gen2"},
		{"..hidden", 1, "hidden-gen1"},
		{"a very long name that goes on and on and on and on and on", 5, "a-very-long-name-that-goes-on-and-on-and-gen5"},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			assert.Equal(t, tt.want, picture.Name(tt.pattern, tt.gen))
		})
	}
}
