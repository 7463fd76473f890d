# Samples with ground truth (issue 3): `make samples` rebuilds samples/ from ../shared/seeds and
# ../shared/tables with tools/mksamples (MuPDF story API) and tools/mkscan (Leptonica), see
# tools/mksamples.sh and samples/README.md.
.PHONY: samples

# The story API lays text out with HarfBuzz, which the static MuPDF link does not list; the font
# subsetter is hb-subset.
$(BUILD)/tools/mksamples.o: PKG_CFLAGS += $(shell pkg-config --cflags harfbuzz)
$(BUILD)/tools/mksamples: PKG_LIBS += -lharfbuzz-subset -lharfbuzz

SHARED ?= ../shared

samples: $(BUILD)/tools/mksamples $(BUILD)/tools/mkscan
	$(Q)BUILD=$(BUILD) SHARED=$(SHARED) sh tools/mksamples.sh
