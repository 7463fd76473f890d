# The vie job's Vietnamese-OCR mark channel (issue 7): `make vie-channel` lays training corpus text out
# as official documents, scans and reads them with `sohoa ingest --lang vie`, and rewrites
# data/channel-vie.tsv and restore/ocrfix-vie.h (rebuild afterwards). VIE_CHANNEL_DOCS documents
# of 60 paragraphs (about 4-5 pages each, 4 s of OCR a page); the shipped table used 16 (73 pages).
.PHONY: vie-channel
VIE_CHANNEL_DOCS ?= 16

vie-channel: $(BIN) $(BUILD)/tools/mksamples $(BUILD)/tools/mkscan $(BUILD)/tools/learn-channel
	$(Q)BUILD=$(BUILD) sh tools/model/learn-vie-channel.sh $(VIE_CHANNEL_DOCS)
