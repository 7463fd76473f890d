/* tools/lib: what the programs under tools/ share, linked as build/tools/libtools.a (never part of
 * the library): one way to fail, one file reader, one alignment (edit distance), the character
 * error rate, and what the scores count as a word. Unit tests that score OCR output link it too. */
#ifndef SOHOA_TOOL_H
#define SOHOA_TOOL_H

#include "../../core/sohoa.h"

/* --- failing and reading (tool.c) --- */

/* die()'s exit status: 2 (bad usage or input, as the evaluation tools document) unless the
 * program sets another first. */
extern int tool_exit_status;
/* "PROGRAM: message" on standard error, then exit(tool_exit_status). */
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* malloc and strdup that die when memory runs out. */
void *xmalloc(size_t n);
char *xstrdup(const char *s);
/* The whole file at path ("-": standard input), NUL-terminated, its length in *n (may be NULL);
 * dies when it cannot be read. The caller frees it. */
char *tool_read(const char *path, size_t *n);

/* --- alignment (align.c) --- */

/* The cost of pairing row item i with column item j (0: the same). */
typedef double (*align_cost)(const void *arg, size_t i, size_t j);

typedef struct align_spec {
	align_cost cost;  /* NULL: rows and columns are code points (arg: align_cps), 0 equal, 1 not;
	                   * gap is then a whole number */
	const void *arg;
	double gap;       /* the cost of an item left unpaired, row or column */
	int free_ends;    /* 1: the rows align with one stretch of the columns; the columns before and
	                   * after it cost nothing (a line of output placed in the truth) */
} align_spec;

typedef struct align_cps { const uint32_t *row, *col; } align_cps;

/* An alignment as steps from the start: a row item paired with a column item at no cost (SAME)
 * or at some (OTHER), a column item left unpaired (COL), a row item left unpaired (ROW). */
enum { ALIGN_SAME, ALIGN_OTHER, ALIGN_COL, ALIGN_ROW };
typedef struct align_path {
	unsigned char *op; /* malloc'd; the caller frees it */
	size_t n;
	size_t start, end; /* the columns [start, end) the rows align with (0, ncols without free ends) */
} align_path;

/* The least total cost of aligning nrows row items with ncols column items (the edit distance for
 * unit costs). With path, also an alignment of that cost: traced from the end, a pairing is
 * preferred, then an unpaired row item, then an unpaired column item. Memory: two rows of costs,
 * and (with path) one byte per cell. Dies when out of memory. */
double align_run(const align_spec *s, size_t nrows, size_t ncols, align_path *path);
/* Align as align_run and call pair(arg, i, j) for each row item i paired with column item j,
 * from the end of the alignment to its start. */
void align_pairs(const align_spec *s, size_t nrows, size_t ncols, void (*pair)(void *arg, size_t i, size_t j),
		 void *arg);

/* --- text as code points, the character error rate (cer.c) --- */

/* 1 for Unicode white space (ASCII, NEL, NBSP, the U+2000 spaces, ideographic space, BOM). */
int cer_is_space(uint32_t c);
/* s[0..n) decoded into a new array of code points (invalid bytes as U+FFFD), its length in
 * *count; with is_space, every run of white space becomes one space, none at either end. Dies
 * when out of memory; the caller frees the array. */
uint32_t *tool_cps(const char *s, size_t n, int (*is_space)(uint32_t), size_t *count);
/* The character error rate of output against truth (UTF-8): the edit distance over code points,
 * white space folded (cer_is_space), over the truth's length (the distance itself when the truth
 * is empty); *errors and *chars set. nfc: both put in NFC first. -1 on error (message in ctx). */
double cer_compare(sohoa_ctx *ctx, const char *truth, size_t tn, const char *output, size_t on, int nfc,
		   size_t *errors, size_t *chars);

/* --- words, as syl-accuracy and cer-flex -w count them (words.c) --- */

/* 1 for the white space that separates words (ASCII space and controls, NBSP). */
int words_is_space(uint32_t cp);
/* 1 for a letter of Vietnamese (with or without marks, either case). */
int words_is_letter(uint32_t cp);
/* The next word of s[0..n) from *i on: a white-space token holding a letter, with its edge
 * punctuation (,.;:!?()[]{}"'`*) taken off, as the bytes [*start, *end); *i moves past it.
 * line (may be NULL) counts the line breaks passed. 0 when no word is left. */
int words_next(const char *s, size_t n, size_t *i, size_t *start, size_t *end, size_t *line);

#endif
