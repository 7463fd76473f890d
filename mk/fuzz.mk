# Fuzzing (issue 6). Every tests/fuzz/fuzz_*.c is a libFuzzer target (LLVMFuzzerTestOneInput).
#   make fuzz                 each target for FUZZ_SECONDS (default 60) with clang's libFuzzer,
#                             ASan and UBSan (build-fuzz/); seeds from tests/fuzz/corpus/NAME/,
#                             new inputs kept in build-fuzz/corpus/NAME/, crashes saved as
#                             tests/fuzz/regress/NAME/crash-* (commit them: they become tests)
#   make fuzz-ci              the same, FUZZ_SECONDS=10 each (for CI)
# Every run has libFuzzer's -timeout=FUZZ_TIMEOUT (20 s; fuzz-ci 5 s): a unit that slow (a
# quadratic loop on a long line, a hang) is a failure, saved as tests/fuzz/regress/NAME/timeout-*.
#   make fuzz FUZZ=fuzz_tsv   one target
# `make test` replays every seed and saved crash through each target under the sanitizers
# ($(BUILD)/fuzz/NAME, linked with tests/fuzz/driver.c instead of libFuzzer).
.PHONY: fuzz fuzz-ci fuzz-bins
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 20
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES := $(FUZZ_SRC:tests/fuzz/%.c=%)
FUZZ ?= $(FUZZ_NAMES)
FUZZ_CFLAGS = $(filter-out -O2,$(CFLAGS)) -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined

# The CLI without main(), for the targets of cli/ code (fuzz_rows, fuzz_cli_values); an archive,
# so the other targets pull nothing from it.
FUZZ_CLI_LIB := $(BUILD)/fuzz/libcli.a
$(FUZZ_CLI_LIB): $(filter-out %/cli/main.o,$(CLI_OBJ))
	@mkdir -p $(dir $@)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

# libFuzzer programs (only in a build configured by `make fuzz`).
$(BUILD)/fuzzer/%: $(BUILD)/tests/fuzz/%.o $(FUZZ_CLI_LIB) $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_CLI_LIB) $(LIB) $(PKG_LIBS)

# Replay programs: the same target with a main() that reads files (any build).
$(BUILD)/fuzz/%: $(BUILD)/tests/fuzz/%.o $(BUILD)/tests/fuzz/driver.o $(FUZZ_CLI_LIB) $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/tests/fuzz/driver.o $(FUZZ_CLI_LIB) $(LIB) $(PKG_LIBS)

fuzz-bins: $(FUZZ:%=$(BUILD)/fuzzer/%)

fuzz:
	$(Q)$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS)" \
	  LDFLAGS="-fsanitize=address,undefined" FUZZ="$(FUZZ)" fuzz-bins
	$(Q)failed=""; for t in $(FUZZ); do \
	  mkdir -p build-fuzz/corpus/$$t tests/fuzz/regress/$$t; \
	  echo "== $$t ($(FUZZ_SECONDS)s)"; \
	  build-fuzz/fuzzer/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=tests/fuzz/regress/$$t/ build-fuzz/corpus/$$t tests/fuzz/corpus/$$t \
	    2>build-fuzz/$$t.log || failed="$$failed $$t"; \
	  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|ERROR|SUMMARY' build-fuzz/$$t.log | sed 's/^/   /'; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: crashes in:$$failed (inputs in tests/fuzz/regress/, logs in build-fuzz/)"; exit 1; fi; \
	echo "fuzz: no crash in $(FUZZ)"

fuzz-ci:
	$(Q)$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=10 FUZZ_TIMEOUT=5
