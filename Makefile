# The one entry point. `make test` is the README's test command and what
# .ci/run calls: it starts the real Kafka 4.x broker (deploy/kafka/kafka.sh,
# from Maven Central), runs every test against it, and stops it.
SHELL := /bin/bash
GO ?= go
KAFKA := deploy/kafka/kafka.sh
export NEWSWORKER_TEST_BROKERS ?= 127.0.0.1:9092
# Fuzz budgets are counts of runs, not durations: Go 1.26's fuzz
# coordinator can fail a target with "context deadline exceeded" when a
# duration ends while a worker is busy (golang/go#75804, fixed in 1.27),
# which a loaded CI machine hits; a count has no deadline to race.
FUZZTIME ?= 50000x
FUZZMINIMIZE ?= 10s

.PHONY: data data-check build test unit vet fuzz fuzz-long soak bench bench-e2e demo broker-start broker-stop eval

# VERSION (default: git describe) is stamped into the binary, for
# `newsworker version` and newsworker_build_info.
build:
	$(GO) build -ldflags "-X github.com/newsworker/newsworker/internal/buildinfo.version=$(or $(VERSION),$(shell git describe --tags --always --dirty 2>/dev/null))" -o bin/newsworker ./cmd/newsworker

demo:
	$(GO) run ./cmd/newsworker demo

vet:
	$(GO) vet ./...

# Unit tests only: no broker; integration tests skip and say so.
unit:
	NEWSWORKER_TEST_BROKERS= $(GO) test -count=1 ./...

# Everything, against a real broker started here (and stopped afterwards).
# The full log goes to test-output.log; the terminal gets the package
# results and every test's figures (items, kills, missing, duplicates, RSS).
test:
	@$(KAFKA) start
	@set -o pipefail; trap '$(KAFKA) stop >/dev/null 2>&1 || true' EXIT; \
	  $(GO) test -count=1 -timeout 30m -v ./... 2>&1 | tee test-output.log \
	    | grep -E --line-buffered '^(ok|FAIL|panic|--- FAIL)|^\s+\S+_test\.go:[0-9]+: .*(items=|missing=|→|took|exited after|exit after|committed|secured broker|provisioned|stop of)' && \
	  $(MAKE) --no-print-directory fuzz

# Short fuzz runs of every fuzz target (CI); fuzz-long for longer.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./internal/decode
	$(GO) test -run '^$$' -fuzz '^FuzzNormalize$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./internal/normalize
	$(GO) test -run '^$$' -fuzz '^FuzzPipeline$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./internal/pipeline
	$(GO) test -run '^$$' -fuzz '^FuzzAppendRecord$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./internal/pipeline
	$(GO) test -run '^$$' -fuzz '^FuzzTag$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./internal/tag
	$(GO) test -run '^$$' -fuzz '^FuzzTopicPrefixShortcut$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./internal/tag/topics
	$(GO) test -run '^$$' -fuzz '^FuzzTokenize$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./internal/tag/tokens
	$(GO) test -run '^$$' -fuzz '^FuzzTopicAutomaton$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./internal/tag/topics
	$(GO) test -run '^$$' -fuzz '^FuzzDetect$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./internal/langid

fuzz-long:
	$(MAKE) fuzz FUZZTIME=10m

# The long crash soak: 500,000 items, 10 SIGKILLs (CI runs 50,000 and 5).
soak:
	@$(KAFKA) start
	NEWSWORKER_SOAK_ITEMS=500000 $(GO) test -count=1 -timeout 2h -run TestCrashRestart -v ./cmd/newsworker

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./internal/normalize ./internal/langid ./internal/pipeline ./internal/tag/...

# End to end against the real broker, next to a pass-through baseline.
bench-e2e:
	@$(KAFKA) start
	$(GO) test -run '^$$' -bench EndToEnd -benchtime 1x -count 3 ./internal/service

# Generated tables: every built-in table that an importer of this project
# generates from ../shared/data is rebuilt here, byte for byte (NOTICE lists
# the sources and their licences). data-check is what CI runs: regenerate,
# then fail if any committed table differs.
SHARED ?= ../shared
TOPICMODEL := internal/topicmodel/data/huffpost.nwtm
DATABIN ?= $(or $(TMPDIR),/tmp)/newsworker-data
data:
	@test -d $(SHARED)/data || { echo "make data: $(SHARED)/data is missing (the sources of the generated tables)"; exit 1; }
	@# The topic model (internal/topicmodel), trained on HuffPost headlines
	@# (News Category Dataset v3, CC BY 4.0); never on the Reuters or BBC sets.
	$(GO) run ./cmd/newsworker train -o $(TOPICMODEL).new $(SHARED)/eval/topics-modern-dev.jsonl
	mv $(TOPICMODEL).new $(TOPICMODEL)
	@# US and Canadian towns with their state or province (GeoNames, CC BY 4.0).
	@# The importer runs from a binary built first: a redirect into the
	@# embedded table must not empty it before the build reads it.
	$(GO) build -o $(DATABIN) ./cmd/newsworker
	$(DATABIN) import geonames -countries US,CA -subdivisions -source -max-aliases -1 -minor-below 300000 \
	  $(SHARED)/data/geonames/cities15000.txt > $(DATABIN).places.tsv
	mv $(DATABIN).places.tsv internal/gazetteer/data/places/geonames-us-ca.tsv
	@# Heads of state and government, one row per term (CIA World Factbook, public
	@# domain). The identities give holders the ids and names of the hand-written
	@# tables; the hand-written heads-*.tsv end terms across the Factbook's gaps.
	$(DATABIN) import factbook -ids internal/gazetteer/importers/factbook-identities.tsv \
	  -later $$(ls internal/gazetteer/data/people/heads-*.tsv | paste -sd, -) \
	  $(SHARED)/data/factbook/executives-1990-2025.jsonl > $(DATABIN).heads.tsv
	mv $(DATABIN).heads.tsv internal/gazetteer/data/people/factbook-heads.tsv
	@# Language identification n-grams (internal/langid) from lingua-go's models
	@# (Apache-2.0), the version go.mod pins; never from $(SHARED)/data/langid.
	$(GO) mod download github.com/pemistahl/lingua-go
	$(GO) run ./internal/langid/gen -o internal/langid/data/ngrams.bin.new \
	  -models "$$($(GO) list -m -f '{{.Dir}}' github.com/pemistahl/lingua-go)/language-models"
	mv internal/langid/data/ngrams.bin.new internal/langid/data/ngrams.bin

data-check: data
	@git diff --exit-code --stat -- internal/gazetteer/data internal/topicmodel/data internal/langid/data || { echo "make data-check: the committed generated tables differ from what make data builds"; exit 1; }
	@test -z "$$(git status --porcelain -- internal/gazetteer/data internal/topicmodel/data internal/langid/data)" || { echo "make data-check: make data wrote files that are not committed:"; git status --porcelain -- internal/gazetteer/data internal/topicmodel/data internal/langid/data; exit 1; }

eval:
	$(GO) run ./cmd/newsworker eval ../shared/eval/seed.jsonl ../shared/eval/reuters-dev.jsonl ../shared/eval/bbc-dev.jsonl ../shared/eval/geo-lgl-dev.jsonl ../shared/eval/topics-modern-dev.jsonl internal/eval/testdata/short-news.jsonl

broker-start:
	$(KAFKA) start

broker-stop:
	$(KAFKA) stop
