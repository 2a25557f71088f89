package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// FreeName returns dir/base+ext, or dir/base-2+ext, -3... the first that does
// not exist yet, for a new file that replaces none.
func FreeName(dir, base, ext string) (string, error) {
	for i := 1; i < 10000; i++ {
		name := base + ext
		if i > 1 {
			name = fmt.Sprintf("%s-%d%s", base, i, ext)
		}
		path := filepath.Join(dir, name)
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			return path, nil
		} else if err != nil {
			return "", err
		}
	}
	return "", fmt.Errorf("%s%s and 9,998 more exist already", filepath.Join(dir, base), ext)
}

// Folder is a directory to save new files in: each Save writes a file that
// replaces none (FreeName), atomically (WriteFile).
type Folder string

// Save writes a new file named base+ext in the folder, or base-2+ext, -3...
// if that exists, with what write writes, and returns its absolute path (its
// path in the folder if that cannot be made absolute). On failure it returns
// the path it tried, "" if it found none free, and the error, which does not
// name the file.
func (d Folder) Save(base, ext string, write func(io.Writer) error) (string, error) {
	path, err := FreeName(string(d), base, ext)
	if err == nil {
		err = WriteFile(path, write)
	}
	if err != nil {
		return path, err
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return path, nil
}
