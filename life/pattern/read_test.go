package pattern_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
)

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		in   string
		want string
		size bool // the error wraps life.ErrSize
	}{
		// Any format.
		{"empty", "e.rle", "", "e.rle: empty: want an RLE, plaintext (.cells), Life 1.06 or macrocell (.mc) pattern", false},
		{"blank lines only", "e.rle", "\n  \r\n\t\n", "e.rle: empty: want an RLE, plaintext (.cells), Life 1.06 or macrocell (.mc) pattern", false},
		{"binary garbage", "g.rle", "\x00\x01\x02PNG", "g.rle:1:1: binary data (byte 0x00); not a pattern file", false},
		{"a PNG file", "g.png", "\x89PNG\r\n\x1a\n\x00\x00", "g.png:2:1: binary data (byte 0x1a); not a pattern file", false},
		{"unknown format", "g.txt", "hello world\n", `g.txt:1:1: unknown format: want an RLE header "x = m, y = n", a plaintext row of '.' and 'O', "#Life 1.06" or "[M2]"`, false},
		{"Life 1.05", "g.lif", "#Life 1.05\n#P 0 0\n**\n", `g.lif:1:1: unsupported format "#Life 1.05": want #Life 1.06, RLE, plaintext (.cells) or macrocell (.mc)`, false},

		// RLE header.
		{"missing header", "g.rle", "#N x\nbo$obo!", `g.rle:2:1: missing RLE header: want "x = width, y = height" before the body, found 'b'`, false},
		{"missing header, no body", "g.rle", "#C only comments\n", `g.rle:1: missing RLE header: want "x = width, y = height"`, false},
		{"missing header by extension", "g.rle", "ooo", `g.rle:1:1: missing RLE header: want "x = width, y = height" before the body, found 'o'`, false},
		{"header without comma", "g.rle", "x = 3 y = 3\n", `g.rle:1:7: RLE header: want ",", found 'y'; a header looks like "x = 3, y = 2, rule = B3/S23"`, false},
		{"header with z for y", "g.rle", "x = 3, z = 3\n", `g.rle:1:8: RLE header: want "y", found 'z'; a header looks like "x = 3, y = 2, rule = B3/S23"`, false},
		{"header cut short", "g.rle", "x = 3, y =\n", `g.rle:1:11: RLE header: missing height after "y ="`, false},
		{"header cut after x", "g.rle", "x = 3\n", `g.rle:1:6: RLE header: want ",", found the end of the line; a header looks like "x = 3, y = 2, rule = B3/S23"`, false},
		{"negative width", "g.rle", "x = -3, y = 3\n", "g.rle:1:5: RLE header: width -3 is negative; want 1 to 1048576", false},
		{"width not a number", "g.rle", "x = three, y = 3\n", `g.rle:1:5: RLE header: width "three" is not a number`, false},
		{"huge width", "g.rle", "x = 99999999999, y = 3\n", "g.rle:1:5: RLE header: width 99999999999 is too large; want 1 to 1048576", true},
		{"overflowing height", "g.rle", "x=3,y=99999999999999999999999\n", "g.rle:1:7: RLE header: height 99999999999999999999999 is too large; want 1 to 1048576", true},
		{"box too large", "g.rle", "x = 1048576, y = 1048576\n", "g.rle:1:1: RLE header: box 1048576x1048576 has more than 1073741824 cells", true},
		{"zero width", "g.rle", "x = 0, y = 0\n!", "g.rle:1:5: RLE header: width 0 is too small; want 1 to 1048576", false},
		{"bad rule", "g.rle", "x = 1, y = 1, rule = B9/S23\n", `g.rle:1:22: rule "B9/S23": unexpected '9' in "9"; neighbour counts are digits 0 to 8`, false},
		{"empty rule", "g.rle", "x = 1, y = 1, rule =\n", `g.rle:1:21: RLE header: missing rule after "rule ="`, false},
		{"misspelt rule", "g.rle", "x = 1, y = 1, rile = B3/S23\n", `g.rle:1:15: RLE header: want "rule", found 'r'; a header looks like "x = 3, y = 2, rule = B3/S23"`, false},
		{"bad #r rule", "g.rle", "#r 3/3/3/3\nx = 1, y = 1\n", `g.rle:1:4: rule "3/3/3/3": want two parts separated by '/', such as B3/S23, a third for a Generations rule, such as B2/S/C3, or a name such as life`, false},

		// RLE body.
		{"unknown state letter", "gun.rle", "#N Gosper glider gun\n#C test\nx = 36, y = 9, rule = B3/S23\n24bo$22bobo$12b2z\n", "gun.rle:4:17: unexpected 'z' in RLE body; want b, o, $ or !", false},
		{"dying state under Life", "g.rle", "x = 3, y = 1, rule = B3/S23\nAB!", "g.rle:2:2: state 2 (B) but rule B3/S23 has 2 states, 0 to 1", false},
		{"state beyond a Generations rule's", "g.rle", "#C Brian's Brain\nx = 4, y = 2, rule = B2/S/C3\n.AB$3.D!", "g.rle:3:7: state 4 (D) but rule B2/S/C3 has 3 states, 0 to 2", false},
		{"state beyond a #r rule's", "g.rle", "#r g3b2s\nx = 30, y = 1\n2A25.pB!", "g.rle:3:6: state 26 (pB) but rule B2/S/C3 has 3 states, 0 to 2", false},
		{"prefix without its letter", "g.rle", "x = 3, y = 1, rule = B2/S/C60\n.pa!", "g.rle:2:2: unexpected 'p' followed by 'a' in RLE body; a state from 25 up is a letter p to y and a letter A to X, up to yO (255)", false},
		{"prefix at the end of a line", "g.rle", "x = 3, y = 1, rule = B2/S/C60\n2.q\nA!", "g.rle:2:3: unexpected 'q' followed by the end of the line in RLE body; a state from 25 up is a letter p to y and a letter A to X, up to yO (255)", false},
		{"state 256", "g.rle", "x = 3, y = 1, rule = B2/S/C256\nyOyP!", "g.rle:2:3: unexpected 'y' followed by 'P' in RLE body; a state from 25 up is a letter p to y and a letter A to X, up to yO (255)", false},
		{"Y is no state", "g.rle", "x = 3, y = 1, rule = B2/S/C256\nY!", "g.rle:2:1: unexpected 'Y' in RLE body; want ., A to X, pA to yO (states 1 to 255), $ or !", false},
		{"bad bounded grid", "g.rle", "x = 3, y = 1, rule = B3/S23:K10,10\no!", `g.rle:1:22: rule "B3/S23:K10,10": bounded grid "K10,10": Klein bottles, cross-surfaces and spheres are not supported; want :T (a torus) or :P (a plane)`, false},
		{"not ASCII", "g.rle", "x = 3, y = 1\nbé!", "g.rle:2:2: unexpected 'é' in RLE body; want b, o, $ or !", false},
		{"not UTF-8", "g.rle", "x = 3, y = 1\nb\xff!", "g.rle:2:2: unexpected byte 0xff in RLE body; want b, o, $ or !", false},
		{"run count 0", "g.rle", "x = 3, y = 1\n0o!", "g.rle:2:1: run count 0: want a count from 1 to 1048576", false},
		{"huge run count", "g.rle", "x = 3, y = 1\nb99999999999o!", "g.rle:2:2: run count too large: want 1 to 1048576", true},
		{"run count before !", "g.rle", "x = 3, y = 1\n3!", "g.rle:2:2: run count 3 before '!': want b, o or $ after a count", false},
		{"run count at the end", "g.rle", "x = 3, y = 1\no\n3", "g.rle:3:1: run count 3 at the end of the input: want b, o or $ after a count", false},
		{"row too long", "g.rle", "x = 3, y = 1\n1048576bo!", "g.rle:2:9: row 1 is longer than 1048576 cells", false},
		{"too many rows", "g.rle", "x = 3, y = 1\n1048575$1048575$o!", "g.rle:2:16: more than 1048576 rows", false},
		{"cells beyond the header, too many", "g.rle", "x = 1, y = 1\n1048576o$1048574$o!", "g.rle:2: cells beyond the header's 1x1 make a 1048576x1048576 box, more than 1073741824 cells", true},

		// Plaintext.
		{"plaintext bad character", "g.cells", "!Name: x\n..X\n", "g.cells:2:3: unexpected 'X' in plaintext row; want '.' (dead) or 'O' (alive)", false},
		{"plaintext tab inside a row", "g.cells", "OO\nO\tO\n", `g.cells:2:2: unexpected '\t' in plaintext row; want '.' (dead) or 'O' (alive)`, false},
		{"plaintext lower-case o", "g", "..O\n.o.\n", "g:2:2: unexpected 'o' in plaintext row; want '.' (dead) or 'O' (alive)", false},
		{"plaintext without rows", "g.cells", "!Name: x\n!\n", "g.cells:2: no rows: want rows of '.' and 'O' after the '!' comments", false},
		{"plaintext bad rule", "g.cells", "!Rule: B3/S9\nO\n", `g.cells:1:8: rule "B3/S9": unexpected '9' in "9"; neighbour counts are digits 0 to 8`, false},

		// Life 1.06.
		{"Life 1.06 with one number", "g.lif", "#Life 1.06\n0 0\n5\n", `g.lif:3:2: want two numbers "x y", found one`, false},
		{"Life 1.06 not a number", "g.lif", "#Life 1.06\n5 x\n", `g.lif:2:3: want a number, found "x"`, false},
		{"Life 1.06 three numbers", "g.lif", "#Life 1.06\n1 2 3\n", `g.lif:2:5: unexpected '3' after "x y"; want one cell per line`, false},
		{"Life 1.06 huge coordinate", "g.lif", "#Life 1.06\n99999999999999999999 1\n", "g.lif:2:1: coordinate 99999999999999999999 is too far from the origin; want -1099511627776 to 1099511627776", true},
		{"Life 1.06 too wide", "g.lif", "#Life 1.06\n0 0\n2000000 0\n", "g.lif:3:1: cells span more than 1048576 columns or rows", true},
		{"Life 1.06 without cells", "g.lif", "#Life 1.06\n#D nothing\n", `g.lif:2: no cells: want one "x y" line per live cell`, false},
		{"Life 1.06 without its header", "g.lif", "0 0\n1 1\n", `g.lif:1:1: missing "#Life 1.06" header`, false},
		{"Life 1.06 lines without a name", "g", "0 0\n1 1\n", `g:1:1: missing "#Life 1.06" header`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := pattern.Read(strings.NewReader(tt.in), tt.file)
			require.Error(t, err)
			assert.Nil(t, p)
			assert.EqualError(t, err, tt.want)
			var pe *pattern.ParseError
			assert.True(t, errors.As(err, &pe), "a *ParseError")
			assert.Equal(t, tt.size, errors.Is(err, life.ErrSize), "wraps life.ErrSize")
		})
	}
}

func TestReadWarnings(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		in       string
		want     []string // the box drawn with '.' and 'O'
		warnings []string
	}{
		{
			name: "cells beyond the header grow the box", file: "gun.rle",
			in:       "#N grows\n#C comment\nx = 2, y = 1\n2o$\n3o!",
			want:     []string{"OO.", "OOO"},
			warnings: []string{"gun.rle:5: cells beyond the header's 2x1; box grown to 3x2"},
		},
		{
			name: "dead cells beyond the header do not", file: "g.rle",
			in:   "x = 2, y = 1\n2o5b3$!",
			want: []string{"OO"},
		},
		{
			name: "missing !", file: "g.rle",
			in:       "x = 2, y = 2\no$bo\n",
			want:     []string{"O.", ".O"},
			warnings: []string{"g.rle: no '!' at the end of the RLE body; read to the end of the file"},
		},
		{
			name: "missing ! and cut after a $", file: "g.rle",
			in:       "x = 2, y = 2\r\no$",
			want:     []string{"O.", ".."},
			warnings: []string{"g.rle: no '!' at the end of the RLE body; read to the end of the file"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := pattern.Read(strings.NewReader(tt.in), tt.file)
			require.NoError(t, err)
			assert.Equal(t, tt.want, picture(p))
			assert.Equal(t, tt.warnings, p.Warnings)
		})
	}
}

func TestReadLimits(t *testing.T) {
	// The largest box is accepted without allocating it.
	p, err := pattern.Read(strings.NewReader("x = 1048576, y = 1024\n!"), "big.rle")
	require.NoError(t, err)
	assert.Equal(t, [2]int{1 << 20, 1 << 10}, [2]int{p.Width, p.Height})
	assert.Empty(t, p.Cells)

	// A body may not make more than MaxLive cells.
	body := strings.Repeat("1048576o$", pattern.MaxLive>>20) + "o!"
	_, err = pattern.Read(strings.NewReader("x = 1048576, y = 1000\n"+body), "many.rle")
	assert.EqualError(t, err, "many.rle:2:37: more than 4194304 live cells")

	// Nor may the file be larger than MaxInput.
	_, err = pattern.Read(io.LimitReader(zeros{}, pattern.MaxInput+1), "huge.rle")
	assert.EqualError(t, err, "huge.rle: larger than 64 MiB; not a pattern file")

	// A reader's own error is passed on.
	_, err = pattern.Read(iotest.ErrReader(io.ErrUnexpectedEOF), "broken.rle")
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.EqualError(t, err, "broken.rle: unexpected EOF")
}

// zeros reads as an endless run of 'b'.
type zeros struct{}

var bs = []byte(strings.Repeat("b", 1<<16))

func (zeros) Read(p []byte) (int, error) {
	n := copy(p, bs)
	return n, nil
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "blinker.cells")
	require.NoError(t, os.WriteFile(file, []byte("!Name: file blinker\nOOO\n"), 0o644))
	bad := filepath.Join(dir, "bad.rle")
	require.NoError(t, os.WriteFile(bad, []byte("x = 3, y = 1\nboz!\n"), 0o644))

	tests := []struct {
		name     string
		spec     string
		stdin    string
		wantName string
		err      string
	}{
		{name: "a file", spec: file, wantName: "file blinker"},
		{name: "stdin", spec: "-", stdin: "#N from stdin\nx = 3, y = 1\n3o!", wantName: "from stdin"},
		{name: "a built-in name", spec: "Blinker", wantName: "blinker"},
		{name: "a bad file", spec: bad, err: bad + ":2:3: unexpected 'z' in RLE body; want b, o, $ or !"},
		{name: "bad stdin", spec: "-", stdin: "", err: "stdin: empty: want an RLE, plaintext (.cells), Life 1.06 or macrocell (.mc) pattern"},
		{name: "a directory", spec: dir, err: `pattern "` + dir + `" is a directory, not a pattern file`},
		{name: "unknown", spec: "no-such.rle", err: `pattern "no-such.rle": unknown pattern: no such file, and no built-in pattern of that name (-list shows them)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := pattern.Load(tt.spec, strings.NewReader(tt.stdin))
			if tt.err != "" {
				assert.EqualError(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantName, p.Name)
			assert.Equal(t, []string{"OOO"}, picture(p))
		})
	}
	_, err := pattern.Load("nothing", strings.NewReader(""))
	assert.ErrorIs(t, err, pattern.ErrUnknown)

	// A file wins over a built-in pattern of the same name.
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("glider", []byte("#N not a glider\nx = 3, y = 1\n3o!"), 0o644))
	p, err := pattern.Load("glider", nil)
	require.NoError(t, err)
	assert.Equal(t, "not a glider", p.Name)
}

// gz returns data compressed with gzip.
func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, err := zw.Write(data)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return b.Bytes()
}

func TestReadGzip(t *testing.T) {
	var mc bytes.Buffer
	m, err := pattern.MacrocellFromPattern(must(pattern.Builtin("glider")))
	require.NoError(t, err)
	require.NoError(t, pattern.WriteMacrocell(&mc, m))

	// Each file, compressed, reads as it does plain, or fails as it does:
	// where the extension tells the format, the one before ".gz" does.
	for _, tt := range []struct{ name, in string }{
		{"glider.rle", "#N glider\nx = 3, y = 3\nbo$2bo$3o!\n"},
		{"headerless.cells", "OOO\n.O.\n"},
		{"cells.lif", "#Life 1.06\n0 0\n1 1\n"},
		{"glider.mc", mc.String()},
		{"comment-first.mc", "#C only .mc makes this a macrocell file\n" + mc.String()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want, wantErr := pattern.Read(strings.NewReader(tt.in), tt.name)
			got, err := pattern.Read(bytes.NewReader(gz(t, []byte(tt.in))), tt.name+".gz")
			if wantErr != nil {
				assert.EqualError(t, err, strings.Replace(wantErr.Error(), tt.name, tt.name+".gz", 1))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, picture(want), picture(got))
			assert.Equal(t, want.Name, got.Name)

			m, err := pattern.ReadMacrocell(bytes.NewReader(gz(t, []byte(tt.in))), strings.ToUpper(tt.name)+".GZ")
			require.NoError(t, err)
			assert.Equal(t, len(want.Cells), int(m.Population()))
		})
	}
	_, err = pattern.Read(strings.NewReader("#C only .mc makes this a macrocell file\n"+mc.String()), "comment-first.mc.gz")
	assert.ErrorContains(t, err, "[M2]", "an uncompressed file named .mc.gz is read as .mc too")

	// Members one after another make one file, and zero bytes after the
	// last (a tape's padding) are nothing.
	two := append(gz(t, []byte("x = 3, y = 1\n")), gz(t, []byte("3o!\n"))...)
	for _, in := range [][]byte{two, append(bytes.Clone(two), make([]byte, 512)...)} {
		p, err := pattern.Read(bytes.NewReader(in), "two.rle.gz")
		require.NoError(t, err)
		assert.Equal(t, []string{"OOO"}, picture(p))
	}

	// Errors say what is wrong with the compressed data, after the name.
	data := gz(t, []byte("x = 3, y = 1\n3o!\n"))
	corrupt := bytes.Clone(data)
	corrupt[len(corrupt)-5] ^= 0xff // the CRC-32 of the data
	member := gz(t, bytes.Repeat([]byte("b"), 1<<20))
	bomb := bytes.Repeat(member, pattern.MaxInput>>20+1) // one stream after another
	for _, tt := range []struct {
		name string
		in   []byte
		want string
	}{
		{"cut.rle.gz", data[:len(data)/2], "cut.rle.gz: gzip data cut short: the file is truncated"},
		{"magic.rle.gz", data[:2], "magic.rle.gz: gzip data cut short: the file is truncated"},
		{"crc.rle.gz", corrupt, "crc.rle.gz: corrupt gzip data (invalid checksum)"},
		{"trailing.rle.gz", append(bytes.Clone(data), "junk that is not gzip"...), "trailing.rle.gz: corrupt gzip data (invalid header)"},
		{"bomb.rle.gz", bomb, "bomb.rle.gz: larger than 64 MiB uncompressed; not a pattern file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pattern.Read(bytes.NewReader(tt.in), tt.name)
			assert.EqualError(t, err, tt.want)
			var pe *pattern.ParseError
			assert.ErrorAs(t, err, &pe)
		})
	}

	// Load reads a compressed file by its name.
	file := filepath.Join(t.TempDir(), "gun.mc.gz")
	m, err = pattern.MacrocellFromPattern(must(pattern.Builtin("gosper")))
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, pattern.WriteMacrocell(&b, m))
	require.NoError(t, os.WriteFile(file, gz(t, b.Bytes()), 0o644))
	p, err := pattern.Load(file, nil)
	require.NoError(t, err)
	assert.Equal(t, picture(must(pattern.Builtin("gosper"))), picture(p))
}
