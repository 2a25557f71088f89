package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"colife/life"
	"colife/life/cells"
)

// TestCheckMemory refuses a goroutine engine bigger than the machine.
func TestCheckMemory(t *testing.T) {
	if life.DefaultBudget() == 0 {
		t.Skip("this system does not say how much memory it has")
	}
	assert.NoError(t, checkMemory(100, 100, cells.BytesPerCell, "x", 0))
	assert.ErrorIs(t, checkMemory(1<<15, 1<<15, cells.BytesPerCell, "x", 0), life.ErrSize)
}
