# The eng-OCR confusion channel (issue 7): `make channel` renders corpus text, reads it with
# `tesseract -l eng` and rewrites data/channel-tokens.tsv and data/channel-chars.tsv.
# CHANNEL_PAGES sets how many pages for the three batches (300, 200 and 150 dpi; about 2-3 s of tesseract per page per core).
.PHONY: channel
CHANNEL_PAGES ?= 600 300 150

channel: $(BUILD)/tools/learn-channel
	$(Q)BUILD=$(BUILD) sh tools/model/learn-channel.sh $(CHANNEL_PAGES)
