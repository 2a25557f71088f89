package pattern

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"colife/life"
)

// MaxInput is the largest file Read accepts, in bytes.
const MaxInput = 64 << 20

// format is a file format Read knows.
type format int

const (
	unknownFormat format = iota
	rleFormat
	cellsFormat
	life106Format
	macrocellFormat
)

// Read reads a pattern in RLE, plaintext, Life 1.06 or macrocell format,
// telling them apart by the first line that is not blank: "#Life 1.06", or
// '#' or "x =" for RLE, '!' for plaintext, '[' ("[M2]") for macrocell. When
// that line does not say, the extension of name decides (.rle, .cells, .lif
// or .life, .mc, which also claims a first line of '#'), and failing that a
// line that looks like an RLE body, a plaintext row or a Life 1.06 cell.
// Any of them may be compressed with gzip, as Golly's ".mc.gz" and ".rle.gz"
// files are: the data's first bytes say so, and the extension that decides
// is the one before ".gz".
// name is used in errors and warnings, as in "gun.rle:4:17: unexpected 'z'
// in RLE body". Every error about the content is a *ParseError; an error
// from r is returned wrapped, after the name.
//
// A macrocell file is expanded into its list of cells (Macrocell.Pattern),
// placed (Position); one with more than MaxLive live cells, or a box larger
// than MaxSide, is refused with an error that says so and names -engine
// hashlife: ReadMacrocell reads it as it is.
func Read(r io.Reader, name string) (*Pattern, error) {
	ls, err := readLines(r, name)
	if err != nil {
		return nil, err
	}
	if detect(ls, name) == macrocellFormat {
		m, err := readMacrocell(name, ls)
		if err != nil {
			return nil, err
		}
		p, err := m.expand("the pattern")
		if err != nil {
			return nil, &ParseError{File: name, Msg: err.Error(), Err: life.ErrSize}
		}
		return p, nil
	}
	return readPattern(name, ls)
}

// readLines reads at most MaxInput bytes from r and splits them into lines.
// Data that starts as gzip does (Golly's ".mc.gz", ".rle.gz") is
// decompressed first, to at most MaxInput bytes.
func readLines(r io.Reader, name string) (lines, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxInput+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxInput {
		return nil, &ParseError{File: name, Msg: fmt.Sprintf("larger than %d MiB; not a pattern file", MaxInput>>20)}
	}
	if bytes.HasPrefix(data, gzipMagic) {
		if data, err = gunzip(name, data); err != nil {
			return nil, err
		}
	}
	return splitLines(name, data)
}

// gzipMagic is how gzip data starts (RFC 1952).
var gzipMagic = []byte{0x1f, 0x8b}

// gunzip decompresses data, a whole gzip file, to at most MaxInput bytes:
// its members one after another, and then nothing or zero bytes (a tape's
// padding, which gzip -d ignores too).
func gunzip(name string, data []byte) ([]byte, error) {
	r := bytes.NewReader(data)
	var out bytes.Buffer
	zr, err := gzip.NewReader(r)
	for err == nil {
		zr.Multistream(false)
		_, err = io.Copy(&out, io.LimitReader(zr, int64(MaxInput+1-out.Len())))
		rest := data[len(data)-r.Len():]
		if err != nil || out.Len() > MaxInput || len(bytes.Trim(rest, "\x00")) == 0 {
			break
		}
		err = zr.Reset(r)
	}
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return nil, &ParseError{File: name, Msg: "gzip data cut short: the file is truncated", Err: err}
	case err != nil:
		return nil, &ParseError{File: name, Msg: "corrupt gzip data (" + strings.TrimPrefix(err.Error(), "gzip: ") + ")", Err: err}
	case out.Len() > MaxInput:
		return nil, &ParseError{File: name, Msg: fmt.Sprintf("larger than %d MiB uncompressed; not a pattern file", MaxInput>>20)}
	}
	return out.Bytes(), nil
}

// readPattern reads a file in a format other than macrocell, which detect
// tells.
func readPattern(name string, ls lines) (*Pattern, error) {
	switch detect(ls, name) {
	case rleFormat:
		return readRLE(name, ls)
	case cellsFormat:
		return readCells(name, ls)
	case life106Format:
		return readLife106(name, ls)
	}
	first := ls.firstText()
	if first < 0 {
		return nil, &ParseError{File: name, Msg: "empty: want an RLE, plaintext (.cells), Life 1.06 or macrocell (.mc) pattern"}
	}
	l := ls[first]
	if s := strings.TrimSpace(l.text); strings.HasPrefix(strings.ToLower(s), "#life") {
		return nil, &ParseError{File: name, Line: l.n, Col: 1, Msg: fmt.Sprintf("unsupported format %q: want #Life 1.06, RLE, plaintext (.cells) or macrocell (.mc)", s)}
	}
	return nil, &ParseError{File: name, Line: l.n, Col: 1, Msg: "unknown format: want an RLE header \"x = m, y = n\", a plaintext row of '.' and 'O', \"#Life 1.06\" or \"[M2]\""}
}

// line is one line of a file without its line ending, and its 1-based number.
type line struct {
	n    int
	text string
}

// lines are the lines of a file.
type lines []line

// splitLines splits data at "\n", dropping a "\r" before it (CRLF) and a UTF-8
// byte order mark at the start. Control characters other than tab, and NUL in
// particular, mean the file is binary.
func splitLines(name string, data []byte) (lines, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	text := string(data)
	var ls lines
	for n := 1; len(text) > 0; n++ {
		s, rest, _ := strings.Cut(text, "\n")
		text = rest
		s = strings.TrimSuffix(s, "\r")
		for i := 0; i < len(s); i++ {
			if c := s[i]; (c < ' ' && c != '\t') || c == 0x7f {
				return nil, &ParseError{File: name, Line: n, Col: i + 1, Msg: fmt.Sprintf("binary data (byte 0x%02x); not a pattern file", c)}
			}
		}
		ls = append(ls, line{n: n, text: s})
	}
	return ls, nil
}

// firstText returns the index of the first line that is not blank, or -1.
func (ls lines) firstText() int {
	for i, l := range ls {
		if strings.TrimSpace(l.text) != "" {
			return i
		}
	}
	return -1
}

// detect tells the format from the first line that is not blank, and from the
// extension of name when that line does not say.
func detect(ls lines, name string) format {
	i := ls.firstText()
	if i < 0 {
		return unknownFormat
	}
	s := strings.TrimSpace(ls[i].text)
	lower := strings.ToLower(s)
	ext, _ := Ext(name)
	switch {
	case strings.HasPrefix(lower, "#life 1.06"):
		return life106Format
	case strings.HasPrefix(lower, "#life"):
		return unknownFormat
	case s[0] == '[', s[0] == '#' && ext == ".mc":
		return macrocellFormat
	case s[0] == '#', s[0] == 'x', s[0] == 'X':
		return rleFormat
	case s[0] == '!':
		return cellsFormat
	}
	switch ext {
	case ".rle":
		return rleFormat
	case ".cells":
		return cellsFormat
	case ".lif", ".life":
		return life106Format
	case ".mc":
		return macrocellFormat
	}
	// The content only hints: let the reader say what is wrong with it.
	if f := strings.Fields(s); len(f) == 2 && isInteger(f[0]) && isInteger(f[1]) {
		return life106Format // without its header
	}
	switch {
	case strings.IndexByte(".O*", s[0]) >= 0:
		return cellsFormat
	case strings.IndexByte("0123456789bo$", s[0]) >= 0:
		return rleFormat // without its header
	}
	return unknownFormat
}

// Ext returns the extension of a pattern file's name in lower case, the
// one before a ".gz" that ends it, and whether one did: ".mc" and true for
// "Gun.MC.gz". Read decompresses by the data, not the name; a writer may
// compress by it.
func Ext(name string) (ext string, gzipped bool) {
	name = strings.ToLower(name)
	if ext := filepath.Ext(name); ext == ".gz" {
		name, gzipped = strings.TrimSuffix(name, ext), true
	}
	return filepath.Ext(name), gzipped
}

// quoteByte quotes the character that starts s for an error message, as
// 'z', or as the byte if s does not start with valid UTF-8.
func quoteByte(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && size <= 1 {
		return fmt.Sprintf("byte 0x%02x", s[0])
	}
	return fmt.Sprintf("%q", r)
}

// Load loads a pattern from spec: "-" reads stdin, the name of an existing
// file reads that file, and anything else is looked up, in any case, among the
// built-in patterns. An unknown name is an error wrapping ErrUnknown that says
// how to list the built-in names. Where the system has no files to look at
// (a browser's WebAssembly, whose every file call fails as unsupported), a
// name is a built-in pattern's.
func Load(spec string, stdin io.Reader) (*Pattern, error) {
	var p *Pattern
	builtin, err := load(spec, stdin, func(r io.Reader, name string) (err error) {
		p, err = Read(r, name)
		return err
	})
	if builtin != nil {
		return builtin, nil
	}
	return p, err
}

// LoadTree loads a pattern from spec as Load does, and keeps a macrocell
// file's tree: for a macrocell file it returns the Macrocell, as it is, and
// the Pattern of its cells if they can be expanded (else nil, and the error
// Read gives as expandErr); for any other format, or a built-in pattern, the
// Pattern alone. A caller that can run the tree itself (HashLife) takes m;
// the others take p.
func LoadTree(spec string, stdin io.Reader) (p *Pattern, m *Macrocell, expandErr, err error) {
	builtin, err := load(spec, stdin, func(r io.Reader, name string) error {
		ls, err := readLines(r, name)
		if err != nil {
			return err
		}
		if detect(ls, name) != macrocellFormat {
			p, err = readPattern(name, ls)
			return err
		}
		if m, err = readMacrocell(name, ls); err != nil {
			return err
		}
		if p, expandErr = m.expand("the pattern"); expandErr != nil {
			expandErr = &ParseError{File: name, Msg: expandErr.Error(), Err: life.ErrSize}
		}
		return nil
	})
	if builtin != nil {
		return builtin, nil, nil, nil
	}
	return p, m, expandErr, err
}

// load calls read with stdin for "-" or with the file spec names, and
// returns its error; or, when there is no such file, returns the built-in
// pattern of that name.
func load(spec string, stdin io.Reader, read func(r io.Reader, name string) error) (*Pattern, error) {
	if spec == "-" {
		return nil, read(stdin, "stdin")
	}
	if fi, err := os.Stat(spec); err == nil {
		if fi.IsDir() {
			return nil, fmt.Errorf("pattern %q is a directory, not a pattern file", spec)
		}
		f, err := os.Open(spec)
		if err != nil {
			return nil, fmt.Errorf("pattern: %w", err)
		}
		defer f.Close()
		return nil, read(f, spec)
	} else if !errors.Is(err, os.ErrNotExist) && !errors.Is(err, errors.ErrUnsupported) {
		return nil, fmt.Errorf("pattern: %w", err)
	}
	p, err := Builtin(spec)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w: no such file, and no built-in pattern of that name (-list shows them)", spec, ErrUnknown)
	}
	return p, nil
}
