//go:build race

package e2e_test

// raceEnabled is true when the tests run with -race: the window under test is
// then built with -race too.
const raceEnabled = true
