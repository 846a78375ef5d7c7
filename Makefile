# A thin wrapper around CMake.  `make test` is the command CI runs.
BUILD ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
FUZZ_BUILD ?= build-fuzz
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60

.PHONY: all build example test test-plain test-asan asan test-tsan fuzz bench format clean

all: build

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCORRO_WERROR=ON >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

# Build, then run corro's brief on the bundled example corpus.
example: build
	$(BUILD)/corro brief examples/corpus

# Every test, in a normal build and under ASan + UBSan; the threads under
# ThreadSanitizer.
test: test-asan test-tsan test-plain

test-plain: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan asan:
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCORRO_WERROR=ON -DCORRO_SANITIZE=ON >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --output-on-failure -j $(JOBS) -LE slow

# The code that runs in worker threads (the extractor's ring, extraction,
# corro extract, brief, ingest and brief --db of 200 documents) under
# ThreadSanitizer.
test-tsan:
	cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCORRO_WERROR=ON -DCORRO_TSAN=ON >/dev/null
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target test_internals corro_cli
	TSAN_OPTIONS=halt_on_error=1 $(TSAN_BUILD)/tests/test_internals >/dev/null
	scripts/many-docs examples/corpus/wire.jsonl 200 > $(TSAN_BUILD)/many.jsonl
	TSAN_OPTIONS=halt_on_error=1 $(TSAN_BUILD)/corro extract $(TSAN_BUILD)/many.jsonl >/dev/null
	TSAN_OPTIONS=halt_on_error=1 $(TSAN_BUILD)/corro brief --format json $(TSAN_BUILD)/many.jsonl >/dev/null
	rm -f $(TSAN_BUILD)/tsan.db
	TSAN_OPTIONS=halt_on_error=1 $(TSAN_BUILD)/corro ingest --db $(TSAN_BUILD)/tsan.db $(TSAN_BUILD)/many.jsonl
	TSAN_OPTIONS=halt_on_error=1 $(TSAN_BUILD)/corro brief --db $(TSAN_BUILD)/tsan.db --format json >/dev/null
	@echo "ThreadSanitizer: no race"

# libFuzzer targets (clang), each run for FUZZ_SECONDS.
fuzz:
	CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCORRO_FUZZ=ON >/dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	fuzz/run $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench:
	bench/run

format:
	clang-format -i include/*.h src/*.c src/*.h cli/*.c tests/*.c tools/*.c fuzz/*.c

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) $(FUZZ_BUILD)
