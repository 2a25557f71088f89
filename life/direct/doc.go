// Package direct computes what the cell program computes, 64 cells at a
// time: the board packed into machine words, a cell's live neighbours
// counted by bitwise adders, the rule a boolean function of the count's
// bits; the fast path. The tests check it against the cell program, cell
// for cell.
//
//   - Board, on a torus or plane: the rows shared out among GOMAXPROCS
//     goroutines (a crew), any totalistic rule, a Generations rule's dying
//     cells keeping their ages in bit planes of their own (bitboard.go).
//   - Tiles, on an unbounded plane: the live 64x64 tiles of a
//     life.Universe, two-state totalistic rules; a tile none of whose
//     neighbours changed is copied, not stepped (tiled.go).
//
// Runs says which rules and topologies it covers; for the others the
// direct engine runs the cell program in line (cells.Sweep).
package direct
