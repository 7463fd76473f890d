/* normalize: from what ingest read to clean NFC Vietnamese text with a map back to the source,
 * including diacritic restoration (restore.h) when the text lost its marks. */
#ifndef SOHOA_NORMALIZE_H
#define SOHOA_NORMALIZE_H

#include "../core/sohoa.h"
#include "../ingest/ingest.h"

/* One output line (a paragraph, heading, list item or table row after reflow). */
typedef struct sohoa_tline {
	char *text;       /* normalized UTF-8, no '\n' */
	int page;         /* source page of the first source line (1-based) */
	int line;         /* source line number within that page (1-based) */
	int page_end;     /* source page/line of the last source line joined into this one */
	int line_end;
	int restored;     /* 1 when restoration changed this line */
} sohoa_tline;

typedef struct sohoa_text {
	char *doc;        /* document name */
	sohoa_tline *lines;
	size_t nlines;
	const char *restore_mode; /* what restoration did overall: "off", "strip", "ocr", "vie", "mixed" */
} sohoa_text;

/* Normalize a whole document (encodings, Unicode, tone style, layout, restoration as set in
 * ctx->opt). Returns a new text the caller frees with sohoa_text_free. */
sohoa_status sohoa_normalize_doc(sohoa_ctx *ctx, const sohoa_doc *doc, sohoa_text **text);
void sohoa_text_free(sohoa_text *text);

/* Write the text, one line per tline, '\f' where the source page changes between lines. */
sohoa_status sohoa_text_write(sohoa_ctx *ctx, const sohoa_text *text, sohoa_buf *out);

/* ---- marker.c: what a line starts with, the one heading/bullet classifier ----
 * Two readings of one line s[0..n) (UTF-8, NFC, no '\n'), each a contract its user relies on:
 * - the block reading (reflow): does the line open a block of its own — a numbered item, a heading
 *   of the legal outline or a bullet — so that it is never joined to the line above? Liberal: any
 *   marker counts, whatever follows it.
 * - the outline reading (the extractors): the numbering that places a statement in the document's
 *   section tree ("II" > "II.1" > "II.1.a"), with the number normalized and where the title starts.
 *   Strict: a Roman numeral needs a title that is not lowercase, a number at most two digits a part.
 * Neither reads past s[n). */
typedef enum sohoa_marker_kind {
	SOHOA_MARK_NONE,
	SOHOA_MARK_ROMAN,   /* "II.", "IV)", "III TITLE IN CAPITALS", "IV" alone */
	SOHOA_MARK_NUMBER,  /* "1.", "1.2.", "1. 1.", "2)", "(1)", "1.6" alone */
	SOHOA_MARK_LETTER,  /* "a)", "đ)", "A.", "(a)" */
	SOHOA_MARK_ARTICLE, /* "Điều 5.", "CHƯƠNG II", "Mục 1", "Phần I" (block reading only) */
	SOHOA_MARK_BULLET,  /* "- ", "+ ", "* ", "•", "– " */
	SOHOA_MARK_FIGURE,  /* four digits or more where a number would be: a year, an amount (block
			     * reading only): the line is text, whatever its case */
} sohoa_marker_kind;

/* The block reading of a line without leading spaces:
 * ARTICLE  "Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN" + space + a digit or one of IVXLC;
 * ROMAN    letters of IVXLC (an 'l' after a first 'I' too: OCR's "Il.") + '.' or ')' + space;
 * LETTER   one cased letter (Latin, Vietnamese, Greek, Cyrillic) + ')' + space, or a capital + '.' +
 *          space; or '(' + 1-5 of [a-z0-9] + ')' + space starting with a letter;
 * NUMBER   the same in parentheses starting with a digit; or groups of 1-3 digits joined by '.'
 *          (and at most one space: "1. 1.") closed by '.' or ')' or of two groups or more, + space;
 * FIGURE   a group of four digits or more in that place;
 * BULLET   one of "•–—·▪►○●◦" and U+F0B7, or "-", "+", "*" before a space or a capital. */
sohoa_marker_kind sohoa_marker_block(const char *s, size_t n);

/* The outline reading's result. */
typedef struct sohoa_marker {
	sohoa_marker_kind kind; /* NONE, ROMAN, NUMBER, LETTER or BULLET */
	char id[32];            /* the number normalized: "II" (OCR's "Il" read as "II"), "1.2" (from
				 * "1.2.", "1. 2."), "a", "đ"; "" for a bullet */
	int parts;              /* parts of a NUMBER: 2 for "1.2" */
	size_t title;           /* offset in s where the text after the marker starts; n when the line
				 * is the number alone and its title is on the next line */
} sohoa_marker;

/* The outline reading of a line (leading spaces and tabs skipped); fills *m, returns m->kind:
 * ROMAN   1-5 letters of IVX, then '.' or ')', a space and a title not starting in lowercase; or
 *         a space and a title in capitals (sohoa_caps) starting with a capital or a digit; or two
 *         letters or more alone on the line (dots aside). OCR's "Il" only as "Il.";
 * NUMBER  parts of 1-2 digits joined by '.' (and at most one space), closed by '.' or ')' (or of two
 *         parts or more), then a space and a title that does not start with a digit or '%'; or of
 *         two parts or more alone on the line ("1.6", a table code);
 * LETTER  [a-z] or 'đ' + ')' + space;
 * BULLET  "-", "+", "*" before a space or tab; "•"; "–", "—" before a space. */
sohoa_marker_kind sohoa_marker_outline(const char *s, size_t n, sohoa_marker *m);

/* The Vietnamese letters (sohoa_viet_letter: a-z, đ, the vowels with their marks, either case) in
 * s[0..n); *lower (may be NULL) gets how many of them are lowercase. */
size_t sohoa_letters(const char *s, size_t n, size_t *lower);
/* 1 when s[0..n) is in capitals: two Vietnamese letters or more and none lowercase. */
int sohoa_caps(const char *s, size_t n);

#endif
