package text_test

import (
	"os"

	"colife/life"
	"colife/render/text"
)

func ExampleWriteGeneration() {
	g, _ := life.ParseGrid(".O.", "..O", "OOO")
	text.WriteGeneration(os.Stdout, 0, g)
	// Output:
	// generation 0  population 5
	// -*-
	// --*
	// ***
}
