# Samples with ground truth (issue 3): `make samples` rebuilds samples/ from ../shared/seeds and
# ../shared/tables with tools/samples/mksamples.c (MuPDF story API), mkscan.c (Leptonica) and
# tesseract -l eng, see tools/samples/mksamples.sh and samples/README.md. FULL=1 also makes
# $(BUILD)/samples-full/ (every page at every level, about 70 MB) for `FULL=1 make bench`.
.PHONY: samples

# The story API lays text out with HarfBuzz, which the static MuPDF link does not list; the font
# subsetter is hb-subset.
$(BUILD)/tools/samples/mksamples.o: PKG_CFLAGS += $(shell pkg-config --cflags harfbuzz)
$(BUILD)/tools/mksamples: PKG_LIBS += -lharfbuzz-subset -lharfbuzz

SHARED ?= ../shared
FULL ?= 0

samples: $(BUILD)/tools/mksamples $(BUILD)/tools/mkscan
	$(Q)BUILD=$(BUILD) SHARED=$(SHARED) FULL=$(FULL) sh tools/samples/mksamples.sh all
