package picture

import (
	"fmt"
	"path/filepath"
	"strings"
)

// maxNameLen is the longest a pattern's name gets in a file name.
const maxNameLen = 40

// Name returns the start of a file name for a picture of generation gen of
// the named pattern, "<pattern>-gen<N>", such as "gosper-gen120": the name in
// lower case letters, digits, '.' and '_', each run of anything else one '-',
// at most 40 characters; "colife" if nothing is left. A file's path is cut to
// its base name without the extension (both of "gun.mc.gz") first.
func Name(pattern string, gen int) string {
	if ext := filepath.Ext(pattern); strings.EqualFold(ext, ".gz") {
		pattern = strings.TrimSuffix(pattern, ext)
	}
	if ext := filepath.Ext(pattern); ext != "" && !strings.Contains(ext, " ") {
		if stem := strings.TrimSuffix(pattern, ext); strings.Trim(filepath.Base(stem), ".") != "" {
			pattern = stem
		}
	}
	pattern = filepath.Base(pattern)
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(pattern) {
		if b.Len() >= maxNameLen {
			break
		}
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_', c == '.' && b.Len() > 0:
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
		default:
			dash = true
		}
	}
	base := strings.TrimRight(b.String(), ".")
	if base == "" {
		base = "colife"
	}
	return fmt.Sprintf("%s-gen%d", base, gen)
}
