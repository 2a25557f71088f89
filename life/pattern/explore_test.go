package pattern_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestExplore(t *testing.T) {
	dir := os.Getenv("CORPUS")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		s := strings.TrimPrefix(string(raw), "go test fuzz v1\n[]byte(")
		s = strings.TrimSuffix(strings.TrimSpace(s), ")")
		data, err := strconv.Unquote(s)
		if err != nil {
			continue
		}
		t0 := time.Now()
		t.Run(filepath.Base(f), func(t *testing.T) { checkRead(t, []byte(data), "fuzz.rle") })
		if d := time.Since(t0); d > 50*time.Millisecond {
			t.Logf("%s %v %q", filepath.Base(f), d, data)
		}
	}
}
