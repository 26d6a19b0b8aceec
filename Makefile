# Waymark — the two commands a person needs:
#   make site   install what is missing, build waymark (release) and build the example content into site/
#   make test   install what the tests need, then run every test
#   make bench  run the benchmarks in bench/ (BENCH="qr" for some)
SWIFT ?= swift
BUILD_FLAGS ?=
# The Swift runtime and Foundation linked in: the binary needs only the C libraries on a machine
# without Swift, starts in 11 ms instead of 25, and calls swift_retain and friends directly
# (a one-stop rebuild of the 20,000-page corpus: 0.86 -> 0.77 s). bench/build builds the same way.
RELEASE_FLAGS := -c release --static-swift-stdlib
SCAFFOLD := Sources/WaymarkSite/Scaffold/example-project.txt
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: site test build deps test-deps scaffold bench fuzz clean

site: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product waymark $(BUILD_FLAGS)
	.build/release/waymark build

# The two programs (the test support target, which needs XCTest, is not linked statically).
build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product waymark $(BUILD_FLAGS)
	$(SWIFT) build $(RELEASE_FLAGS) --product waymark-ingest $(BUILD_FLAGS)

test: deps test-deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build $(BUILD_FLAGS)

deps:
	@sh .ci/install-deps.sh build

test-deps:
	@sh .ci/install-deps.sh test

# Packs content/ and templates/ into the resource `waymark init` writes (a test checks it is current).
scaffold:
	@{ find content templates -type f ! -name '.*' | LC_ALL=C sort | while read -r f; do \
	  printf '@@waymark-file %s %s\n' "$$f" "$$(wc -c < "$$f" | tr -d ' ')"; cat "$$f"; printf '\n'; done; } > $(SCAFFOLD).tmp
	@if cmp -s $(SCAFFOLD).tmp $(SCAFFOLD); then rm $(SCAFFOLD).tmp; else mv $(SCAFFOLD).tmp $(SCAFFOLD); echo "updated $(SCAFFOLD)"; fi

bench: deps
	@sh .ci/install-deps.sh bench
	@bash bench/run.sh $(BENCH)

# Fuzzes the front matter + Markdown loader with libFuzzer for FUZZ_SECONDS (default 600).
# Crashers land in Tests/WaymarkSiteTests/Fixtures/fuzz/crashers/, which a test replays.
FUZZ_SECONDS ?= 600
FUZZ_DIR := Tests/WaymarkSiteTests/Fixtures/fuzz
fuzz: deps
	$(SWIFT) build -c release --product waymark-fuzz --scratch-path .build-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library
	mkdir -p .fuzz-corpus $(FUZZ_DIR)/crashers
	.build-fuzz/release/waymark-fuzz .fuzz-corpus $(FUZZ_DIR)/seeds -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix=$(FUZZ_DIR)/crashers/ -print_final_stats=1

clean:
	rm -rf .build site/*/ site/_manifest.json
