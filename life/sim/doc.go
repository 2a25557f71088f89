// Package sim runs a Game of Life: a Simulation holds a board under a rule
// and a topology and steps it with the engine its Options name, the one
// thing renderers, exporters and programs need.
//
// The engines are life/cells' (Goroutine: a goroutine for each cell that
// can change, speaking over channels; Coroutine: the same cells as iter.Pull
// coroutines; Generator: one iter.Pull coroutine a shard running them all; Dense and DenseCoroutine: every cell, over channels or as
// coroutines), and life/direct's
// (Direct: 64 cells a word), with cells.Sweep for the rules the bit boards
// cannot run. Generations advance in lockstep and the result is
// deterministic: every engine gives the same board, generation by
// generation, which the tests here check on random soups of every rule
// family and topology.
package sim
