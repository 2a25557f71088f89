//go:build race

package pattern_test

// raceEnabled is true when the tests run with -race.
const raceEnabled = true
