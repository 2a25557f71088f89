# colife: make run opens the window, make test runs every check.
GO      ?= go
PKGS    := ./...
# System packages Ebitengine and the clipboard (golang.design/x/clipboard,
# which needs libX11's headers) need on Debian/Ubuntu to build the window
# (cgo, X11, GL), xvfb for the window's tests without a display, and
# chromium for the web page's test.
DEB_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxi-dev libxinerama-dev \
            libxrandr-dev libxxf86vm-dev xvfb xauth chromium
ARGS    ?=

.DEFAULT_GOAL := test
.PHONY: test run web bench lint deps fmt-check vet fuzz

## deps: install the system packages the window needs, if any is missing.
deps:
	@./.ci/deps.sh $(DEB_PKGS)

## run: open the window (pass flags with ARGS="-pattern gosper -zoom 4").
run: deps
	$(GO) run ./cmd/lifeview $(ARGS)

## web: build lifeview for the browser (WebAssembly) into WEB_DIR and serve
## it on WEB_ADDR: open http://localhost:8080/?pattern=gosper.
WEB_DIR  ?= build/web
WEB_ADDR ?= localhost:8080
web:
	$(GO) run ./cmd/lifeweb -build -go "$(GO)" -dir $(WEB_DIR) -addr $(WEB_ADDR)

## test: formatting, vet, and every test with the race detector; the window's
## end-to-end tests run under xvfb-run.
test: deps lint
	xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" $(GO) test -race -count=1 $(PKGS)

## lint: gofmt and go vet (also of the web page's files, built for js/wasm).
lint: fmt-check vet

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)
	GOOS=js GOARCH=wasm $(GO) vet ./cmd/lifeview ./render/window

## bench: the engine benchmarks as one table, each case in a process of its
## own, so that no case inherits another's goroutines, stacks or garbage
## (.ci/bench.sh: BENCH_CASES picks cases of BenchmarkEngine and
## BenchmarkFloor, BENCHTIME the generations; DIRECT_CASES those of
## BenchmarkDirect and BenchmarkCLI, a 0.5 soup for DIRECT_GENS generations;
## bgolly's QuickLife, when installed, runs the same soups of BGOLLY_SIZES;
## HASHLIFE_CASES those of life/hashlife's BenchmarkHashlife, beside bgolly's
## HashLife).
## The floor rows are the goroutine engine's protocol with the Game of Life
## taken out: what channels and the scheduler cost here; the floor iter.Pull
## rows the same for the coroutines. The CLI rows (BenchmarkCLIEngine) are
## life's print mode on a 1024x1024 soup, set against BenchmarkEngine's.
SIZES_G     := 64x64 256x256 1024x1024
ENGINES_G   := dense dense-coroutine goroutine coroutine generator
BENCH_CASES ?= $(foreach e,$(ENGINES_G),$(foreach s,$(SIZES_G),$(foreach p,1 2,Engine/engine=$(e)/size=$(s)/procs=$(p)))) \
               $(foreach s,$(SIZES_G),$(foreach p,1 2,Floor/size=$(s)/procs=$(p))) \
               $(foreach s,$(SIZES_G),$(foreach p,1 2,CoroutineFloor/size=$(s)/procs=$(p))) \
               $(foreach e,goroutine coroutine generator,CLIEngine/engine=$(e)/size=1024x1024)
BENCHTIME   ?= 10x
DIRECT_CASES ?= $(foreach s,256x256 1024x1024 4096x4096,$(foreach p,1 2,Direct/rule=life/size=$(s)/procs=$(p))) \
                $(foreach p,1 2,Direct/rule=highlife/size=4096x4096/procs=$(p)) CLI
DIRECT_GENS  ?= 1000
BGOLLY_SIZES ?= 1024x1024 4096x4096
# The hashlife cases (life/hashlife's BenchmarkHashlife: whole runs from a
# fresh engine, each in a fresh process and all in one), beside bgolly -a
# HashLife on the same patterns, the fastest of HASHLIFE_RUNS each.
HASHLIFE_CASES ?= pattern=gosper/gen=2^40 pattern=acorn/gen=10^6 pattern=r-pentomino/gen=10^6 \
                  pattern=switch-engine-breeder/gen=2^20 pattern=soup512/gen=2^13
HASHLIFE_RUNS  ?= 5
export HASHLIFE_CASES HASHLIFE_RUNS
# The activity cases (BenchmarkGun, BenchmarkSoup, BenchmarkMethuselah,
# BenchmarkFamilies: Generations and isotropic non-totalistic rules), each op
# a whole run or one generation of a soup: ACTIVITY_TIME runs each.
ACTIVITY_CASES ?= $(foreach e,goroutine coroutine generator,$(foreach p,1 2,Gun/engine=$(e)/size=1024x1024/procs=$(p))) \
                  $(foreach a,0 1000,$(foreach e,$(ENGINES_G),$(foreach p,1 2,Soup/at=$(a)/engine=$(e)/size=1024x1024/procs=$(p)))) \
                  $(foreach m,r-pentomino acorn,$(foreach e,goroutine coroutine generator direct,Methuselah/pattern=$(m)/engine=$(e))) \
                  $(foreach r,briansbrain starwars B2-aS12 tlife,$(foreach e,goroutine coroutine generator direct,Families/rule=$(r)/engine=$(e)/size=256x256))
ACTIVITY_TIME  ?= 3x
BENCHBIN    := $(or $(TMPDIR),/tmp)/colife-life.test
bench:
	@GO="$(GO)" BENCH_CASES="$(BENCH_CASES)" BENCHTIME="$(BENCHTIME)" DIRECT_CASES="$(DIRECT_CASES)" \
		DIRECT_GENS="$(DIRECT_GENS)" BGOLLY_SIZES="$(BGOLLY_SIZES)" ./.ci/bench.sh
	@$(GO) test -c -o $(BENCHBIN) ./life/sim/
	@echo
	@echo "activity: the goroutine, coroutine and generator engines run the active cells only (dense: every cell)"
	@for c in $(ACTIVITY_CASES); do \
		$(BENCHBIN) -test.run '^$$' -test.bench "^Benchmark$$(echo "$$c" | sed 's,/,$$/^,g')$$" -test.benchtime $(ACTIVITY_TIME) | grep '^Benchmark' || exit 1; \
	done | tee /dev/stderr | awk '\
	/^Benchmark/ { delete m; for (i = 3; i < NF; i += 2) m[$$(i+1)] = $$i; name = $$1; sub(/^Benchmark/, "", name); sub(/-[0-9]+$$/, "", name); \
		g = ("peak-goroutines" in m) ? m["peak-goroutines"] : m["goroutines"]; \
		rows[++r] = sprintf("%-62s %12.3f %16.0f", name, m["gens/s"], g) } \
	END { printf "\n%-62s %12s %16s\n", "case", "gens/s", "goroutines"; for (i = 1; i <= r; i++) print rows[i] }' 2>/dev/null
	@rm -f $(BENCHBIN)

## fuzz: run each parser's fuzzer for FUZZTIME (default 1m), shrinking an
## interesting input for at most FUZZMINIMIZETIME (default 5s) so that the
## time goes to fuzzing (go test's default, 60s, spent most of the minute
## shrinking).
FUZZTIME ?= 1m
FUZZMINIMIZETIME ?= 5s
fuzz:
	@for f in $$($(GO) test -list '^Fuzz' ./life/pattern/ | grep ^Fuzz); do \
		$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME) ./life/pattern/ || exit 1; \
	done
