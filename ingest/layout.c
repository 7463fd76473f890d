/* layout: positioned glyphs -> lines in reading order, with loose diacritics joined onto letters.
 * Rows are found from vertical overlap (not from the order the PDF drew things in), pieces of a
 * row are split where the gap is wider than about an em, and rows that share one gutter are read
 * column by column. */
#include "layout.h"
#include "ingest-int.h"
#include "../core/array.h"
#include "../core/icu.h"

#include <stdlib.h>
#include <string.h>

/* A horizontal gap of this many ems or more separates pieces of a row (table cells, letterhead
 * halves); word spaces, even stretched by justification, stay below it. */
#define COLUMN_GAP 0.6f
/* Columns whose rows do not line up are told apart by a gutter of this many ems or more; two
 * pieces of one row by PAIR_GUTTER ems (a justified line's widest gaps stay under it). */
#define STACK_GUTTER 2.0f
#define PAIR_GUTTER 1.3f
/* A row on one side of a block set off from the row above by this many times the widest white
 * between the block's rows (or half a row) so far ends the block. */
#define BLOCK_WHITE 1.5f
/* A column whose pieces are all narrower than this many ems holds a list's numbers or bullets
 * ("1.", "a)", "-") beside its items: no column. */
#define MARKER_EMS 2.0f

typedef struct lay_frag {
	size_t first, n;          /* glyph range */
	float x0, y0, x1, y1;     /* box of the non-space glyphs */
	float size;
	int marks_only;           /* only diacritic glyphs: joins whatever row it overlaps */
	int row;
} lay_frag;

typedef struct lay_row {
	float c0, c1;             /* core band: the vertical extent of its main text */
	size_t *frags;            /* fragment indices, later sorted by x */
	size_t n, cap;
	size_t seg_first, nseg;   /* its segments in the segment array */
} lay_row;

typedef struct lay_seg {
	size_t row;
	size_t *frags;            /* borrowed from the row */
	size_t n;
	float x0, x1;
} lay_seg;

/* One glyph of an output line while marks are joined. */
typedef struct lay_item {
	uint32_t c;
	float x0, y0, x1, y1, size;
	const char *font;
	uint32_t marks[6];
	int nmarks;
	int removed, is_mark, joined;
} lay_item;

int ingest_layout_mark(uint32_t c, uint32_t *combining)
{
	uint32_t m = 0;
	if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x1DC0 && c <= 0x1DFF))
		m = c;
	else switch (c) {
	case 0x00B4: case 0x02CA: case 0x0384: case 0x1FFD: m = 0x0301; break; /* acute */
	case 0x0060: case 0x02CB: case 0x1FEF: m = 0x0300; break;              /* grave */
	case 0x02DC: case 0x007E: m = 0x0303; break;                           /* tilde */
	case 0x02C6: case 0x005E: m = 0x0302; break;                           /* circumflex */
	case 0x02D8: m = 0x0306; break;                                        /* breve */
	case 0x02C0: m = 0x0309; break;                                        /* hook above */
	default: return 0;
	}
	if (combining)
		*combining = m;
	return 1;
}

static int is_letter(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1EFF) ||
	       (c >= 0x370 && c <= 0x3FF && c != 0x384) || (c >= 0x400 && c <= 0x4FF);
}

static int is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || c == '\n' || c == '\r' || (c >= 0x2000 && c <= 0x200B);
}

static float fmaxf2(float a, float b) { return a > b ? a : b; }
static float fminf2(float a, float b) { return a < b ? a : b; }

/* qsort_r helpers: arg is the fragment or row array (no globals: pages are laid out in parallel). */
static int cmp_frag_y(const void *a, const void *b, void *arg)
{
	const lay_frag *fr = arg;
	const lay_frag *fa = &fr[*(const size_t *)a], *fb = &fr[*(const size_t *)b];
	float ca = (fa->y0 + fa->y1) / 2, cb = (fb->y0 + fb->y1) / 2;
	if (ca != cb)
		return ca < cb ? -1 : 1;
	return fa->x0 < fb->x0 ? -1 : fa->x0 > fb->x0;
}

static int cmp_frag_x(const void *a, const void *b, void *arg)
{
	const lay_frag *fr = arg;
	const lay_frag *fa = &fr[*(const size_t *)a], *fb = &fr[*(const size_t *)b];
	if (fa->x0 != fb->x0)
		return fa->x0 < fb->x0 ? -1 : 1;
	return (*(const size_t *)a > *(const size_t *)b) - (*(const size_t *)a < *(const size_t *)b);
}

static int cmp_row(const void *a, const void *b, void *arg)
{
	const lay_row *rows = arg;
	const lay_row *ra = &rows[*(const size_t *)a], *rb = &rows[*(const size_t *)b];
	float ca = ra->c0 + ra->c1, cb = rb->c0 + rb->c1;
	return ca < cb ? -1 : ca > cb;
}

static int row_push(lay_row *r, size_t f)
{
	if (SOHOA_GROW(r->frags, r->n + 1, r->cap))
		return -1;
	r->frags[r->n++] = f;
	return 0;
}

static const char *strip_subset(const char *font)
{
	if (!font)
		return NULL;
	size_t i = 0;
	while (i < 6 && font[i] >= 'A' && font[i] <= 'Z')
		i++;
	return i == 6 && font[6] == '+' ? font + 7 : font;
}

/* Join loose marks in items[0..n) onto the letter under them (by position), then drop spaces that
 * only separated a letter from its mark. */
static void join_marks(lay_item *it, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t comb;
		/* a full stop lowered under a letter is a dot below (TeX's \d{a}) */
		int dot = it[i].c == '.';
		if (dot)
			comb = 0x0323;
		else if (!ingest_layout_mark(it[i].c, &comb))
			continue;
		it[i].is_mark = 1;
		int spacing = dot || comb != it[i].c;
		float cx = (it[i].x0 + it[i].x1) / 2, w = it[i].x1 - it[i].x0;
		float tol = spacing ? 0 : 0.05f * it[i].size;
		/* a zero-advance combining mark stands at the end of its letter: its ink is to the left */
		if (!spacing && w < 0.05f * it[i].size)
			cx -= 0.02f * it[i].size;
		size_t best = n;
		float bestd = 0;
		for (size_t j = 0; j < n; j++) {
			if (j == i || it[j].removed || !is_letter(it[j].c))
				continue;
			if (cx < it[j].x0 - tol || cx > it[j].x1 + tol)
				continue;
			if (spacing && w > 0) {
				float ov = fminf2(it[i].x1, it[j].x1) - fmaxf2(it[i].x0, it[j].x0);
				if (ov < 0.5f * w)
					continue;
			}
			if (dot && it[i].y1 < it[j].y1 + 0.1f * it[j].size)
				continue; /* on the baseline: punctuation after all */
			float d = cx - (it[j].x0 + it[j].x1) / 2;
			d = d < 0 ? -d : d;
			if (cx < it[j].x0 || cx > it[j].x1)
				d += 1000; /* only near, not over it */
			d += (j + 1 == i) ? 0 : 0.001f; /* ties: the letter just before */
			if (best == n || d < bestd) {
				best = j;
				bestd = d;
			}
		}
		if (best == n)
			continue; /* over no letter: a combining mark stays where it is, a spacing one too */
		if (best + 1 == i && !spacing)
			continue; /* a combining mark right after its letter: nothing to do */
		if (it[best].nmarks < (int)(sizeof it[best].marks / sizeof it[best].marks[0]))
			it[best].marks[it[best].nmarks++] = comb;
		it[i].removed = 1;
		it[i].joined = 1;
	}
	/* A space next to a joined mark whose neighbours touch was only there because of the mark. */
	for (size_t i = 0; i < n; i++) {
		if (it[i].removed || !is_space(it[i].c))
			continue;
		int near_mark = (i > 0 && it[i - 1].joined) || (i + 1 < n && it[i + 1].joined);
		if (!near_mark)
			continue;
		size_t a = i, b = i + 1;
		while (a > 0 && (it[a - 1].removed || is_space(it[a - 1].c)))
			a--;
		while (b < n && (it[b].removed || is_space(it[b].c)))
			b++;
		if (a == 0 || b >= n)
			continue;
		const lay_item *p = &it[a - 1], *q = &it[b];
		if (q->x0 - p->x1 < 0.12f * fmaxf2(p->size, q->size))
			it[i].removed = 1;
	}
}

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return x < y ? -1 : x > y;
}

/* The median gap between words of a run (gaps over 0.15 em), 0 when it has none. */
static float word_gap(const ingest_glyph *g, size_t n)
{
	float gaps[128];
	size_t ng = 0, last = n;
	for (size_t k = 0; k < n && ng < sizeof gaps / sizeof *gaps; k++) {
		if (is_space(g[k].c))
			continue;
		if (last < n) {
			float gap = g[k].x0 - g[last].x1;
			if (gap > 0.15f * fmaxf2(g[k].size, g[last].size))
				gaps[ng++] = gap;
		}
		last = k;
	}
	if (!ng)
		return 0;
	qsort(gaps, ng, sizeof *gaps, cmp_float);
	return gaps[ng / 2];
}

static int put_cp(sohoa_buf *b, uint32_t c)
{
	char e[4];
	return sohoa_buf_append(b, e, sohoa_utf8_encode(c, e));
}

static sohoa_status nfc_in_place(sohoa_ctx *ctx, char **s)
{
	sohoa_buf b = {0};
	sohoa_status st = sohoa_icu_nfc(ctx, *s, strlen(*s), &b);
	if (st != SOHOA_OK) {
		sohoa_buf_free(&b);
		return st;
	}
	free(*s);
	*s = b.data ? sohoa_buf_steal(&b) : sohoa_strdup("");
	return *s ? SOHOA_OK : sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
}

/* Turn items into one line of page. */
static sohoa_status emit_line(sohoa_ctx *ctx, lay_item *it, size_t n, sohoa_page *page)
{
	size_t first = 0;
	while (first < n && (it[first].removed || is_space(it[first].c)))
		first++;
	if (first == n)
		return SOHOA_OK;
	sohoa_line *l = ingest_line_add(page);
	if (!l)
		goto nomem;
	l->x0 = l->y0 = 1e30f;
	l->x1 = l->y1 = -1e30f;
	l->font = it[first].font ? sohoa_strdup(strip_subset(it[first].font)) : NULL;
	l->font_size = it[first].size;
	sohoa_buf text = {0}, word = {0};
	float wx0 = 0, wy0 = 0, wx1 = 0, wy1 = 0;
	size_t words_cap = 0; /* room in l->words */
	int pending_space = 0;
	for (size_t i = first; i <= n; i++) {
		int end = i == n;
		if (!end && it[i].removed)
			continue;
		if (end || is_space(it[i].c)) {
			if (word.len) {
				if (SOHOA_GROW(l->words, l->nwords + 1, words_cap))
					goto nomem_buf;
				sohoa_word *w = &l->words[l->nwords++];
				w->confidence = -1;
				w->x0 = wx0, w->y0 = wy0, w->x1 = wx1, w->y1 = wy1;
				w->text = sohoa_buf_steal(&word);
				if (!w->text)
					goto nomem_buf;
				pending_space = 1;
			}
			continue;
		}
		if (pending_space && sohoa_buf_puts(&text, " "))
			goto nomem_buf;
		pending_space = 0;
		if (!word.len) {
			wx0 = it[i].x0, wy0 = it[i].y0, wx1 = it[i].x1, wy1 = it[i].y1;
		} else {
			wx0 = fminf2(wx0, it[i].x0), wy0 = fminf2(wy0, it[i].y0);
			wx1 = fmaxf2(wx1, it[i].x1), wy1 = fmaxf2(wy1, it[i].y1);
		}
		l->x0 = fminf2(l->x0, it[i].x0), l->y0 = fminf2(l->y0, it[i].y0);
		l->x1 = fmaxf2(l->x1, it[i].x1), l->y1 = fmaxf2(l->y1, it[i].y1);
		if (put_cp(&text, it[i].c) || put_cp(&word, it[i].c))
			goto nomem_buf;
		for (int k = 0; k < it[i].nmarks; k++)
			if (put_cp(&text, it[i].marks[k]) || put_cp(&word, it[i].marks[k]))
				goto nomem_buf;
	}
	sohoa_buf_free(&word);
	l->text = sohoa_buf_steal(&text);
	if (!l->text && !(l->text = sohoa_strdup("")))
		goto nomem;
	/* joined marks follow their letters now: compose them (NFC) so "ê" + U+0301 reads "ế" */
	int joined = 0;
	for (size_t i = first; i < n && !joined; i++)
		joined = !it[i].removed && it[i].nmarks > 0;
	if (joined) {
		sohoa_status st = nfc_in_place(ctx, &l->text);
		for (size_t k = 0; k < l->nwords && st == SOHOA_OK; k++)
			st = nfc_in_place(ctx, &l->words[k].text);
		if (st != SOHOA_OK)
			return st;
	}
	return SOHOA_OK;
nomem_buf:
	sohoa_buf_free(&text);
	sohoa_buf_free(&word);
nomem:
	return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory laying out page %d", page->number);
}

/* Gather the glyphs of one segment (fragments in x order), join marks, emit the line. */
static sohoa_status emit_seg(sohoa_ctx *ctx, const ingest_glyph *g, const lay_frag *fr, const lay_seg *s,
			     sohoa_page *page)
{
	size_t total = 0;
	for (size_t k = 0; k < s->n; k++)
		total += fr[s->frags[k]].n + 1;
	lay_item *it = calloc(total ? total : 1, sizeof *it);
	if (!it)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory laying out page %d", page->number);
	size_t n = 0;
	const lay_frag *prev = NULL;
	for (size_t k = 0; k < s->n; k++) {
		const lay_frag *f = &fr[s->frags[k]];
		if (prev && !f->marks_only && f->x0 - prev->x1 > 0.15f * fmaxf2(prev->size, f->size)) {
			it[n].c = ' ';
			it[n].x0 = it[n].x1 = prev->x1;
			it[n].size = f->size;
			n++;
		}
		for (size_t j = f->first; j < f->first + f->n; j++) {
			const ingest_glyph *gg = &g[j];
			lay_item *x = &it[n++];
			x->c = is_space(gg->c) ? ' ' : gg->c;
			x->x0 = gg->x0, x->y0 = gg->y0, x->x1 = gg->x1, x->y1 = gg->y1;
			x->size = gg->size;
			x->font = gg->font;
		}
		if (!f->marks_only)
			prev = f;
	}
	join_marks(it, n);
	sohoa_status st = emit_line(ctx, it, n, page);
	free(it);
	return st;
}

/* The working arrays of one page's layout. */
typedef struct lay_page {
	const ingest_glyph *g;
	size_t n;
	lay_frag *fr;             /* fragments */
	size_t nfr;
	size_t *order;            /* fragments by y */
	lay_row *rows;
	size_t nrows;
	size_t *rorder;           /* rows top down */
	lay_seg *segs;
	size_t nsegs;
} lay_page;

/* Fragments: runs of one frag id with at least one visible glyph. */
static void find_frags(lay_page *lp)
{
	const ingest_glyph *g = lp->g;
	size_t n = lp->n;
	for (size_t i = 0; i < n;) {
		/* A run ends where its frag id changes, or at a gap that is both a column gap and well
		 * over the run's usual word gap (a justified line stretches all its gaps alike). */
		size_t end = i;
		while (end < n && g[end].frag == g[i].frag)
			end++;
		float wordgap = word_gap(g + i, end - i);
		size_t j = i + 1, lastvis = is_space(g[i].c) ? n : i;
		for (; j < end; j++) {
			if (is_space(g[j].c))
				continue;
			if (lastvis < n) {
				float gap = g[j].x0 - g[lastvis].x1;
				if (gap >= COLUMN_GAP * fmaxf2(g[j].size, g[lastvis].size) && gap >= 2 * wordgap)
					break;
			}
			lastvis = j;
		}
		lay_frag f = {i, j - i, 1e30f, 1e30f, -1e30f, -1e30f, 0, 1, -1};
		int visible = 0;
		for (size_t k = i; k < j; k++) {
			if (is_space(g[k].c))
				continue;
			visible = 1;
			f.x0 = fminf2(f.x0, g[k].x0), f.y0 = fminf2(f.y0, g[k].y0);
			f.x1 = fmaxf2(f.x1, g[k].x1), f.y1 = fmaxf2(f.y1, g[k].y1);
			f.size = fmaxf2(f.size, g[k].size);
			if (!ingest_layout_mark(g[k].c, NULL) || g[k].c == '~' || g[k].c == '^' || g[k].c == '`')
				f.marks_only = 0;
		}
		if (visible) {
			if (f.size <= 0)
				f.size = fmaxf2(f.y1 - f.y0, 1);
			lp->fr[lp->nfr++] = f;
		}
		i = j;
	}
}

/* Rows: a fragment joins the row whose core band it overlaps by half its height or more. -1 when
 * out of memory. */
static int find_rows(lay_page *lp)
{
	lay_frag *fr = lp->fr;
	lay_row *rows = lp->rows;
	for (size_t i = 0; i < lp->nfr; i++)
		lp->order[i] = i;
	qsort_r(lp->order, lp->nfr, sizeof *lp->order, cmp_frag_y, fr);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t oi = 0; oi < lp->nfr; oi++) {
			lay_frag *f = &fr[lp->order[oi]];
			if (f->marks_only != pass)
				continue;
			float fh = fmaxf2(f->y1 - f->y0, 0.01f);
			size_t best = lp->nrows;
			float bestov = 0;
			for (size_t r = 0; r < lp->nrows; r++) {
				float ov = fminf2(f->y1, rows[r].c1) - fmaxf2(f->y0, rows[r].c0);
				float den = fminf2(fh, fmaxf2(rows[r].c1 - rows[r].c0, 0.01f));
				float ratio = ov / den;
				if (ratio > bestov) {
					bestov = ratio;
					best = r;
				}
			}
			if (best == lp->nrows || (!pass && bestov < 0.5f)) {
				best = lp->nrows++;
				rows[best].c0 = f->y0;
				rows[best].c1 = f->y1;
			} else if (!pass && fh > rows[best].c1 - rows[best].c0 &&
				   fh <= 2 * (rows[best].c1 - rows[best].c0)) {
				/* a raised accent or a superscript may have started the row: the
				 * taller text it belongs with gives the band (within reason, so a
				 * tall watermark does not swallow the page) */
				rows[best].c0 = f->y0;
				rows[best].c1 = f->y1;
			}
			if (row_push(&rows[best], lp->order[oi]))
				return -1;
			f->row = (int)best;
		}
	}
	return 0;
}

/* Segments: each row's fragments left to right, split at column gaps; rows sorted top down. */
static void find_segs(lay_page *lp)
{
	const lay_frag *fr = lp->fr;
	lay_seg *segs = lp->segs;
	for (size_t r = 0; r < lp->nrows; r++)
		lp->rorder[r] = r;
	qsort_r(lp->rorder, lp->nrows, sizeof *lp->rorder, cmp_row, lp->rows);
	for (size_t ri = 0; ri < lp->nrows; ri++) {
		lay_row *row = &lp->rows[lp->rorder[ri]];
		qsort_r(row->frags, row->n, sizeof *row->frags, cmp_frag_x, lp->fr);
		row->seg_first = lp->nsegs;
		for (size_t k = 0; k < row->n; k++) {
			const lay_frag *f = &fr[row->frags[k]];
			lay_seg *s = lp->nsegs > row->seg_first ? &segs[lp->nsegs - 1] : NULL;
			float em = s ? fmaxf2(f->size, fr[s->frags[s->n - 1]].size) : 0;
			if (s && f->x0 - s->x1 < COLUMN_GAP * em) {
				s->n++;
				s->x1 = fmaxf2(s->x1, f->x1);
				s->x0 = fminf2(s->x0, f->x0);
			} else {
				s = &segs[lp->nsegs++];
				s->row = lp->rorder[ri];
				s->frags = &row->frags[k];
				s->n = 1;
				s->x0 = f->x0;
				s->x1 = f->x1;
			}
		}
		row->nseg = lp->nsegs - row->seg_first;
	}
}

/* The largest glyph size of a row's segments: the em its gaps are measured in. */
static float row_em(const lay_page *lp, const lay_row *row)
{
	float em = 0;
	for (size_t k = 0; k < row->nseg; k++) {
		const lay_seg *s = &lp->segs[row->seg_first + k];
		for (size_t j = 0; j < s->n; j++)
			em = fmaxf2(em, lp->fr[s->frags[j]].size);
	}
	return em;
}

/* The last row of the two-column block that starts at row ri (sorted index), with its gutter
 * [*gl, *gr]; ri itself when no block starts there. A block starts at a row of two pieces (a
 * letterhead: issuer left, motto right), or at a row of one piece when a later row has its one
 * piece STACK_GUTTER ems or more to the side of all rows before it (the "Nơi nhận" list beside
 * a signature block, whose rows do not line up). It goes on while no piece crosses the gutter,
 * which stays COLUMN_GAP ems wide or more, no row is far below the one above, and no row on one
 * side is set off by more white than the block's rows (BLOCK_WHITE: "Kính gửi:" under a
 * letterhead). A row may have several pieces on one side (the blank left for a handwritten number or day: "Số:      /UBND",
 * "ngày      tháng 12") when they lie within what that column spans in the rows above that have
 * a piece in both columns; a table's row of cells does not. A block has two rows or more in each
 * column, or a row with a piece in each and a gutter of PAIR_GUTTER ems: one line of a paragraph
 * with a wide gap (justified, or after "…") is no column, nor are two lines of a table's cells
 * that only follow one another, nor a list's numbers beside its items (MARKER_EMS). */
static size_t two_column_block(const lay_page *lp, size_t ri, float *gl, float *gr)
{
	const lay_row *row = &lp->rows[lp->rorder[ri]];
	size_t last2 = ri;
	*gl = 0, *gr = 0;
	if (row->nseg < 1 || row->nseg > 2)
		return ri;
	const lay_seg *s0 = &lp->segs[row->seg_first];
	int split = row->nseg == 2;        /* the gutter is known */
	int rows[2] = {split, split};      /* rows with a piece in each column */
	int both = split;                  /* rows with a piece in both */
	float bem = row_em(lp, row);
	/* each column has a piece of MARKER_EMS or more: not a list's numbers beside its items */
	int wide[2] = {s0->x1 - s0->x0 >= MARKER_EMS * bem, s0->x1 - s0->x0 >= MARKER_EMS * bem};
	float col[2][2] = {{s0->x0, s0->x1}, {s0->x0, s0->x1}}; /* each column's extent x0, x1 */
	float pair[2][2] = {{1e30f, -1e30f}, {1e30f, -1e30f}}; /* the same over rows with both */
	if (split) {
		*gl = s0[0].x1, *gr = s0[1].x0;
		col[1][0] = s0[1].x0, col[1][1] = s0[1].x1;
		memcpy(pair, col, sizeof pair);
		wide[1] = s0[1].x1 - s0[1].x0 >= MARKER_EMS * bem;
	}
	float widest = 0; /* the widest white between the block's rows so far */
	for (size_t rj = ri + 1; rj < lp->nrows; rj++) {
		const lay_row *r2 = &lp->rows[lp->rorder[rj]], *above = &lp->rows[lp->rorder[rj - 1]];
		float white = r2->c0 - above->c1, high = above->c1 - above->c0;
		if (white > 4 * high)
			break; /* far below: a new part of the page */
		/* a row on one side set off by more white than the block's rows: "Kính gửi:" */
		int aloof = rj > ri + 1 && white > BLOCK_WHITE * fmaxf2(widest, 0.5f * high);
		widest = fmaxf2(widest, white);
		const lay_seg *s = &lp->segs[r2->seg_first];
		float em = row_em(lp, r2);
		bem = fmaxf2(bem, em);
		if (!split) {
			/* one column so far, in col[0] */
			if (r2->nseg != 1 || aloof)
				break;
			int above_rows = (int)(rj - ri), w = s->x1 - s->x0 >= MARKER_EMS * em;
			if (s->x0 >= col[0][1] + STACK_GUTTER * em) {
				*gl = col[0][1], *gr = s->x0;
				col[1][0] = s->x0, col[1][1] = s->x1;
				rows[0] = above_rows, rows[1] = 1;
				wide[1] = w;
			} else if (s->x1 <= col[0][0] - STACK_GUTTER * em) {
				*gl = s->x1, *gr = col[0][0];
				col[1][0] = col[0][0], col[1][1] = col[0][1];
				col[0][0] = s->x0, col[0][1] = s->x1;
				rows[0] = 1, rows[1] = above_rows;
				wide[1] = wide[0], wide[0] = w;
			} else {
				col[0][0] = fminf2(col[0][0], s->x0), col[0][1] = fmaxf2(col[0][1], s->x1);
				wide[0] |= w;
				continue;
			}
			split = 1;
			if (rows[0] >= 2 && rows[1] >= 2)
				last2 = rj;
			continue;
		}
		float ngl = *gl, ngr = *gr, mid = (*gl + *gr) / 2;
		int n[2] = {0, 0};
		float lo[2] = {1e30f, 1e30f}, hi[2] = {-1e30f, -1e30f};
		for (size_t k = 0; k < r2->nseg; k++, s++) {
			int right = (s->x0 + s->x1) / 2 > mid;
			n[right]++;
			lo[right] = fminf2(lo[right], s->x0), hi[right] = fmaxf2(hi[right], s->x1);
			wide[right] |= s->x1 - s->x0 >= MARKER_EMS * em;
			if (right)
				ngr = fminf2(ngr, s->x0);
			else
				ngl = fmaxf2(ngl, s->x1);
		}
		if (ngr - ngl < COLUMN_GAP * em || (aloof && !(n[0] && n[1])))
			break;
		int fits = 1;
		for (int side = 0; side < 2; side++)
			if (n[side] > 1 && (lo[side] < pair[side][0] - em || hi[side] > pair[side][1] + em))
				fits = 0;
		if (!fits)
			break;
		for (int side = 0; side < 2; side++) {
			if (!n[side])
				continue;
			col[side][0] = fminf2(col[side][0], lo[side]), col[side][1] = fmaxf2(col[side][1], hi[side]);
			rows[side]++;
			if (n[0] && n[1])
				pair[side][0] = fminf2(pair[side][0], lo[side]), pair[side][1] = fmaxf2(pair[side][1], hi[side]);
		}
		both += n[0] && n[1];
		*gl = ngl, *gr = ngr;
		if (((rows[0] >= 2 && rows[1] >= 2) || (both && ngr - ngl >= PAIR_GUTTER * bem)) && wide[0] && wide[1])
			last2 = rj;
	}
	return last2;
}

/* Reading order: rows that keep one gutter, from a row with text on both sides on (a letterhead;
 * "Nơi nhận" beside the signature), are read left column first; everything else row by row,
 * left to right. Each segment becomes a line of page. */
static sohoa_status emit_rows(sohoa_ctx *ctx, const lay_page *lp, sohoa_page *page)
{
	sohoa_status st = SOHOA_OK;
	for (size_t ri = 0; ri < lp->nrows;) {
		const lay_row *row = &lp->rows[lp->rorder[ri]];
		float gl, gr;
		size_t last2 = two_column_block(lp, ri, &gl, &gr);
		if (last2 > ri) {
			float mid = (gl + gr) / 2;
			for (int side = 0; side < 2; side++)
				for (size_t rj = ri; rj <= last2; rj++) {
					const lay_row *r2 = &lp->rows[lp->rorder[rj]];
					for (size_t k = 0; k < r2->nseg; k++) {
						const lay_seg *s = &lp->segs[r2->seg_first + k];
						if (((s->x0 + s->x1) / 2 > mid) == side &&
						    (st = emit_seg(ctx, lp->g, lp->fr, s, page)) != SOHOA_OK)
							return st;
					}
				}
			ri = last2 + 1;
			continue;
		}
		for (size_t k = 0; k < row->nseg; k++)
			if ((st = emit_seg(ctx, lp->g, lp->fr, &lp->segs[row->seg_first + k], page)) != SOHOA_OK)
				return st;
		ri++;
	}
	return st;
}

sohoa_status ingest_layout(sohoa_ctx *ctx, const ingest_glyph *g, size_t n, sohoa_page *page)
{
	sohoa_status st = SOHOA_OK;
	lay_page lp = {.g = g, .n = n};
	lp.fr = calloc(n ? n : 1, sizeof *lp.fr);
	lp.order = calloc(n ? n : 1, sizeof *lp.order);
	lp.rows = calloc(n ? n : 1, sizeof *lp.rows);
	lp.rorder = calloc(n ? n : 1, sizeof *lp.rorder);
	lp.segs = calloc(n ? n : 1, sizeof *lp.segs);
	if (!lp.fr || !lp.order || !lp.rows || !lp.rorder || !lp.segs)
		st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory laying out page %d", page->number);
	if (st == SOHOA_OK) {
		find_frags(&lp);
		if (find_rows(&lp) != 0)
			st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory laying out page %d", page->number);
	}
	if (st == SOHOA_OK) {
		find_segs(&lp);
		st = emit_rows(ctx, &lp, page);
	}
	for (size_t r = 0; r < lp.nrows; r++)
		free(lp.rows[r].frags);
	free(lp.fr);
	free(lp.order);
	free(lp.rows);
	free(lp.rorder);
	free(lp.segs);
	return st;
}
