package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name   string
		chunks []string
		want   []event
	}{
		{"plain keys", []string{"q f"}, []event{{key: 'q'}, {key: ' '}, {key: 'f'}}},
		{"arrows, CSI and SS3", []string{"\x1b[A\x1b[B\x1bOC\x1b[D"}, []event{{key: keyUp}, {key: keyDown}, {key: keyRight}, {key: keyLeft}}},
		{"Shift with an arrow", []string{"\x1b[1;2D"}, []event{{key: keyLeft, shift: true}}},
		{"a press, a drag, a release", []string{"\x1b[<0;5;3M\x1b[<32;6;3M\x1b[<0;6;3m"}, []event{
			{col: 4, row: 2},
			{col: 5, row: 2, motion: true},
			{col: 5, row: 2, release: true},
		}},
		{"the right button with Ctrl, the wheel", []string{"\x1b[<18;1;1M\x1b[<65;10;2M"}, []event{
			{button: 2, modifier: true},
			{button: 65, col: 9, row: 1},
		}},
		{"a sequence cut between reads", []string{"a\x1b[<0;1", "2;3Mb"}, []event{{key: 'a'}, {col: 11, row: 2}, {key: 'b'}}},
		{"Esc at the end of a read is the key", []string{"x\x1b", "y"}, []event{{key: 'x'}, {key: keyEsc}, {key: 'y'}}},
		{"Esc before a key", []string{"\x1bq"}, []event{{key: keyEsc}, {key: 'q'}}},
		{"a character cut between reads", []string{"\xc3", "\xa9"}, []event{{key: 'é'}}},
		{"sequences not read are skipped", []string{"\x1b[15~\x1b[<1;2M\x1b[Iz"}, []event{{key: 'z'}}},
		{"a mouse report without SGR: its bytes are no keys", []string{"\x1b[M q(\x1b[M#q(z"}, []event{
			{col: 80, row: 7},
			{col: 80, row: 7, release: true},
			{key: 'z'},
		}},
		{"a report without SGR cut between reads", []string{"\x1b[M ", "!!"}, []event{{}}},
		{"a broken mouse report is skipped", []string{"\x1b[<0;0;3M\x1b[<1;2;3;4Mk"}, []event{{key: 'k'}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d decoder
			var got []event
			for _, c := range tt.chunks {
				got = d.decode([]byte(c), got)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestDecodeDropsLongGarbage(t *testing.T) {
	var d decoder
	garbage := "\x1b[" + string(make([]byte, 0, 0))
	for range 40 {
		garbage += "1"
	}
	got := d.decode([]byte(garbage), nil)
	assert.Empty(t, got)
	assert.Equal(t, []event{{key: 'q'}}, d.decode([]byte("q"), nil), "what follows is read")
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("\x1b[<0;5;3M"), []byte("\x1b[1;2A"))
	f.Add([]byte("\x1b"), []byte("O"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		var d decoder
		for _, ev := range d.decode(b, d.decode(a, nil)) {
			if ev.key == 0 {
				assert.GreaterOrEqual(t, ev.col, 0)
				assert.GreaterOrEqual(t, ev.row, 0)
			}
		}
	})
}
