/* layer: the restored text on the OCR words, and the text layer's content stream.
 *
 * normalize's output lines are paragraphs, each naming the first and last source line it was made
 * from (the lines between are its other lines, less running headers and page numbers). The
 * paragraph's words (split at white space) are aligned to the OCR words of those source lines by
 * a dynamic program over their letters without marks (a restored "Cục" still matches the OCR's
 * "Cuc" or "Ciic"; a syllable rejoined across a hyphen matches its first half): a match costs the
 * normalized edit distance of the two keys, a word left out or a word added costs 1. Each source
 * line then gets the paragraph words aligned to its OCR words. Where every OCR word of a line got
 * exactly one word, each goes on its own box; otherwise the line's words are spread over the
 * line's box by length. Lines no paragraph covers (dropped as page furniture) keep what OCR read.
 *
 * The content stream sets each word with the glyphless font (font.c), invisible (3 Tr), level,
 * scaled (Tz) so that the word and the space after it fill the distance to the next word, at the
 * height of the line through the word boxes' centres with the page's skew as its slope: on that
 * line's level at its middle when the slope moves the line less than half its size (poppler's
 * pdftotext joins words into one line only within that), else each word on its own point of the
 * slope (MuPDF still reads such a line whole; pdftotext cuts it where it drifts; slanted glyphs
 * would be cut apart inside words). Extraction sees the words where the image shows them. */
#include "output-int.h"
#include "../core/array.h"
#include "../core/icu.h"
#include "../core/viet.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define KEY_MAX 24
#define DP_MAX_CELLS 4000000 /* beyond this a paragraph is spread by word count instead */

typedef struct lline {
	char **words;        /* per OCR word: the text placed on it (owned), NULL for none */
	int *ntok;           /* per OCR word: paragraph words aligned to it */
	size_t nwords;
	int covered;         /* some paragraph word went to this line */
	int spread;          /* place the words' text as one run spread over the line */
} lline;

typedef struct lpage {
	lline *lines;
	size_t nlines;
} lpage;

struct out_layer {
	const sohoa_doc *doc;
	lpage *pages;
	size_t npages;
	size_t *first;       /* global index of each page's first line */
};

void out_layer_free(out_layer *layer)
{
	if (!layer)
		return;
	for (size_t p = 0; p < layer->npages; p++) {
		for (size_t l = 0; l < layer->pages[p].nlines; l++) {
			lline *ln = &layer->pages[p].lines[l];
			for (size_t w = 0; w < ln->nwords; w++)
				free(ln->words[w]);
			free(ln->words);
			free(ln->ntok);
		}
		free(layer->pages[p].lines);
	}
	free(layer->pages);
	free(layer->first);
	free(layer);
}

/* The comparison key of a word: its letters and digits without marks, lowercase, at most
 * KEY_MAX of them. */
static int word_key(const char *s, size_t n, char key[KEY_MAX])
{
	int k = 0;
	for (size_t i = 0; i < n && k < KEY_MAX;) {
		uint32_t cp;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		cp = sohoa_viet_base(cp);
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			key[k++] = (char)cp;
	}
	return k;
}

static float key_cost(const char *a, int na, const char *b, int nb)
{
	if (!na || !nb)
		return na == nb ? 0.25f : 1.0f;
	int row[KEY_MAX + 1];
	for (int j = 0; j <= nb; j++)
		row[j] = j;
	for (int i = 1; i <= na; i++) {
		int diag = row[0];
		row[0] = i;
		for (int j = 1; j <= nb; j++) {
			int up = row[j];
			int best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return (float)row[nb] / (float)(na > nb ? na : nb);
}

/* A word of a paragraph or of its source lines. */
typedef struct piece {
	const char *s;
	size_t n;
	char key[KEY_MAX];
	int nkey;
	size_t page, line, word; /* OCR words: where */
} piece;

/* Align tokens t[0..nt) to words w[0..nw): at[j] = the word token j goes to, or -1. 0, or -1 when
 * out of memory. */
static int align(const piece *w, size_t nw, const piece *t, size_t nt, long *at)
{
	if (nw == 0) {
		for (size_t j = 0; j < nt; j++)
			at[j] = -1;
		return 0;
	}
	if ((nw + 1) * (nt + 1) > DP_MAX_CELLS) { /* too big to align: by position */
		for (size_t j = 0; j < nt; j++)
			at[j] = (long)(j * nw / nt);
		return 0;
	}
	size_t cols = nt + 1;
	float *cost = malloc((nw + 1) * cols * sizeof *cost);
	unsigned char *move = malloc((nw + 1) * cols);
	if (!cost || !move) {
		free(cost);
		free(move);
		return -1;
	}
	/* move: 0 match, 1 word left out, 2 token added */
	cost[0] = 0;
	for (size_t j = 1; j <= nt; j++)
		cost[j] = (float)j, move[j] = 2;
	for (size_t i = 1; i <= nw; i++) {
		cost[i * cols] = (float)i, move[i * cols] = 1;
		for (size_t j = 1; j <= nt; j++) {
			float m = cost[(i - 1) * cols + j - 1] +
				  key_cost(w[i - 1].key, w[i - 1].nkey, t[j - 1].key, t[j - 1].nkey);
			float skip = cost[(i - 1) * cols + j] + 1, add = cost[i * cols + j - 1] + 1;
			unsigned char mv = 0;
			if (skip < m)
				m = skip, mv = 1;
			if (add < m)
				m = add, mv = 2;
			cost[i * cols + j] = m, move[i * cols + j] = mv;
		}
	}
	size_t i = nw, j = nt;
	while (j > 0) {
		unsigned char mv = i == 0 ? 2 : move[i * cols + j];
		if (mv == 0)
			at[--j] = (long)--i;
		else if (mv == 1)
			i--;
		else
			at[--j] = -1;
	}
	free(cost);
	free(move);
	/* a token added between words goes with the word before it (or after it, at the start) */
	long prev = -1;
	for (size_t k = 0; k < nt; k++)
		if (at[k] >= 0)
			prev = at[k];
		else if (prev >= 0)
			at[k] = prev;
	long next = -1;
	for (size_t k = nt; k-- > 0;)
		if (at[k] >= 0)
			next = at[k];
		else
			at[k] = next >= 0 ? next : 0;
	return 0;
}

/* Append token text to word w of line ln, with a space after what is there. */
static int give(lline *ln, size_t w, const char *s, size_t n)
{
	size_t had = ln->words[w] ? strlen(ln->words[w]) : 0;
	char *p = realloc(ln->words[w], had + (had > 0) + n + 1);
	if (!p)
		return -1;
	if (had)
		p[had++] = ' ';
	memcpy(p + had, s, n);
	p[had + n] = 0;
	ln->words[w] = p;
	ln->ntok[w]++;
	ln->covered = 1;
	return 0;
}

/* The page index and line index of source line (page, line), or -1. */
static long find_line(const sohoa_doc *doc, int page, int line, size_t *pi)
{
	size_t lo = 0, hi = doc->npages;
	while (lo < hi) { /* pages are in ascending order of number */
		size_t mid = (lo + hi) / 2;
		if (doc->pages[mid].number < page)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= doc->npages || doc->pages[lo].number != page)
		return -1;
	*pi = lo;
	const sohoa_page *pg = &doc->pages[lo];
	if (line >= 1 && (size_t)line <= pg->nlines && pg->lines[line - 1].line == line)
		return line - 1;
	for (size_t i = 0; i < pg->nlines; i++)
		if (pg->lines[i].line == line || (pg->lines[i].line == 0 && (int)i + 1 == line))
			return (long)i;
	return -1;
}

/* Map one paragraph onto its source lines. */
static int map_paragraph(out_layer *layer, const sohoa_tline *tl, piece **wv, size_t *wcap, piece **tv,
			 size_t *tcap, long **atv, size_t *acap)
{
	const sohoa_doc *doc = layer->doc;
	size_t p0, p1;
	long l0 = find_line(doc, tl->page, tl->line, &p0), l1 = find_line(doc, tl->page_end, tl->line_end, &p1);
	if (l0 < 0 || l1 < 0 || layer->first[p1] + (size_t)l1 < layer->first[p0] + (size_t)l0)
		return 0;
	size_t nw = 0, nt = 0;
	for (size_t p = p0; p <= p1; p++) {
		const sohoa_page *pg = &doc->pages[p];
		size_t a = p == p0 ? (size_t)l0 : 0, b = p == p1 ? (size_t)l1 : pg->nlines - 1;
		for (size_t l = a; pg->nlines && l <= b; l++)
			for (size_t k = 0; k < pg->lines[l].nwords; k++) {
				const sohoa_word *wd = &pg->lines[l].words[k];
				if (SOHOA_GROW(*wv, nw + 1, *wcap))
					return -1;
				piece *pc = &(*wv)[nw++];
				pc->s = wd->text ? wd->text : "";
				pc->n = strlen(pc->s);
				pc->nkey = word_key(pc->s, pc->n, pc->key);
				pc->page = p, pc->line = l, pc->word = k;
			}
	}
	const char *s = tl->text ? tl->text : "";
	for (size_t i = 0; s[i];) {
		while (s[i] == ' ' || s[i] == '\t')
			i++;
		size_t b = i;
		while (s[i] && s[i] != ' ' && s[i] != '\t')
			i++;
		if (i == b)
			break;
		if (SOHOA_GROW(*tv, nt + 1, *tcap))
			return -1;
		piece *pc = &(*tv)[nt++];
		pc->s = s + b, pc->n = i - b;
		pc->nkey = word_key(pc->s, pc->n, pc->key);
	}
	if (!nw || !nt)
		return 0;
	if (SOHOA_GROW(*atv, nt, *acap) || align(*wv, nw, *tv, nt, *atv))
		return -1;
	for (size_t j = 0; j < nt; j++) {
		const piece *w = &(*wv)[(*atv)[j]];
		if (give(&layer->pages[w->page].lines[w->line], w->word, (*tv)[j].s, (*tv)[j].n))
			return -1;
	}
	return 0;
}

/* Lines no paragraph reached (page numbers, running heads) keep the OCR's words (in NFC), unless
 * they are what normalize left out as noise: no letter or digit, or read with a mean confidence
 * under NOISE_CONFIDENCE (specks, stamp edges). */
#define NOISE_CONFIDENCE 50
static sohoa_status keep_own_words(sohoa_ctx *ctx, const sohoa_line *src, lline *ln)
{
	int any = 0;
	if ((src->source == SOHOA_SRC_OCR || src->source == SOHOA_SRC_STAMP) && src->confidence >= 0 &&
	    src->confidence < NOISE_CONFIDENCE)
		return SOHOA_OK;
	for (size_t w = 0; w < ln->nwords && !any; w++) {
		char key[KEY_MAX];
		const char *s = src->words[w].text ? src->words[w].text : "";
		any = word_key(s, strlen(s), key) > 0;
	}
	if (!any)
		return SOHOA_OK;
	sohoa_buf nfc = {0};
	for (size_t w = 0; w < ln->nwords; w++) {
		const char *s = src->words[w].text ? src->words[w].text : "";
		nfc.len = 0;
		sohoa_status st = sohoa_icu_nfc(ctx, s, strlen(s), &nfc);
		if (st != SOHOA_OK) {
			sohoa_buf_free(&nfc);
			return st;
		}
		free(ln->words[w]);
		ln->words[w] = nfc.len ? sohoa_strndup(nfc.data, nfc.len) : NULL;
		if (nfc.len && !ln->words[w]) {
			sohoa_buf_free(&nfc);
			return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		}
		ln->ntok[w] = 1;
	}
	sohoa_buf_free(&nfc);
	return SOHOA_OK;
}

sohoa_status out_layer_new(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, out_layer **out)
{
	*out = NULL;
	out_layer *layer = calloc(1, sizeof *layer);
	if (!layer)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	layer->doc = doc;
	layer->npages = doc->npages;
	layer->pages = calloc(doc->npages ? doc->npages : 1, sizeof *layer->pages);
	layer->first = calloc(doc->npages ? doc->npages : 1, sizeof *layer->first);
	if (!layer->pages || !layer->first)
		goto nomem;
	size_t total = 0;
	for (size_t p = 0; p < doc->npages; p++) {
		const sohoa_page *pg = &doc->pages[p];
		lpage *lp = &layer->pages[p];
		layer->first[p] = total;
		total += pg->nlines;
		if (!(lp->lines = calloc(pg->nlines ? pg->nlines : 1, sizeof *lp->lines)))
			goto nomem;
		lp->nlines = pg->nlines;
		for (size_t l = 0; l < pg->nlines; l++) {
			size_t n = pg->lines[l].nwords;
			lp->lines[l].nwords = n;
			lp->lines[l].words = calloc(n ? n : 1, sizeof *lp->lines[l].words);
			lp->lines[l].ntok = calloc(n ? n : 1, sizeof *lp->lines[l].ntok);
			if (!lp->lines[l].words || !lp->lines[l].ntok)
				goto nomem;
		}
	}
	piece *wv = NULL, *tv = NULL;
	long *atv = NULL;
	size_t wcap = 0, tcap = 0, acap = 0;
	int rc = 0;
	for (size_t i = 0; text && i < text->nlines && !rc; i++)
		rc = map_paragraph(layer, &text->lines[i], &wv, &wcap, &tv, &tcap, &atv, &acap);
	free(wv);
	free(tv);
	free(atv);
	if (rc)
		goto nomem;
	for (size_t p = 0; p < doc->npages; p++)
		for (size_t l = 0; l < layer->pages[p].nlines; l++) {
			lline *ln = &layer->pages[p].lines[l];
			if (!ln->covered) {
				sohoa_status st = keep_own_words(ctx, &doc->pages[p].lines[l], ln);
				if (st != SOHOA_OK) {
					out_layer_free(layer);
					return st;
				}
				continue;
			}
			for (size_t w = 0; w < ln->nwords; w++)
				ln->spread |= ln->ntok[w] != 1;
		}
	*out = layer;
	return SOHOA_OK;
nomem:
	out_layer_free(layer);
	return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory mapping the text of '%s'", doc->name ? doc->name : "");
}

const char *out_layer_word(const out_layer *layer, size_t p, size_t l, size_t w, int *spread)
{
	if (p >= layer->npages || l >= layer->pages[p].nlines || w >= layer->pages[p].lines[l].nwords)
		return NULL;
	const lline *ln = &layer->pages[p].lines[l];
	if (spread)
		*spread = ln->spread;
	return ln->words[w];
}

/* ---- the content stream ---- */

/* A number for a content stream, whatever the C locale: at most 3 decimals, no trailing zeros. */
static int put_num(sohoa_buf *b, double v)
{
	if (!isfinite(v))
		v = 0;
	long long k = llround(v * 1000);
	char tmp[40], *p = tmp + sizeof tmp;
	int neg = k < 0;
	unsigned long long u = neg ? (unsigned long long)-k : (unsigned long long)k;
	unsigned frac = (unsigned)(u % 1000);
	u /= 1000;
	*--p = 0;
	if (frac) {
		int digits = 3;
		while (frac % 10 == 0)
			frac /= 10, digits--;
		for (int i = 0; i < digits; i++, frac /= 10)
			*--p = (char)('0' + frac % 10);
		*--p = '.';
	}
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (neg)
		*--p = '-';
	return sohoa_buf_puts(b, p) || sohoa_buf_puts(b, " ");
}

/* A run of text on one line: its text and box in the upright page (points, y down). */
typedef struct run {
	const char *s;
	size_t n;
	float x0, y0, x1, y1;
} run;

/* The runs of line ln: its words on their boxes, or its text spread over the line. */
static int line_runs(const sohoa_line *src, const lline *ln, run **rv, size_t *cap, size_t *nr)
{
	*nr = 0;
	if (!ln->spread) {
		for (size_t w = 0; w < ln->nwords; w++) {
			const sohoa_word *wd = &src->words[w];
			if (!ln->words[w] || !*ln->words[w] || wd->x1 <= wd->x0 || wd->y1 <= wd->y0)
				continue;
			if (SOHOA_GROW(*rv, *nr + 1, *cap))
				return -1;
			(*rv)[(*nr)++] = (run){ln->words[w], strlen(ln->words[w]), wd->x0, wd->y0, wd->x1, wd->y1};
		}
		return 0;
	}
	/* spread: the words' texts in order over the extent of the line's words, by length */
	float x0 = 1e30f, x1 = -1e30f;
	size_t chars = 0;
	for (size_t w = 0; w < ln->nwords; w++) {
		const sohoa_word *wd = &src->words[w];
		if (wd->x1 > wd->x0)
			x0 = fminf(x0, wd->x0), x1 = fmaxf(x1, wd->x1);
		for (const char *s = ln->words[w]; s && *s; s++) /* code points, a space after each word */
			chars += (*s & 0xC0) != 0x80;
		chars += ln->words[w] != NULL;
	}
	if (x1 <= x0 || !chars || src->y1 <= src->y0)
		return 0;
	float x = x0, per = (x1 - x0) / (float)chars;
	for (size_t w = 0; w < ln->nwords; w++)
		for (const char *s = ln->words[w]; s && *s;) {
			while (*s == ' ')
				s++;
			const char *b = s;
			size_t cps = 0;
			while (*s && *s != ' ')
				cps += (*s++ & 0xC0) != 0x80;
			if (s == b)
				continue;
			if (SOHOA_GROW(*rv, *nr + 1, *cap))
				return -1;
			(*rv)[(*nr)++] = (run){b, (size_t)(s - b), x, src->y0, x + per * (float)cps, src->y1};
			x += per * (float)(cps + 1);
		}
	return 0;
}

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return x < y ? -1 : x > y;
}

/* Write one line's runs: font size, baseline and scaling as the file's comment says. */
static int write_line(sohoa_buf *b, const run *r, size_t nr, float page_h, double angle, const char *font,
		      unsigned char rows[32], float *scratch)
{
	if (!nr || !scratch)
		return 0;
	/* the words are set level (pdftotext breaks slanted words apart), on the slanted line of
	 * the boxes' centres */
	double c = 1, s = 0, t = tan(angle), as = fabs(sin(angle));
	/* size: the median height of the boxes, less what the skew adds to a box's height */
	for (size_t i = 0; i < nr; i++) {
		float h = r[i].y1 - r[i].y0, hs = h - (float)((r[i].x1 - r[i].x0) * as);
		scratch[i] = hs > 0.4f * h ? hs : 0.4f * h;
	}
	qsort(scratch, nr, sizeof *scratch, cmp_float);
	double size = scratch[nr / 2];
	if (size < 1)
		size = 1;
	/* the line of the boxes' centres, y = base - x tan(angle) (y down), weighted by width */
	double wsum = 0, bsum = 0;
	for (size_t i = 0; i < nr; i++) {
		double w = r[i].x1 - r[i].x0 + 1e-3, cx = (r[i].x0 + r[i].x1) / 2, cy = (r[i].y0 + r[i].y1) / 2;
		wsum += w, bsum += w * (cy + cx * t);
	}
	double base = bsum / wsum;
	/* a line whose slant moves it less than half its size is set on one level baseline, as
	 * poppler joins words into a line only within that; a steeper one word by word on its slant */
	double mid = (r[0].x0 + r[nr - 1].x1) / 2;
	int level = fabs(t) * (r[nr - 1].x1 - r[0].x0) <= 0.5 * size;
	int rc = sohoa_buf_printf(b, "/%s ", font) || put_num(b, size) || sohoa_buf_puts(b, "Tf\n");
	for (size_t i = 0; i < nr && !rc; i++) {
		int space = i + 1 < nr;
		double ext = space && r[i + 1].x0 > r[i].x1 ? r[i + 1].x0 - r[i].x0 : r[i].x1 - r[i].x0;
		double w = ext - size * as;
		if (w < 0.5 * ext)
			w = 0.5 * ext;
		double cx = r[i].x0 + ext / 2, cy = page_h - (base - (level ? mid : cx) * t); /* y up from here */
		double ox = cx - c * w / 2 + s * 0.3 * size, oy = cy - s * w / 2 - c * 0.3 * size;
		size_t units = 0;
		sohoa_buf hex = {0};
		for (size_t k = 0; k < r[i].n && !rc;) {
			uint32_t cp;
			k += sohoa_utf8_decode(r[i].s + k, r[i].n - k, &cp);
			if (cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp < 0x20)
				cp = 0xFFFD;
			rows[cp >> 11] |= (unsigned char)(1 << ((cp >> 8) & 7));
			rc = sohoa_buf_printf(&hex, "%04X", (unsigned)cp);
			units++;
		}
		if (space && !rc) {
			rows[0] |= 1;
			rc = sohoa_buf_puts(&hex, "0020");
			units++;
		}
		double tz = 100.0 * w / (OUT_FONT_WIDTH / 1000.0 * size * (double)units);
		rc = rc || put_num(b, c) || put_num(b, s) || put_num(b, -s) || put_num(b, c) || put_num(b, ox) ||
		     put_num(b, oy) || sohoa_buf_puts(b, "Tm ") || put_num(b, tz) || sohoa_buf_puts(b, "Tz <") ||
		     sohoa_buf_append(b, hex.data ? hex.data : "", hex.len) || sohoa_buf_puts(b, "> Tj\n");
		sohoa_buf_free(&hex);
	}
	return rc ? -1 : 0;
}

sohoa_status out_layer_page(sohoa_ctx *ctx, const out_layer *layer, size_t p, const float m[6], const char *font,
			    unsigned char rows[32], sohoa_buf *out, size_t *runs)
{
	*runs = 0;
	if (p >= layer->npages)
		return SOHOA_OK;
	const sohoa_page *pg = &layer->doc->pages[p];
	float page_h = pg->height;                      /* the upright page's height */
	double angle = pg->skew * M_PI / 180.0;         /* the scan's text rises by this, counterclockwise */
	run *rv = NULL;
	float *scratch = NULL;
	size_t cap = 0, scap = 0, mark = out->len;
	int rc = sohoa_buf_puts(out, "q\n");
	for (int i = 0; i < 6 && !rc; i++)
		rc = put_num(out, m[i]);
	rc = rc || sohoa_buf_puts(out, "cm\nBT\n3 Tr\n");
	for (size_t l = 0; l < pg->nlines && !rc; l++) {
		size_t nr;
		if ((rc = line_runs(&pg->lines[l], &layer->pages[p].lines[l], &rv, &cap, &nr)) || !nr)
			continue;
		if ((rc = SOHOA_GROW(scratch, nr, scap)))
			break;
		rc = write_line(out, rv, nr, page_h, angle, font, rows, scratch);
		*runs += nr;
	}
	rc = rc || sohoa_buf_puts(out, "ET\nQ\n");
	free(rv);
	free(scratch);
	if (rc)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory writing the text layer of page %d", pg->number);
	if (!*runs)
		out->len = mark, out->data[mark] = 0;
	return SOHOA_OK;
}
