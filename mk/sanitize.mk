# Sanitizer and valgrind runs (issue 6), used by `make test` through tests/run.sh:
#   make sanitize             build-asan/: sohoa, unit tests and fuzz replays with clang
#                             -fsanitize=address,undefined (recipe in the Makefile)
#   make sanitize-test        that build's unit tests, a few e2e tests and the fuzz replays
#   make valgrind-test        one end-to-end `sohoa run` under valgrind (normal build)
# Reports from third-party libraries only are suppressed in tests/sanitize/*.supp (see there).
.PHONY: sanitize-test valgrind-test
ASAN_BUILD := build-asan
FUZZ_REPLAY := $(FUZZ_NAMES:%=$(BUILD)/fuzz/%)

sanitize-test: sanitize
	$(Q)BUILD=$(BUILD) ASAN_BUILD=$(ASAN_BUILD) ONLY=sanitize sh tests/run.sh

valgrind-test: all
	$(Q)BUILD=$(BUILD) ONLY=valgrind sh tests/run.sh
# SANITIZE=0 makes `make test` skip the sanitizer build and runs (VALGRIND=0 the valgrind run).
SANITIZE ?= 1
