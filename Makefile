# sohoa — one GNU Makefile. `make` builds build/sohoa, the library (libsohoa.a, libsohoa.so) and
# the tools; `make run` and `make test` install what is missing first (see tools/deps.sh).
# `make install PREFIX=... DESTDIR=...` installs the program, the library, its headers, sohoa.pc,
# the man pages, bash completion and the model. Each area adds its own targets in mk/*.mk.
.DEFAULT_GOAL := all
.PHONY: all deps run test unit-test e2e-test bench fuzz install uninstall clean sanitize FORCE

CC ?= cc
BUILD ?= build
OUT ?= out
V ?= 0
Q := $(if $(filter 1,$(V)),,@)

# Where `make install` puts things. DATADIR is also compiled into the library (core/data.c): it
# is where an installed libsohoa looks for its model when not beside the library or program.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share/sohoa
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig

# The version, from the public header; the shared library's soname carries its major number.
VERSION := $(shell sed -n 's/^\#define SOHOA_VERSION "\(.*\)"/\1/p' include/sohoa/version.h)
SONAME := libsohoa.so.$(firstword $(subst ., ,$(VERSION)))

PKGS := mupdf tesseract lept libpng libjpeg icu-uc icu-i18n
WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings -Wvla
CFLAGS ?= -O2 -g
# DEVELOPER=1: warnings are errors. `make test` (what CI runs) builds this way unless DEVELOPER=0
# is given, with gcc and, for the sanitizer build, with clang.
ifeq ($(DEVELOPER),1)
WARN += -Werror
endif
# Every object is position-independent (the same objects make libsohoa.a and libsohoa.so) and
# hidden unless marked SOHOA_API, so libsohoa.so exports the public API only.
CFLAGS += -std=c11 -D_GNU_SOURCE $(WARN) -MMD -MP -pthread -fPIC -fvisibility=hidden
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs --static mupdf 2>/dev/null) \
	$(shell pkg-config --libs tesseract lept libpng libjpeg icu-uc icu-i18n 2>/dev/null) -lcsv -lstdc++ -lm -pthread
LDFLAGS ?=

# The library: every .c under the stage folders, core/ and api/ (the public calls on top).
LIB_SRC := $(sort $(wildcard core/*.c ingest/*.c normalize/*.c restore/*.c extract/*.c api/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB := $(BUILD)/libsohoa.a
SHLIB := $(BUILD)/libsohoa.so.$(VERSION)
SHLIB_LINKS := $(BUILD)/$(SONAME) $(BUILD)/libsohoa.so
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

# Example programs (examples/*.c): the public headers only, linked with build/libsohoa.so.
EXAMPLE_SRC := $(sort $(wildcard examples/*.c))
EXAMPLE_BIN := $(EXAMPLE_SRC:examples/%.c=$(BUILD)/examples/%)

all: $(BIN) $(SHLIB_LINKS) $(TOOL_BIN) $(EXAMPLE_BIN)

# Keep objects of tests and tools between builds (made by chained rules, they would be deleted).
.PRECIOUS: $(BUILD)/%.o

# Objects depend on the compiler and its code-generation flags (not the warnings): a stamp file
# holding them makes a change of either rebuild everything.
BUILD_FLAGS = $(CC) $(filter-out $(WARN),$(CFLAGS)) $(PKG_CFLAGS)
$(BUILD)/CFLAGS: FORCE
	@mkdir -p $(BUILD)
	@echo '$(BUILD_FLAGS)' | cmp -s - $@ || echo '$(BUILD_FLAGS)' >$@

$(BUILD)/%.o: %.c $(BUILD)/CFLAGS
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) $(OBJ_DEFS) $(PKG_CFLAGS) -c $< -o $@

# DATADIR is compiled into core/data.o: a stamp file holding it makes a new value rebuild it.
$(BUILD)/DATADIR: FORCE
	@mkdir -p $(BUILD)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@
$(BUILD)/core/data.o: $(BUILD)/DATADIR
$(BUILD)/core/data.o: OBJ_DEFS = -DSOHOA_DATADIR='"$(DATADIR)"'

$(LIB): $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

# The shared library exports the SOHOA_API functions only: -fvisibility=hidden hides the rest of
# ours, --exclude-libs the symbols of the static libraries linked in (MuPDF), and the version
# script, made from the SOHOA_API declarations of the public headers, anything else.
$(BUILD)/libsohoa.map: $(wildcard include/sohoa/*.h)
	@mkdir -p $(dir $@)
	$(Q){ echo '{ global:'; sed -n 's/^SOHOA_API .*[ *]\(sohoa_[a-z0-9_]*\)(.*/	\1;/p' $^; \
	  echo 'local: *; };'; } >$@

$(SHLIB): $(LIB_OBJ) $(BUILD)/libsohoa.map
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,--exclude-libs,ALL -Wl,-z,defs \
	  -Wl,--version-script,$(BUILD)/libsohoa.map -o $@ $(LIB_OBJ) $(PKG_LIBS)

$(SHLIB_LINKS): $(SHLIB)
	$(Q)ln -sf $(notdir $(SHLIB)) $(BUILD)/$(SONAME) && ln -sf $(SONAME) $(BUILD)/libsohoa.so

$(BUILD)/examples/%: examples/%.c include/sohoa/*.h $(SHLIB_LINKS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(filter-out -fvisibility=hidden -MMD -MP,$(CFLAGS)) -Iinclude $(LDFLAGS) -o $@ $< \
	  -L$(BUILD) -lsohoa -Wl,-rpath,'$$ORIGIN/..'

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

# CI runs `make test`: the build uses DEVELOPER=1 (warnings are errors) unless told otherwise.
TEST_DEVELOPER := $(if $(DEVELOPER),$(DEVELOPER),1)
test: deps
	$(Q)$(MAKE) --no-print-directory DEVELOPER=$(TEST_DEVELOPER) all $(UNIT_BIN)
	$(Q)if [ "$(SANITIZE)" != 0 ]; then $(MAKE) --no-print-directory DEVELOPER=$(TEST_DEVELOPER) sanitize; fi
	$(Q)if [ "$(FUZZ_CI)" != 0 ]; then $(MAKE) --no-print-directory fuzz-ci; fi
	$(Q)BUILD=$(BUILD) SANITIZE=$(SANITIZE) DEVELOPER=$(TEST_DEVELOPER) sh tests/run.sh

unit-test: $(UNIT_BIN)
	$(Q)BUILD=$(BUILD) ONLY=unit sh tests/run.sh

bench: all
	$(Q)for b in bench/*.sh; do echo "== $$b"; BUILD=$(BUILD) sh $$b || exit 1; done

sanitize:
	$(Q)$(MAKE) --no-print-directory BUILD=build-asan CC=clang \
	  CFLAGS="$(filter-out -O2,$(CFLAGS)) -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined" build-asan/sohoa $(UNIT_BIN:$(BUILD)/%=build-asan/%) \
	  $(FUZZ_NAMES:%=build-asan/fuzz/%)

# sohoa.pc: the library for pkg-config; Requires.private and Libs.private serve static linking.
$(BUILD)/sohoa.pc: api/sohoa.pc.in include/sohoa/version.h $(BUILD)/DATADIR
	$(Q)sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))|' \
	  -e 's|@INCLUDEDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))|' -e 's|@VERSION@|$(VERSION)|' \
	  -e 's|@REQUIRES@|$(PKGS)|' $< >$@

INSTALL_DIRS := $(BINDIR) $(LIBDIR) $(PKGCONFIGDIR) $(INCLUDEDIR)/sohoa $(DATADIR) $(MANDIR)/man1 \
	$(MANDIR)/man3 $(BASHCOMPDIR)
install: $(BIN) $(LIB) $(SHLIB) $(BUILD)/sohoa.pc
	install -d $(INSTALL_DIRS:%=$(DESTDIR)%)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/sohoa
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libsohoa.a
	install -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/
	ln -sf $(notdir $(SHLIB)) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libsohoa.so
	install -m 644 include/sohoa/*.h $(DESTDIR)$(INCLUDEDIR)/sohoa/
	install -m 644 $(BUILD)/sohoa.pc $(DESTDIR)$(PKGCONFIGDIR)/sohoa.pc
	install -m 644 docs/man/sohoa.1 $(DESTDIR)$(MANDIR)/man1/sohoa.1
	install -m 644 docs/man/libsohoa.3 $(DESTDIR)$(MANDIR)/man3/libsohoa.3
	install -m 644 cli/completion.bash $(DESTDIR)$(BASHCOMPDIR)/sohoa
	install -m 644 data/sohoa-lm.bin data/README $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/sohoa $(DESTDIR)$(LIBDIR)/libsohoa.a $(DESTDIR)$(LIBDIR)/libsohoa.so \
	  $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/$(notdir $(SHLIB)) $(DESTDIR)$(PKGCONFIGDIR)/sohoa.pc \
	  $(DESTDIR)$(MANDIR)/man1/sohoa.1 $(DESTDIR)$(MANDIR)/man3/libsohoa.3 $(DESTDIR)$(BASHCOMPDIR)/sohoa \
	  $(DESTDIR)$(DATADIR)/sohoa-lm.bin $(DESTDIR)$(DATADIR)/README
	rm -f $(patsubst include/%,$(DESTDIR)$(INCLUDEDIR)/%,$(wildcard include/sohoa/*.h))
	-rmdir $(DESTDIR)$(INCLUDEDIR)/sohoa $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf $(BUILD) build-asan build-fuzz

-include $(wildcard mk/*.mk)
FORCE:

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/unit/%.d) \
	$(TOOL_SRC:%.c=$(BUILD)/%.d) $(TOOL_LIB_SRC:%.c=$(BUILD)/%.d) \
	$(wildcard $(BUILD)/tests/fuzz/*.d)
