# The restoration language model: `make model` rebuilds data/sohoa-lm.bin (and data/gazetteer.tsv,
# data/heldout.txt) from ../shared/corpus; the built file is committed so a clone needs no corpus.
# `make model-eval` measures the strip job on the held-out slice and on the clean seeds, with the
# errors counted by cause (restore-eval --why: foreign word, not in the vocabulary, cut from the
# candidates, capitalized, lower-case) and the accuracy on words inside gazetteer names.
.PHONY: model model-eval
CORPUS ?= ../shared/corpus
SEEDS ?= ../shared/seeds
MODEL ?= data/sohoa-lm.bin

model: $(BUILD)/tools/build-model
	$(Q)$(BUILD)/tools/build-model -v --corpus $(CORPUS) -o $(MODEL) --heldout data/heldout.txt \
	  --gazetteer data/gazetteer.tsv --channel-tokens data/channel-tokens.tsv --channel-chars data/channel-chars.tsv

model-eval: $(BUILD)/tools/restore-eval
	$(Q)echo "strip, clean seeds 000 002 003 004 stripped (whole documents):"
	$(Q)$(BUILD)/tools/restore-eval --why --model $(MODEL) $(SEEDS)/000_*.txt $(SEEDS)/002_*.txt $(SEEDS)/003_*.txt $(SEEDS)/004_*.txt
	$(Q)echo "strip, held-out corpus slice (data/heldout.txt, line by line): all, legal/administrative, Wikipedia:"
	$(Q)$(BUILD)/tools/restore-eval --why --names data/gazetteer.tsv --model $(MODEL) --lines --list data/heldout.txt --root $(CORPUS)
	$(Q)t=$$(mktemp); grep -E '^(vlc|modern)-legal/' data/heldout.txt >$$t; \
	  $(BUILD)/tools/restore-eval --why --model $(MODEL) --lines --list $$t --root $(CORPUS); \
	  grep '^viwiki/' data/heldout.txt >$$t; \
	  $(BUILD)/tools/restore-eval --why --model $(MODEL) --lines --list $$t --root $(CORPUS); rm -f $$t
