package life_test

import (
	"context"
	"fmt"

	"colife/life"
)

// The book's Item 40 run: a glider on a 9×5 torus, every cell a goroutine
// (the dense engine; the goroutine engine would run only the cells near the
// glider).
func Example() {
	g, _ := life.ParseGrid(
		"---*-----",
		"----*----",
		"--***----",
		"---------",
		"---------",
	)
	sim, err := life.NewSimulation(context.Background(), g, life.Options{Rule: life.Conway, Engine: life.Dense})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer sim.Close()
	if err := sim.Run(context.Background(), 4); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("generation %d, population %d, %d cell goroutines\n", sim.Generation(), sim.Grid().Population(), sim.Goroutines()-1)
	fmt.Print(sim.Grid())
	// Output:
	// generation 4, population 5, 45 cell goroutines
	// ---------
	// ----*----
	// -----*---
	// ---***---
	// ---------
}

func ExampleParseRule() {
	for _, s := range []string{"b36/s23", "S23/B3", "seeds", "B9/S23"} {
		r, err := life.ParseRule(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(r, r.Name())
	}
	// Output:
	// B36/S23 highlife
	// B3/S23 life
	// B2/S seeds
	// rule "B9/S23": unexpected '9' in "9"; neighbour counts are digits 0 to 8
}

// A blinker on a bounded plane, run in line by the direct engine.
func ExampleSimulation_Step() {
	g, _ := life.ParseGrid(".....", ".OOO.", ".....")
	sim, _ := life.NewSimulation(context.Background(), g, life.Options{
		Rule:     life.Conway,
		Topology: life.Plane,
		Engine:   life.Direct,
	})
	defer sim.Close()
	for range 2 {
		sim.Step()
		fmt.Print(sim.Grid(), "\n")
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
