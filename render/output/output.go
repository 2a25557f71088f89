// Package output writes the files the programs make (patterns, PNGs, GIFs,
// screenshots) so that a failed run never leaves a truncated file behind.
//
// A file is written to a temporary file beside it, named
// ".NAME.PID-RANDOM.tmp" after the file and the writing process, and renamed
// over it once complete. A process killed outright (SIGKILL) leaves its
// temporary file behind; the next write of the same file removes those whose
// process no longer runs.
package output

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
func WriteFile(name string, write func(io.Writer) error) error {
	return WriteFileContext(context.Background(), name, write)
}

// WriteFileContext is WriteFile, stopped when ctx is done: a write to the
// file after that fails, and a file written in full is not renamed over name
// if ctx is done by then. Either way the temporary file is removed, name is
// left as it was, and the error is ctx's.
func WriteFileContext(ctx context.Context, name string, write func(io.Writer) error) (err error) {
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
	removeStale(dir, base)
	f, err := os.CreateTemp(dir, tempPrefix(base)+strconv.Itoa(os.Getpid())+"-*"+tempSuffix)
	if err != nil {
		return bare(err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	w := bufio.NewWriter(ctxWriter{ctx, f})
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
	if err := ctx.Err(); err != nil {
		return err
	}
	return bare(os.Rename(f.Name(), name))
}

// ctxWriter writes to w until ctx is done, and then fails with ctx's error.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// The temporary file of NAME is tempPrefix(NAME) + "PID-RANDOM" + tempSuffix.
const tempSuffix = ".tmp"

func tempPrefix(base string) string { return "." + base + "." }

// removeStale removes the temporary files of base in dir left by processes
// that no longer run. Files of running processes, and names of another form,
// are left alone; so is any error, which the write itself will meet if it
// matters.
func removeStale(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := tempPrefix(base)
	for _, e := range entries {
		pid, ok := tempPID(e.Name(), prefix)
		if ok && e.Type().IsRegular() && !running(pid) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// tempPID returns the process id in a temporary file's name of the form
// prefix + "PID-RANDOM" + tempSuffix, reporting whether it has that form.
func tempPID(name, prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return 0, false
	}
	rest, ok = strings.CutSuffix(rest, tempSuffix)
	if !ok {
		return 0, false
	}
	pidText, random, ok := strings.Cut(rest, "-")
	if !ok || random == "" || strings.Trim(random, "0123456789") != "" {
		return 0, false
	}
	pid, err := strconv.Atoi(pidText)
	if err != nil || pid <= 0 {
		return 0, false
	}
	return pid, true
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

// Gzip returns a write that writes what write writes compressed with gzip,
// for a file whose name ends in ".gz".
func Gzip(write func(io.Writer) error) func(io.Writer) error {
	return func(w io.Writer) error {
		zw := gzip.NewWriter(w)
		if err := write(zw); err != nil {
			return err
		}
		return zw.Close()
	}
}
