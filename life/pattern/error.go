package pattern

import (
	"errors"
	"fmt"
)

// ErrUnknown is returned, wrapped, by Builtin and Load for a name that is
// neither a file nor a built-in pattern.
var ErrUnknown = errors.New("unknown pattern")

// ParseError is a malformed pattern file: where, and what is wrong. Its
// Error method gives "file:line:col: msg", leaving out the column, or the line
// and column, when they are 0.
type ParseError struct {
	File      string // the name given to Read
	Line, Col int    // 1-based; 0 when they do not apply
	Msg       string // what is wrong, and what was expected
	Err       error  // the cause, if any, such as life.ErrSize; may be nil
}

// Error returns "file:line:col: msg".
func (e *ParseError) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Unwrap returns the cause, so that errors.Is(err, life.ErrSize) holds for
// sizes that are too large.
func (e *ParseError) Unwrap() error { return e.Err }
