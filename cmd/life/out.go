package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"colife/cmd/internal/setup"
	"colife/life"
	"colife/life/pattern"
)

// writeOut writes the simulation's current grid, whole, to name (stdout for
// "-") as a pattern whose box is the grid, so that it reads back in place.
func writeOut(name string, format outFormat, start *setup.Start, sim *life.Simulation, stdout io.Writer) error {
	p := pattern.FromGrid(sim.Grid(), fmt.Sprintf("%s, generation %d", start.Name, sim.Generation()), sim.Options().Rule)
	write := pattern.WriteRLE
	if format == formatCells {
		write = pattern.WriteCells
	}
	if name == "-" {
		return write(stdout, p)
	}
	if err := writeFile(name, func(w io.Writer) error { return write(w, p) }); err != nil {
		return fmt.Errorf("-out %s: %w", name, err)
	}
	return nil
}

// writeFile writes a new file called name, replacing any file of that name
// only once the new one is complete: it writes a temporary file in the same
// directory and renames it. On error the temporary file is removed and an
// existing file is left as it was. A replaced file keeps its permissions.
func writeFile(name string, write func(io.Writer) error) (err error) {
	perm := fs.FileMode(0o644)
	if fi, err := os.Stat(name); err == nil {
		if !fi.Mode().IsRegular() {
			return errors.New("not a regular file")
		}
		perm = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return bare(err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		return bare(err)
	}
	if err := bw.Flush(); err != nil {
		return bare(err)
	}
	if err := f.Chmod(perm); err != nil {
		return bare(err)
	}
	if err := f.Sync(); err != nil {
		return bare(err)
	}
	if err := f.Close(); err != nil {
		return bare(err)
	}
	return bare(os.Rename(f.Name(), name))
}

// bare drops the path from an *fs.PathError or *os.LinkError, which would
// name the temporary file; the caller names the real one.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
