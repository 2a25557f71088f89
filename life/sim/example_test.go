package sim_test

import (
	"context"
	"fmt"

	"colife/life"
	"colife/life/sim"
)

// A blinker on a bounded plane, run in line by the direct engine.
func ExampleSimulation_Step() {
	g, _ := life.ParseGrid(".....", ".OOO.", ".....")
	s, _ := sim.New(context.Background(), g, sim.Options{
		Rule:     life.Conway,
		Topology: life.Plane,
		Engine:   sim.Direct,
	})
	defer s.Close()
	for range 2 {
		s.Step()
		fmt.Print(s.Grid(), "\n")
	}
	// Output:
	// --*--
	// --*--
	// --*--
	//
	// -----
	// -***-
	// -----
}
