/* cer-flex: character error rate that does not depend on reading order (bench/restore.sh, vie).
 *
 *   build/tools/cer-flex [-v] [-l] TRUTH OUTPUT
 *
 * A page read by OCR lists a table's cells column piece by column piece, while the truth lists
 * them row by row; a plain edit distance then counts every moved cell as deleted and inserted,
 * errors no text correction can remove. Here each output line (longest first) is aligned to the
 * stretch of the truth it matches best (free start and end, truth used once), as in the
 * "flexible character accuracy" of Clausner, Pletschacher and Antonacopoulos (ICDAR 2020):
 *   errors = edits inside matched lines + characters of unmatched output lines (more than half
 *            wrong: debris) + truth characters no line covered (spaces aside: line breaks);
 *   chars  = truth length in code points (NFC, white space runs folded to one space), as cer.
 * Prints "chars N edits E cer P" (the syl-accuracy -C format). -v adds the errors by kind:
 *   mark     same base letters, other tone or vowel mark ("thế" for "thể")
 *   case     same letter, other case
 *   letter   other letters (a letter for a letter, a letter dropped or added)
 *   space    a space dropped or added inside a line ("hỗ trợpháp")
 *   punct    punctuation or symbols ("=" for "-", a dropped bullet)
 *   debris   output lines matching nothing (stamps, signatures, noise)
 *   missing  truth text no output line covers
 * -l lists each error as "kind<TAB>truth<TAB>output" (the differing stretch in its word).
 *
 *   build/tools/cer-flex -w [-l] [-L LAYOUT] GOLD OUTPUT
 *
 * The same for syllables (bench/restore.sh, eng-OCR): words as syl-accuracy counts them (white space
 * tokens with a letter, edge punctuation off, compared by sohoa_viet_key, case aside); each output
 * line (most words first) aligned word by word where it matches the gold text best, a run of three
 * or more output words matching nothing there cut off and aligned on its own (an OCR line that
 * runs across two table cells or two letterhead columns). Prints "units N correct C accuracy P
 * stray S": gold words exactly right, and output words that matched nowhere. -L: the output is a
 * restoration of LAYOUT, whose line breaks the restorer's reflow joined: the output's words take
 * the lines of the LAYOUT words they line up with (same letters, marks aside), so each OCR line is
 * placed on its own. -l lists the gold words not exactly right as "gold<TAB>got".
 * Exit 0, or 2 on bad usage / unreadable files. */
#include "../lib/tool.h"
#include "../../core/array.h"
#include "../../core/icu.h"
#include "../../core/viet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K_MARK, K_CASE, K_LETTER, K_SPACE, K_PUNCT, K_DEBRIS, K_MISSING, K_N };
static const char *const kind_name[K_N] = {"mark", "case", "letter", "space", "punct", "debris", "missing"};
#define USED 0xFFFFFFFFu

typedef struct line_ref { const uint32_t *cp; size_t n, at; } line_ref; /* at: the line's number */

/* Longest first; lines of one length in their order. */
static int by_len_desc(const void *a, const void *b)
{
	const line_ref *x = a, *y = b;
	return x->n < y->n ? 1 : x->n > y->n ? -1 : (x->at > y->at) - (x->at < y->at);
}

static void put_cps(const uint32_t *cp, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char u[4];
		if (cp[i] == USED)
			continue;
		fwrite(u, 1, sohoa_utf8_encode(cp[i], u), stdout);
	}
}

static int is_letter(uint32_t c)
{
	uint32_t b = sohoa_viet_base(c);
	return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || c > 0x24F;
}

static uint32_t lower_base(uint32_t c)
{
	uint32_t b = sohoa_viet_base(c);
	return b >= 'A' && b <= 'Z' ? b + 32 : b;
}

/* Kind of one differing stretch: truth t[0..tn) read as o[0..on). */
static int stretch_kind(const uint32_t *t, size_t tn, const uint32_t *o, size_t on)
{
	int letters = 0, spaces = 0;
	for (size_t i = 0; i < tn; i++)
		letters += is_letter(t[i]), spaces += t[i] == ' ';
	for (size_t i = 0; i < on; i++)
		letters += is_letter(o[i]), spaces += o[i] == ' ';
	if (tn == on && letters) {
		int same_base = 1, same_lower = 1;
		for (size_t i = 0; i < tn; i++) {
			if (lower_base(t[i]) != lower_base(o[i]) || !is_letter(t[i]))
				same_base = 0;
			uint32_t pt, po;
			int tt, to, ut, uo;
			if (!sohoa_viet_letter(t[i], &pt, &tt, &ut) || !sohoa_viet_letter(o[i], &po, &to, &uo) || pt != po ||
			    tt != to)
				same_lower = 0;
		}
		if (same_lower)
			return K_CASE;
		if (same_base)
			return K_MARK;
	}
	if (letters)
		return K_LETTER;
	if (spaces == (int)(tn + on))
		return K_SPACE;
	return K_PUNCT;
}

/* --- -w: flexible syllable accuracy --- */

typedef struct wseq {
	char **key;
	size_t *line;
	size_t n, cap, lcap;
} wseq;

/* Words as syl-accuracy counts them (words_next), compared by sohoa_viet_key (tone placement
 * and case aside); each with its line number. */
static void wseq_split(const char *s, size_t n, wseq *w)
{
	size_t i = 0, line = 0, start, end;
	sohoa_buf key = {0};
	while (words_next(s, n, &i, &start, &end, &line)) {
		key.len = 0;
		sohoa_viet_key(s + start, end - start, &key);
		if (SOHOA_GROW(w->key, w->n + 1, w->cap) || SOHOA_GROW(w->line, w->n + 1, w->lcap))
			die("out of memory");
		w->key[w->n] = xstrdup(key.data ? key.data : "");
		w->line[w->n] = line;
		w->n++;
	}
	sohoa_buf_free(&key);
}

/* Lowercase ASCII skeleton of a key (marks off), for lining up a text with its restoration. */
static void skeleton(const char *k, char *out, size_t cap)
{
	size_t o = 0, n = strlen(k);
	for (size_t i = 0; i < n && o + 1 < cap;) {
		uint32_t cp;
		i += sohoa_utf8_decode(k + i, n - i, &cp);
		uint32_t b = lower_base(cp);
		out[o++] = b < 0x80 ? (char)b : '?';
	}
	out[o] = 0;
}

typedef char skel[48];

typedef struct relining {
	const skel *sa, *sb; /* skeletons of the layout's words, of hyp's */
	const size_t *line;  /* the layout words' lines */
	size_t *nl;          /* hyp words' lines */
} relining;

static double skel_cost(const void *arg, size_t i, size_t j)
{
	const relining *r = arg;
	return strcmp(r->sa[i], r->sb[j]) != 0;
}

static void skel_pair(void *arg, size_t i, size_t j)
{
	relining *r = arg;
	r->nl[j] = r->line[i];
}

/* Give hyp's words the line numbers of the layout text they were restored from: the two word
 * sequences aligned (same skeleton: free; another word or one missing: 1). */
static void relines(wseq *hyp, const wseq *lay)
{
	size_t a = lay->n, b = hyp->n;
	skel *sa = xmalloc((a + 1) * sizeof *sa), *sb = xmalloc((b + 1) * sizeof *sb);
	size_t *nl = xmalloc((b + 1) * sizeof *nl);
	for (size_t i = 0; i < a; i++)
		skeleton(lay->key[i], sa[i], sizeof sa[i]);
	for (size_t j = 0; j < b; j++)
		skeleton(hyp->key[j], sb[j], sizeof sb[j]);
	for (size_t j = 0; j < b; j++)
		nl[j] = (size_t)-1;
	relining r = {sa, sb, lay->line, nl};
	align_spec spec = {skel_cost, &r, 1, 0};
	align_pairs(&spec, a, b, skel_pair, &r);
	size_t last = 0;
	for (size_t k = 0; k < b; k++) {
		if (nl[k] == (size_t)-1)
			nl[k] = last; /* a word the layout text lacks: with the word before */
		last = nl[k];
		hyp->line[k] = nl[k];
	}
	free(sa);
	free(sb);
	free(nl);
}

typedef struct piece { size_t a, b; } piece; /* hyp words [a, b) */

/* Placement cost of hyp word j against truth word i: 0 the same word, 1 the same letters with
 * other marks (so the unrestored input can be placed too), 3 another word; a word left out 2, so a
 * run of words from elsewhere is cut off rather than paired with whatever follows. */
typedef struct wctx {
	char **tkey, **hkey;
	skel *tsk, *hsk;
	const unsigned char *used;
	size_t h0; /* the hyp words aligned start here */
} wctx;

static double wcost(const void *arg, size_t j, size_t i)
{
	const wctx *c = arg;
	j += c->h0;
	if (c->used[i])
		return 3;
	if (!strcmp(c->tkey[i], c->hkey[j]))
		return 0;
	return strcmp(c->tsk[i], c->hsk[j]) ? 3 : 1;
}

#define RUN_SPLIT 3 /* this many hyp words in a row matching nothing here are tried elsewhere */

static int words_main(const char *truth_path, const char *hyp_path, const char *layout_path, int list)
{
	size_t tn, hn, ln = 0;
	char *t = tool_read(truth_path, &tn), *h = tool_read(hyp_path, &hn), *l = NULL;
	wseq tw = {0}, hw = {0}, lw = {0};
	wseq_split(t, tn, &tw);
	wseq_split(h, hn, &hw);
	if (layout_path) {
		l = tool_read(layout_path, &ln);
		wseq_split(l, ln, &lw);
		relines(&hw, &lw);
	}
	unsigned char *used = xmalloc(tw.n + 1);
	char **got = xmalloc((tw.n + 1) * sizeof *got);
	skel *tsk = xmalloc((tw.n + 1) * sizeof *tsk), *hsk = xmalloc((hw.n + 1) * sizeof *hsk);
	size_t cap = 0, np = 0;
	piece *q = NULL;
	memset(used, 0, tw.n + 1);
	memset(got, 0, (tw.n + 1) * sizeof *got);
	for (size_t j = 0; j < tw.n; j++)
		skeleton(tw.key[j], tsk[j], sizeof tsk[j]);
	for (size_t j = 0; j < hw.n; j++)
		skeleton(hw.key[j], hsk[j], sizeof hsk[j]);
	wctx c = {tw.key, hw.key, tsk, hsk, used, 0};
	align_spec spec = {wcost, &c, 2, 1};
	for (size_t a = 0; a < hw.n;) {
		size_t b = a;
		while (b < hw.n && hw.line[b] == hw.line[a])
			b++;
		if (SOHOA_GROW(q, np + 1, cap))
			die("out of memory");
		q[np++] = (piece){a, b};
		a = b;
	}
	size_t stray = 0;
	while (np) {
		/* the longest piece first */
		size_t best = 0;
		for (size_t k = 1; k < np; k++)
			if (q[k].b - q[k].a > q[best].b - q[best].a)
				best = k;
		piece p = q[best];
		q[best] = q[--np];
		size_t n = p.b - p.a;
		align_path path;
		c.h0 = p.a;
		size_t dist = (size_t)align_run(&spec, n, tw.n, &path), st = path.start, en = path.end, nops = path.n;
		const unsigned char *ops = path.op;
		/* runs of hyp words matching nothing here go back in the queue; what is left (the core)
		 * is placed if it costs at most 2 a word */
		size_t core = n, hi = p.a;
		for (size_t k = 0; k < nops;) {
			if (ops[k] != ALIGN_ROW) {
				hi += ops[k] != ALIGN_COL;
				k++;
				continue;
			}
			size_t r0 = hi;
			while (k < nops && ops[k] == ALIGN_ROW)
				hi++, k++;
			if (hi - r0 >= RUN_SPLIT && hi - r0 < n) {
				if (SOHOA_GROW(q, np + 1, cap))
					die("out of memory");
				q[np++] = (piece){r0, hi};
				core -= hi - r0;
				dist -= 2 * (hi - r0);
			}
		}
		if (core && dist > 2 * core) /* matches nothing well: stray words */
			stray += core;
		if (core && dist <= 2 * core) {
			size_t ti = st;
			hi = p.a;
			for (size_t k = 0; k < nops; k++) {
				if (ops[k] == ALIGN_ROW) {
					hi++;
					continue;
				}
				if (ops[k] == ALIGN_COL) {
					ti++;
					continue;
				}
				if (!used[ti])
					got[ti] = hw.key[hi];
				ti++, hi++;
			}
			for (size_t j = st; j < en; j++)
				used[j] = 1;
		}
		free(path.op);
	}
	size_t correct = 0;
	for (size_t j = 0; j < tw.n; j++) {
		int ok = got[j] && strcmp(got[j], tw.key[j]) == 0;
		correct += ok;
		if (list && !ok)
			printf("%s\t%s\n", tw.key[j], got[j] ? got[j] : "");
	}
	if (!list)
		printf("units %zu correct %zu accuracy %.4f stray %zu\n", tw.n, correct,
		       tw.n ? (double)correct / (double)tw.n : 0.0, stray);
	return 0;
}

int main(int argc, char **argv)
{
	int verbose = 0, list = 0, words = 0, i = 1;
	const char *layout = NULL;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "-v"))
			verbose = 1;
		else if (!strcmp(argv[i], "-l"))
			list = verbose = 1;
		else if (!strcmp(argv[i], "-w"))
			words = 1;
		else if (!strcmp(argv[i], "-L") && i + 1 < argc)
			layout = argv[++i];
		else
			break;
	}
	if (argc - i != 2) {
		fprintf(stderr, "usage: cer-flex [-v] [-l] TRUTH OUTPUT | -w [-l] [-L LAYOUT] TRUTH OUTPUT\n"
				"prints \"chars N edits E cer P\" (or with -w \"units N correct C accuracy P stray S\"),\n"
				"output lines matched to the truth in any order\n");
		return 2;
	}
	if (words)
		return words_main(argv[i], argv[i + 1], layout, list);
	sohoa_ctx *ctx = sohoa_ctx_new(NULL);
	if (!ctx)
		return 2;
	size_t tn, on;
	char *t = tool_read(argv[i], &tn), *o = tool_read(argv[i + 1], &on);
	sohoa_buf bt = {0}, bo = {0};
	if (sohoa_icu_nfc(ctx, t, tn, &bt) != SOHOA_OK || sohoa_icu_nfc(ctx, o, on, &bo) != SOHOA_OK)
		die("%s", sohoa_errmsg(ctx));
	size_t ntruth;
	uint32_t *truth = tool_cps(bt.data ? bt.data : "", bt.len, cer_is_space, &ntruth);
	/* output lines, each folded */
	size_t cap = 0, nl = 0;
	line_ref *lines = NULL;
	const char *s = bo.data ? bo.data : "";
	for (size_t a = 0; a < bo.len;) {
		size_t b = a;
		while (b < bo.len && s[b] != '\n')
			b++;
		size_t n;
		uint32_t *cp = tool_cps(s + a, b - a, cer_is_space, &n);
		if (n) {
			if (SOHOA_GROW(lines, nl + 1, cap))
				die("out of memory");
			lines[nl] = (line_ref){cp, n, nl};
			nl++;
		} else {
			free(cp);
		}
		a = b + 1;
	}
	qsort(lines, nl, sizeof *lines, by_len_desc);
	size_t errors = 0, by_kind[K_N] = {0};
	for (size_t k = 0; k < nl; k++) {
		const uint32_t *l = lines[k].cp;
		size_t ln = lines[k].n;
		align_cps cps = {l, truth};
		align_spec spec = {NULL, &cps, 1, 1};
		align_path path;
		size_t dist = (size_t)align_run(&spec, ln, ntruth, &path), st = path.start, en = path.end, nops = path.n;
		unsigned char *ops = path.op;
		if (2 * dist > ln) { /* matches nothing: debris */
			errors += ln;
			by_kind[K_DEBRIS] += ln;
			if (list) {
				printf("debris\t\t");
				put_cps(l, ln);
				putchar('\n');
			}
			free(ops);
			continue;
		}
		errors += dist;
		/* differing stretches, each classified, counted by its edits */
		size_t ti = st, li = 0;
		for (size_t q = 0; q < nops;) {
			if (ops[q] == ALIGN_SAME) {
				ti++, li++, q++;
				continue;
			}
			size_t t0 = ti, l0 = li, e = 0;
			while (q < nops && ops[q] != ALIGN_SAME) {
				e++;
				if (ops[q] == ALIGN_OTHER)
					ti++, li++;
				else if (ops[q] == ALIGN_COL)
					ti++;
				else
					li++;
				q++;
			}
			int kind = stretch_kind(truth + t0, ti - t0, l + l0, li - l0);
			by_kind[kind] += e;
			if (list) {
				size_t a = t0, b = ti, c = l0, d = li;
				while (a > st && truth[a - 1] != ' ' && c > 0 && l[c - 1] != ' ')
					a--, c--;
				while (b < en && truth[b] != ' ' && d < ln && l[d] != ' ')
					b++, d++;
				printf("%s\t", kind_name[kind]);
				put_cps(truth + a, b - a);
				putchar('\t');
				put_cps(l + c, d - c);
				putchar('\n');
			}
		}
		for (size_t j = st; j < en; j++)
			truth[j] = USED;
		free(ops);
	}
	/* truth no line covered (spaces aside: where the output broke its lines) */
	for (size_t j = 0; j < ntruth;) {
		if (truth[j] == USED || truth[j] == ' ') {
			j++;
			continue;
		}
		size_t a = j;
		while (j < ntruth && truth[j] != USED)
			j++;
		size_t b = j;
		while (b > a && truth[b - 1] == ' ')
			b--;
		size_t n = b - a;
		errors += n;
		by_kind[K_MISSING] += n;
		if (list) {
			printf("missing\t");
			put_cps(truth + a, b - a);
			printf("\t\n");
		}
	}
	printf("chars %zu edits %zu cer %.4f\n", ntruth, errors, ntruth ? (double)errors / (double)ntruth : (double)errors);
	if (verbose)
		for (int k = 0; k < K_N; k++)
			printf("  %-8s %zu\n", kind_name[k], by_kind[k]);
	for (size_t k = 0; k < nl; k++)
		free((void *)lines[k].cp);
	free(lines);
	free(truth);
	free(t);
	free(o);
	sohoa_buf_free(&bt);
	sohoa_buf_free(&bo);
	sohoa_ctx_free(ctx);
	return 0;
}
