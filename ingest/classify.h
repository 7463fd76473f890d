/* classify: private to ingest/. Decides whether a page's text layer is worth keeping or the page
 * should be read by OCR instead (--ocr auto). Pure C over the page's text, font names and image
 * coverage, so it is unit-tested without MuPDF. */
#ifndef SOHOA_INGEST_CLASSIFY_H
#define SOHOA_INGEST_CLASSIFY_H

#include <stddef.h>

typedef struct ingest_page_info {
	const char *text;          /* the page's text layer, UTF-8, lines joined by '\n' */
	size_t len;
	const char *const *fonts;  /* font names used on the page (subset prefix allowed) */
	size_t nfonts;
	float image_cover;         /* share of the page area under its largest image, 0..1 */
} ingest_page_info;

typedef enum ingest_text_kind {
	INGEST_TEXT_OK,            /* keep the text layer */
	INGEST_TEXT_NONE,          /* no text at all */
	INGEST_TEXT_SCAN_LAYER,    /* a little text over a full-page image: an old OCR layer */
	INGEST_TEXT_GARBAGE,       /* U+FFFD, control or private-use characters, no plausible words */
	INGEST_TEXT_LEGACY,        /* TCVN3/VNI bytes in legacy fonts: keep, normalize converts */
	INGEST_TEXT_NO_MARKS       /* Vietnamese words without their diacritics (an OCR layer without vie) */
} ingest_text_kind;

typedef struct ingest_verdict {
	ingest_text_kind kind;
	int usable;                /* 1: keep the text (OK or LEGACY); 0: OCR it when there is an image */
	const char *encoding;      /* "tcvn3" or "vni" for LEGACY, else NULL (static string) */
	char reason[160];          /* short text for -v and the TSV, e.g. "garbage text (12% bad characters)" */
	/* The measures behind the verdict, for tests and -vv. */
	size_t chars, letters, bad, words, viet_words, marked_words, tcvn_words, vni_words;
} ingest_verdict;

/* Classify one page. Never fails; info->text may be NULL when len is 0. */
void ingest_classify(const ingest_page_info *info, ingest_verdict *v);

#endif
