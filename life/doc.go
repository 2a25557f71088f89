// Package life is the Game of Life of "Effective Python" (Item 40) with every
// cell a goroutine.
//
// The protocol is described in full, with its diagram, once the engine is
// complete.
package life
