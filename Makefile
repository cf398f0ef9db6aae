# caijue - Makefile.  Targets: all test asan fuzz bench format clean docs golden-update
CC      ?= cc
PKGS    := yaml-0.1 libzip expat poppler-glib cairo pangocairo xlsxwriter freexl
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L
WARN    := -Wall -Wextra -Werror -Wpedantic -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wvla
OPT     ?= -O2 -g
CFLAGS  += $(CSTD) $(WARN) $(OPT) -fvisibility=hidden $(shell pkg-config --cflags $(PKGS))
LDLIBS  += $(shell pkg-config --libs $(PKGS)) -lm
BUILD   ?= build

LIB_SRC := $(sort $(wildcard src/base/*.c src/model/*.c src/in/*.c src/calc/*.c \
             src/rules/*.c src/perf/*.c src/report/*.c src/out/*.c src/text/*.c \
             src/audit/*.c src/core/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
TEST_SRC:= $(sort $(wildcard tests/unit/test_*.c))

# Data files compiled into the library (default tables).
GEN_SRC := $(BUILD)/gen/codes_csv.c
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(GEN_SRC:%.c=%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ:= $(TEST_SRC:%.c=$(BUILD)/%.o) $(BUILD)/tests/unit/runner.o

LIB     := $(BUILD)/libcaijue.a
BIN     := $(BUILD)/caijue
TESTBIN := $(BUILD)/unit-tests

.PHONY: all test asan fuzz fuzz-run bench format clean docs golden-update
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
REPLAY   := $(FUZZ_SRC:fuzz/%.c=$(BUILD)/fuzz-replay/%)

all: $(BIN) $(TESTBIN) $(REPLAY)

# Each fuzz target also links with a plain main that replays its corpus.
$(BUILD)/fuzz-replay/%: fuzz/%.c fuzz/replay.c $(LIB)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -Iinclude -Isrc -Wno-missing-prototypes -o $@ $< fuzz/replay.c $(LIB) $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -MMD -MP -Iinclude -Isrc -c $< -o $@

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -o $@ $<

$(BUILD)/gen/codes_csv.c: data/classification.csv $(BUILD)/tools/embed
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed cj_codes_default_csv < $< > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	@$(CC) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(TESTBIN): $(TEST_OBJ) $(LIB)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(TEST_OBJ) $(LIB) $(LDLIBS)

# The whole suite: unit tests, CLI cases, fuzz corpus replay.
test: all
	@CAIJUE=$(BIN) UNIT=$(TESTBIN) REPLAY_DIR=$(BUILD)/fuzz-replay sh tests/run.sh

# The whole suite under ASan + UBSan (third-party leaks: tests/lsan.supp).
asan:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	$(MAKE) BUILD=build-asan OPT="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" test

FUZZ_TARGETS := $(patsubst fuzz/%.c,%,$(FUZZ_SRC))
FUZZ_SECONDS ?= 600
# libFuzzer builds (clang): build-fuzz/fuzz_*; `make fuzz-run` runs each for FUZZ_SECONDS.
fuzz:
	$(MAKE) BUILD=build-fuzz CC=clang OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" build-fuzz/libcaijue.a
	@for t in $(FUZZ_TARGETS); do \
	  clang $(CSTD) -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude -Isrc fuzz/$$t.c \
	    build-fuzz/libcaijue.a $(LDLIBS) -o build-fuzz/$$t || exit 1; \
	  echo "built build-fuzz/$$t"; done

fuzz-run: fuzz
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$${t#fuzz_}; \
	  build-fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -artifact_prefix=fuzz/corpus/$${t#fuzz_}/crash- \
	    fuzz/corpus/$${t#fuzz_} 2>&1 | tail -n 3; done

# Timings (not tests): results go to docs/performance.md by hand.
bench: all
	sh bench/build/run.sh
	@[ ! -f bench/audit/run.sh ] || sh bench/audit/run.sh

docs: all
	$(BIN) rules --markdown > docs/rules.md
	$(BIN) schema --markdown > docs/dataset.md

golden-update: all
	CJ_GOLDEN_UPDATE=1 $(TESTBIN)

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) $(TEST_SRC) src/*/*.h include/*.h

clean:
	rm -rf build build-asan build-fuzz

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
