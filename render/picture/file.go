package picture

import (
	"fmt"
	"io"

	"colife/render/output"
)

// writeFile writes the file path atomically with output.WriteFile; the
// error names path and says what went wrong.
func writeFile(path string, encode func(io.Writer) error) error {
	if err := output.WriteFile(path, encode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
