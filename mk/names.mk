# Given names of the training text (issue 13, item 6): `make names` rewrites extract/docnames.h from
# ../shared/corpus with tools/model/name-syllables.py (counts of given names only, no text; rebuild
# afterwards). About 30 s on one core.
.PHONY: names
NAMES_CORPUS ?= ../shared/corpus

names:
	$(Q)python3 tools/model/name-syllables.py $(NAMES_CORPUS)/vlc-legal $(NAMES_CORPUS)/modern-legal \
		$(NAMES_CORPUS)/viwiki >extract/docnames.h.tmp && mv extract/docnames.h.tmp extract/docnames.h
