# The normalize stage (issue 4).
#   make fuzz-normalize     tests/fuzz/fuzz_normalize.c under libFuzzer + ASan/UBSan for
#                           NORMALIZE_FUZZ_SECONDS (default 600); crashes go to
#                           tests/fuzz/regress/fuzz_normalize/ (commit them). `make fuzz` (mk/fuzz.mk)
#                           runs the same target among the others.
#   make bench-normalize    bench/normalize.sh: MB/s on the seeds x100, one core, with a peer.
#   make encodings          rebuild data/encodings/*.tsv from the glibc/recode charts and
#                           normalize/encoding-tables.c from them (needs `locales` and `recode`).
.PHONY: fuzz-normalize bench-normalize encodings
NORMALIZE_FUZZ_SECONDS ?= 600
NORMALIZE_FUZZ_BUILD := build-fuzz/nfz
NORMALIZE_FUZZ_CFLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined

fuzz-normalize:
	$(Q)$(MAKE) --no-print-directory BUILD=$(NORMALIZE_FUZZ_BUILD) CC=clang CFLAGS="$(NORMALIZE_FUZZ_CFLAGS)" \
	  $(NORMALIZE_FUZZ_BUILD)/libsohoa.a $(NORMALIZE_FUZZ_BUILD)/tests/fuzz/fuzz_normalize.o
	$(Q)clang $(NORMALIZE_FUZZ_CFLAGS) -fsanitize=fuzzer -o $(NORMALIZE_FUZZ_BUILD)/fuzz_normalize \
	  $(NORMALIZE_FUZZ_BUILD)/tests/fuzz/fuzz_normalize.o $(NORMALIZE_FUZZ_BUILD)/libsohoa.a $(PKG_LIBS)
	$(Q)mkdir -p $(NORMALIZE_FUZZ_BUILD)/corpus tests/fuzz/regress/fuzz_normalize
	$(Q)$(NORMALIZE_FUZZ_BUILD)/fuzz_normalize -max_total_time=$(NORMALIZE_FUZZ_SECONDS) -timeout=20 \
	  -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=tests/fuzz/regress/fuzz_normalize/ \
	  $(NORMALIZE_FUZZ_BUILD)/corpus tests/fuzz/corpus/fuzz_normalize

bench-normalize: all
	$(Q)BUILD=$(BUILD) sh bench/normalize.sh

encodings:
	$(Q)sh tools/samples/mkencodings.sh charts
