# sohoa — one GNU Makefile. `make` builds build/sohoa; `make run` and `make test` install what is
# missing first (see tools/deps.sh). Each area adds its own targets in mk/*.mk.
.DEFAULT_GOAL := all
.PHONY: all deps run test unit-test e2e-test bench fuzz install clean sanitize

CC ?= cc
BUILD ?= build
PREFIX ?= /usr/local
OUT ?= out
V ?= 0
Q := $(if $(filter 1,$(V)),,@)

PKGS := mupdf tesseract lept icu-uc icu-i18n
WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings -Wvla
CFLAGS ?= -O2 -g
# DEVELOPER=1: warnings are errors (CI builds this way, with gcc and with clang).
ifeq ($(DEVELOPER),1)
WARN += -Werror
endif
CFLAGS += -std=c11 -D_GNU_SOURCE $(WARN) -MMD -MP -pthread
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs --static mupdf 2>/dev/null) \
	$(shell pkg-config --libs tesseract lept icu-uc icu-i18n 2>/dev/null) -lcsv -lstdc++ -lm -pthread
LDFLAGS ?=

# The library: every .c under the stage folders and core/.
LIB_SRC := $(sort $(wildcard core/*.c ingest/*.c normalize/*.c restore/*.c extract/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB := $(BUILD)/libsohoa.a
CLI_SRC := $(sort $(wildcard cli/*.c))
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
BIN := $(BUILD)/sohoa

# Unit tests: tests/unit/test_*.c, each its own program linked with the library.
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Tools: tools/{model,samples,eval}/NAME.c, each its own program build/tools/NAME, linked with
# tools/lib (build/tools/libtools.a: die, file reading, alignment, CER, words) and the library.
TOOL_DIRS := model samples eval
TOOL_SRC := $(sort $(wildcard $(TOOL_DIRS:%=tools/%/*.c)))
TOOL_BIN := $(addprefix $(BUILD)/tools/,$(notdir $(TOOL_SRC:.c=)))
TOOL_LIB_SRC := $(sort $(wildcard tools/lib/*.c))
TOOL_LIB := $(BUILD)/tools/libtools.a
# Unit tests that score OCR output with tools/lib link it too.
TOOL_TESTS := $(BUILD)/tests/test_ocr $(BUILD)/tests/test_ocr_scan

all: $(BIN) $(TOOL_BIN)

# Keep objects of tests and tools between builds.
.SECONDARY:

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) $(PKG_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(PKG_LIBS)

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(LIB)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS)

$(TOOL_LIB): $(TOOL_LIB_SRC:%.c=$(BUILD)/%.o)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

define TOOL_RULE
$(patsubst tools/$(1)/%.c,$(BUILD)/tools/%,$(filter tools/$(1)/%,$(TOOL_SRC))): $(BUILD)/tools/%: $(BUILD)/tools/$(1)/%.o $(TOOL_LIB) $(LIB)
	@mkdir -p $$(dir $$@)
	$$(Q)$$(CC) $$(CFLAGS) $$(LDFLAGS) -o $$@ $$< $(TOOL_LIB) $(LIB) $$(PKG_LIBS)
endef
$(foreach d,$(TOOL_DIRS),$(eval $(call TOOL_RULE,$(d))))

$(TOOL_TESTS): $(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(TOOL_LIB) $(LIB)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(TOOL_LIB) $(LIB) $(PKG_LIBS)

deps:
	$(Q)sh tools/deps.sh

# The main job reads the sample documents, not their truth files and manifests.
RUN_FILTER := --include '*.pdf' --include '*.png' --include '*.tif' --include '*.txt' --exclude '*.truth.txt'

run: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(BIN) run samples -o $(OUT) --recursive $(RUN_FILTER); status=$$?; \
	  echo "results in $(OUT)/"; exit $$status

test: deps
	$(Q)$(MAKE) --no-print-directory all $(UNIT_BIN)
	$(Q)if [ "$(SANITIZE)" != 0 ]; then $(MAKE) --no-print-directory sanitize; fi
	$(Q)if [ "$(FUZZ_CI)" != 0 ]; then $(MAKE) --no-print-directory fuzz-ci; fi
	$(Q)BUILD=$(BUILD) SANITIZE=$(SANITIZE) sh tests/run.sh

unit-test: $(UNIT_BIN)
	$(Q)BUILD=$(BUILD) ONLY=unit sh tests/run.sh

bench: all
	$(Q)for b in bench/*.sh; do echo "== $$b"; BUILD=$(BUILD) sh $$b || exit 1; done

sanitize:
	$(Q)$(MAKE) --no-print-directory BUILD=build-asan CC=clang \
	  CFLAGS="$(filter-out -O2,$(CFLAGS)) -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined" build-asan/sohoa $(UNIT_BIN:$(BUILD)/%=build-asan/%) \
	  $(FUZZ_NAMES:%=build-asan/fuzz/%)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/sohoa
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/sohoa
	if ls data/*.bin >/dev/null 2>&1; then install -m 644 data/*.bin $(DESTDIR)$(PREFIX)/share/sohoa/; fi

clean:
	rm -rf $(BUILD) build-asan build-fuzz

-include $(wildcard mk/*.mk)
-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/unit/%.d) \
	$(TOOL_SRC:%.c=$(BUILD)/%.d) $(TOOL_LIB_SRC:%.c=$(BUILD)/%.d) \
	$(wildcard $(BUILD)/tests/fuzz/*.d)
