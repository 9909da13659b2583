# The two commands a fresh machine needs: `make build` and `make test`.
GO ?= go
BIN := ./travaux
# BASE_URL is the site's absolute address, for the sitemap, canonical links
# and copied citations. Netlify sets URL for its builds; elsewhere pass
# BASE_URL=https://... or set base_url in content/convention.yaml.
BASE_URL ?= $(URL)

.PHONY: build bin serve test check bench fmt vet golden fuzz clean deps

build: bin
	$(BIN) build $(if $(BASE_URL),-base-url "$(BASE_URL)")

bin:
	$(GO) build -o $(BIN) ./generator/cmd/travaux

serve: bin
	$(BIN) serve

check: bin
	$(BIN) check

# test installs what the tests need (chromium, axe-core) when missing, then
# runs vet, the gofmt check and every test, the browser tests included.
test: deps vet
	@out=$$(gofmt -l generator templates); if [ -n "$$out" ]; then echo "not gofmt-clean:"; echo "$$out"; exit 1; fi
	$(GO) test -count=1 ./...

deps:
	bash .ci/deps

vet:
	$(GO) vet ./...

fmt:
	gofmt -w generator templates

golden:
	$(GO) test ./generator/... -update

fuzz:
	$(GO) test ./generator/load -run '^$$' -fuzz FuzzLoad -fuzztime 30s
	$(GO) test ./generator/markdown -run '^$$' -fuzz FuzzTreaty -fuzztime 30s

# bench times whole builds of the synthetic corpus (N = 68, 1,000, 10,000;
# median wall, floor, pages/s, peak RSS, stages, no-change rebuild), then
# runs the Go micro-benchmarks. Quicker: make bench BENCH_ARGS="-n 68,1000".
BENCH_ARGS ?=
bench:
	$(GO) run ./generator/internal/benchrun -go "$(GO)" $(BENCH_ARGS)
	$(GO) test -run '^$$' -bench . -benchmem ./generator/...

clean:
	rm -rf public $(BIN)
