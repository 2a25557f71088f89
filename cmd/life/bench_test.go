package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"colife/cmd/internal/setup"
	"colife/life/sim"
)

// BenchmarkCLI measures print mode as
//
//	life -engine direct -size 4096x4096 -random 0.5 -gens 1000 -out -
//
// runs it, set-up excluded (flags, the soup, the engine's start), printing off
// (-out - prints no generation; with -out FILE every generation would be
// printed): one op is the 1000 generations, timed for cells/s, which compares
// with BenchmarkDirect's (make bench prints both); out-s is the time then
// taken to write the last generation's RLE, to io.Discard.
func BenchmarkCLI(b *testing.B) {
	const w, h, gens = 4096, 4096, 1000
	var outTime time.Duration
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		cfg, start, s := startCLI(b, "-engine", "direct", "-size", "4096x4096", "-random", "0.5", "-seed", "1",
			"-gens", "1000", "-out", "-")
		b.StartTimer()
		if err := printMode(context.Background(), cfg, s, start, nil, io.Discard); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		t := time.Now()
		if err := writeOut(context.Background(), cfg.out, cfg.outFormat(), start, s, io.Discard); err != nil {
			b.Fatal(err)
		}
		outTime += time.Since(t)
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(w*h*gens)*float64(b.N)/b.Elapsed().Seconds(), "cells/s")
	b.ReportMetric(outTime.Seconds()/float64(b.N), "out-s")
}

// BenchmarkCLIEngine measures what
//
//	life -engine E -random 0.3 -size 1024x1024 -seed 1 -gens 10 -print none
//
// costs, for the engines of the active cells, as BenchmarkEngine
// measures them: one op is the whole run, from the flags to the last
// generation. It reports gen-cells/s, the cell updates a second of
// generations 2 to 10 through print mode, which compares with
// BenchmarkEngine's cells/s (the same soup density and size: make bench
// prints both); start-s, the seconds until generation 1, in which the
// engine starts a goroutine or coroutine for nearly every cell (what
// BenchmarkEngine leaves out, and BenchmarkEngine's start-s); cells/s, the
// whole run's; and rss-B/cell, the process's peak resident memory over the
// grid's cells (Linux; where /proc is missing, not reported).
func BenchmarkCLIEngine(b *testing.B) {
	for _, e := range []sim.Engine{sim.Goroutine, sim.Coroutine, sim.Generator} {
		b.Run(fmt.Sprintf("engine=%s/size=1024x1024", e), func(b *testing.B) {
			const cells, gens = 1024 * 1024, 10
			var start, rest time.Duration
			for b.Loop() {
				t0 := time.Now()
				// life -gens 10: its first generation here, the other 9
				// through print mode, which counts -gens from where it
				// starts.
				cfg, st, s := startCLI(b, "-engine", e.String(), "-random", "0.3", "-size", "1024x1024", "-seed", "1",
					"-gens", fmt.Sprint(gens-1), "-print", "none")
				if err := s.Step(); err != nil { // as print mode's first: the engine starts
					b.Fatal(err)
				}
				t1 := time.Now()
				if err := printMode(context.Background(), cfg, s, st, nil, io.Discard); err != nil {
					b.Fatal(err)
				}
				start, rest = start+t1.Sub(t0), rest+time.Since(t1)
				if s.Generation() != gens {
					b.Fatalf("print mode ended at generation %d, want %d", s.Generation(), gens)
				}
				s.Close()
			}
			n := float64(b.N)
			b.ReportMetric(cells*(gens-1)*n/rest.Seconds(), "gen-cells/s")
			b.ReportMetric(start.Seconds()/n, "start-s")
			b.ReportMetric(cells*gens*n/b.Elapsed().Seconds(), "cells/s")
			if rss := peakRSS(); rss > 0 {
				b.ReportMetric(float64(rss)/cells, "rss-B/cell")
			}
		})
	}
}

// startCLI does what life does with args before print mode: the flags, the
// start and the simulation.
func startCLI(b *testing.B, args ...string) (*config, *setup.Start, *sim.Simulation) {
	b.Helper()
	cfg, err := parseFlags(args, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	st, err := cfg.Start(nil, setup.Fit(printMargin, setup.Size{}))
	if err != nil {
		b.Fatal(err)
	}
	s, err := sim.New(context.Background(), st.Grid, st.Options)
	if err != nil {
		b.Fatal(err)
	}
	return cfg, st, s
}

// peakRSS returns the process's peak resident memory in bytes, from Linux's
// /proc/self/status (VmHWM), or 0 where it cannot be read.
func peakRSS() uint64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}
