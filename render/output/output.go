// Package output writes the files the programs make (patterns, PNGs, GIFs,
// screenshots) so that a failed run never leaves a truncated file behind.
package output

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes the file name through write, replacing any file of that
// name only once the new one is complete: write fills a temporary file in the
// same directory, which is synced and renamed over name. On any failure the
// temporary file is removed and an existing file is left as it was. A
// replaced file keeps its permissions; a new one gets 0644. A symbolic link
// is followed: the file it points to is replaced and the link kept.
//
// The error does not name the file (the temporary one would only confuse):
// the caller says which file it was writing.
func WriteFile(name string, write func(io.Writer) error) (err error) {
	if target, err := filepath.EvalSymlinks(name); err == nil {
		name = target // replace what a link points to, not the link
	}
	dir, base := filepath.Split(name)
	perm := fs.FileMode(0o644)
	switch info, err := os.Stat(name); {
	case base == "" || err == nil && info.IsDir():
		return errors.New("is a directory; want a file name")
	case err == nil && !info.Mode().IsRegular():
		return errors.New("not a regular file")
	case err == nil:
		perm = info.Mode().Perm()
	}
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return bare(err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		return bare(err)
	}
	if err := w.Flush(); err != nil {
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
// name the temporary file.
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
