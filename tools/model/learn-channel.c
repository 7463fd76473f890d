/* learn-channel: learn the eng-OCR confusion channel from data. `render` lays corpus text out as
 * A4 page images (Liberation Serif 13 pt, 300 dpi, some pages lightly degraded) with the exact
 * printed lines beside them; `tesseract -l eng` reads the images (tools/learn-channel.sh); `align`
 * aligns each OCR page with its printed lines (lines, then tokens, then characters) and counts
 * token confusions (observed -> intended syllable) and 1-3 character substring confusions.
 * A tool, not library code: it includes MuPDF directly. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mupdf/fitz.h>

#include "../lib/tool.h"
#include "../../core/array.h"
#include "../../core/viet.h"

/* ---- code points ---- */

typedef struct cps {
	uint32_t *v;
	size_t n;
} cps;

static cps cps_from(const char *s, size_t n)
{
	cps c;
	c.v = tool_cps(s, n, NULL, &c.n);
	for (size_t i = 0; i < c.n; i++)
		if (c.v[i] == 0x00D0)
			c.v[i] = 0x0110; /* the corpus spells some Đ with the Icelandic eth */
	return c;
}

static void put_cps(sohoa_buf *b, const uint32_t *v, size_t n)
{
	char u[4];
	for (size_t i = 0; i < n; i++)
		sohoa_buf_append(b, u, sohoa_utf8_encode(v[i], u));
}

static uint32_t cp_case(uint32_t cp, int upper)
{
	uint32_t plain;
	int tone, up;
	if (sohoa_viet_letter(cp, &plain, &tone, &up)) {
		uint32_t r = sohoa_viet_compose(plain, tone, upper);
		return r ? r : cp;
	}
	if (cp < 128)
		return (uint32_t)(upper ? toupper((int)cp) : tolower((int)cp));
	return cp;
}

static int cp_is_letter(uint32_t cp)
{
	uint32_t plain;
	int tone, up;
	return sohoa_viet_letter(cp, &plain, &tone, &up);
}

/* ASCII base letter, lowercase ('Ấ' -> 'a', 'đ' -> 'd'). */
static uint32_t cp_base(uint32_t cp)
{
	return cp_case(sohoa_viet_base(cp_case(cp, 0)), 0);
}

/* Punctuation we strip from token edges; apostrophes and backquotes are kept on OCR tokens
 * because the eng engine prints tone marks as them ("Sé'" for "Sở"). */
static int cp_edge_punct(uint32_t cp)
{
	if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB || cp == 0x2026 ||
	    cp == 0x2013 || cp == 0x2014)
		return 1; /* curly double quotes, guillemets, ellipsis, dashes */
	return cp < 128 && strchr(",.;:!?()[]{}\"", (int)cp) && cp != 0;
}

/* ---- render ---- */

typedef struct render_opts {
	unsigned seed;
	int degrade_pct; /* share of pages degraded */
	int max_pages;
	float size;      /* font size in points */
	int dpi;
} render_opts;

static unsigned rnd_state = 1;
static unsigned rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 8) & 0xFFFFFF;
}

enum { STYLE_REGULAR, STYLE_BOLD, STYLE_ITALIC, NSTYLES };

typedef struct renderer {
	fz_context *ctx;
	fz_font *font[NSTYLES];
	render_opts o;
	const char *outdir;
	int page_no;
	fz_display_list *list;
	fz_device *dev;
	sohoa_buf gt;   /* printed lines of the current page */
	float y;        /* baseline of the next line, points from the top */
} renderer;

static const float PAGE_W = 595.0f, PAGE_H = 842.0f;
static const float MARGIN_L = 85.0f, MARGIN_R = 57.0f, MARGIN_T = 57.0f, MARGIN_B = 57.0f;

static float text_width(renderer *r, fz_font *font, const char *s)
{
	fz_matrix m = fz_measure_string(r->ctx, font, fz_scale(r->o.size, -r->o.size), s, 0, 0, FZ_BIDI_LTR, FZ_LANG_UNSET);
	return m.e;
}

/* Blur, add noise and threshold the page: what a cheap scanner and a fax-like binarization do
 * to thin diacritics. */
static void degrade(fz_pixmap *pix, int dpi)
{
	int w = pix->w, h = pix->h, n = pix->n;
	unsigned char *p = pix->samples;
	unsigned char *tmp = malloc((size_t)w * h);
	if (!tmp)
		die("out of memory");
	int radius = 1 + (dpi >= 250 ? (int)(rnd() % 2) : 0);
	int thresh = 110 + (int)(rnd() % 60);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			int sum = 0, cnt = 0;
			for (int dy = -radius; dy <= radius; dy++)
				for (int dx = -radius; dx <= radius; dx++) {
					int yy = y + dy, xx = x + dx;
					if (yy < 0 || yy >= h || xx < 0 || xx >= w)
						continue;
					sum += p[(size_t)yy * pix->stride + (size_t)xx * n];
					cnt++;
				}
			int v = sum / cnt + (int)(rnd() % 81) - 40;
			tmp[(size_t)y * w + x] = v < thresh ? 0 : 255;
		}
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++)
			p[(size_t)y * pix->stride + (size_t)x * n] = tmp[(size_t)y * w + x];
	free(tmp);
}

static void page_begin(renderer *r)
{
	r->list = fz_new_display_list(r->ctx, fz_make_rect(0, 0, PAGE_W, PAGE_H));
	r->dev = fz_new_list_device(r->ctx, r->list);
	r->y = MARGIN_T + r->o.size;
	r->gt.len = 0;
	if (r->gt.data)
		r->gt.data[0] = 0;
}

static void page_end(renderer *r)
{
	fz_context *ctx = r->ctx;
	fz_close_device(ctx, r->dev);
	fz_drop_device(ctx, r->dev);
	r->dev = NULL;
	if (r->gt.len > 0) {
		float z = r->o.dpi / 72.0f;
		fz_matrix ctm = fz_scale(z, z);
		fz_irect bbox = fz_round_rect(fz_transform_rect(fz_make_rect(0, 0, PAGE_W, PAGE_H), ctm));
		fz_pixmap *pix = fz_new_pixmap_with_bbox(ctx, fz_device_gray(ctx), bbox, NULL, 0);
		fz_set_pixmap_resolution(ctx, pix, r->o.dpi, r->o.dpi);
		fz_clear_pixmap_with_value(ctx, pix, 255);
		fz_device *draw = fz_new_draw_device(ctx, fz_identity, pix);
		fz_run_display_list(ctx, r->list, draw, ctm, fz_infinite_rect, NULL);
		fz_close_device(ctx, draw);
		fz_drop_device(ctx, draw);
		if ((int)(rnd() % 100) < r->o.degrade_pct)
			degrade(pix, r->o.dpi);
		char path[4096];
		snprintf(path, sizeof path, "%s/p%04d.png", r->outdir, r->page_no);
		fz_save_pixmap_as_png(ctx, pix, path);
		fz_drop_pixmap(ctx, pix);
		snprintf(path, sizeof path, "%s/p%04d.gt.txt", r->outdir, r->page_no);
		FILE *f = fopen(path, "w");
		if (!f || fwrite(r->gt.data, 1, r->gt.len, f) != r->gt.len || fclose(f) != 0)
			die("cannot write '%s'", path);
		r->page_no++;
	}
	fz_drop_display_list(ctx, r->list);
	r->list = NULL;
}

static void show_line(renderer *r, fz_font *font, float x, const char *s)
{
	fz_context *ctx = r->ctx;
	if (r->y > PAGE_H - MARGIN_B) {
		page_end(r);
		if (r->page_no >= r->o.max_pages)
			return;
		page_begin(r);
	}
	fz_text *text = fz_new_text(ctx);
	fz_matrix trm = fz_make_matrix(r->o.size, 0, 0, -r->o.size, x, r->y);
	fz_show_string(ctx, text, font, trm, s, 0, 0, FZ_BIDI_LTR, FZ_LANG_UNSET);
	float black = 0;
	fz_fill_text(ctx, r->dev, text, fz_identity, fz_device_gray(ctx), &black, 1, fz_default_color_params);
	fz_drop_text(ctx, text);
	sohoa_buf_puts(&r->gt, s);
	sohoa_buf_puts(&r->gt, "\n");
	r->y += r->o.size * 1.35f;
}

/* Lay one paragraph out in lines that fit the text width, with a first-line indent. */
static void show_paragraph(renderer *r, const char *para)
{
	unsigned pick = rnd() % 100;
	int style = pick < 82 ? STYLE_REGULAR : pick < 92 ? STYLE_BOLD : STYLE_ITALIC;
	int upper = rnd() % 100 < 6;
	fz_font *font = r->font[style];
	sohoa_buf text = {0}, line = {0}, trial = {0};
	cps c = cps_from(para, strlen(para));
	for (size_t i = 0; i < c.n; i++)
		c.v[i] = upper ? cp_case(c.v[i], 1) : c.v[i];
	put_cps(&text, c.v, c.n);
	free(c.v);
	float indent = 28.0f, width = PAGE_W - MARGIN_L - MARGIN_R;
	const char *p = text.data ? text.data : "";
	int first = 1;
	while (*p && r->page_no < r->o.max_pages) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		if (e == p)
			break;
		trial.len = 0;
		sohoa_buf_append(&trial, line.data ? line.data : "", line.len);
		if (line.len)
			sohoa_buf_puts(&trial, " ");
		sohoa_buf_append(&trial, p, (size_t)(e - p));
		float avail = width - (first ? indent : 0);
		if (line.len && text_width(r, font, trial.data) > avail) {
			show_line(r, font, MARGIN_L + (first ? indent : 0), line.data);
			first = 0;
			line.len = 0;
			line.data[0] = 0;
			continue;
		}
		line.len = 0;
		sohoa_buf_append(&line, trial.data, trial.len);
		p = e;
	}
	if (line.len && r->page_no < r->o.max_pages)
		show_line(r, font, MARGIN_L + (first ? indent : 0), line.data);
	r->y += r->o.size * 0.4f;
	sohoa_buf_free(&text);
	sohoa_buf_free(&line);
	sohoa_buf_free(&trial);
}

/* A paragraph worth printing: mostly letters, valid UTF-8, no combining marks (NFC text only). */
static int usable(const char *s, size_t n)
{
	if (n < 20 || n > 4000 || !sohoa_utf8_valid(s, n))
		return 0;
	cps c = cps_from(s, n);
	size_t letters = 0;
	int ok = 1;
	for (size_t i = 0; i < c.n; i++) {
		if (c.v[i] >= 0x300 && c.v[i] < 0x370)
			ok = 0;
		if (c.v[i] == '=' || c.v[i] == '|' || c.v[i] == '\t')
			ok = 0;
		letters += cp_is_letter(c.v[i]);
	}
	if (c.n == 0 || letters * 10 < c.n * 7)
		ok = 0;
	free(c.v);
	return ok;
}

static int cmd_render(int argc, char **argv)
{
	render_opts o = {1, 40, 1000, 13.0f, 300};
	const char *volatile fontdir = "/usr/share/fonts/truetype/liberation2";
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-s") && i + 1 < argc)
			o.seed = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "-d") && i + 1 < argc)
			o.degrade_pct = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-p") && i + 1 < argc)
			o.max_pages = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-r") && i + 1 < argc)
			o.dpi = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-f") && i + 1 < argc)
			fontdir = argv[++i];
		else if (!strcmp(argv[i], "-z") && i + 1 < argc)
			o.size = (float)atof(argv[++i]);
		else
			die("unknown option '%s'", argv[i]);
	}
	if (o.dpi < 72 || o.dpi > 600 || o.max_pages < 1 || o.degrade_pct < 0 || o.degrade_pct > 100 || o.size < 6 ||
	    o.size > 30)
		die("render: -r wants 72..600 dpi, -p at least 1 page, -d 0..100, -z 6..30 points");
	if (argc - i != 2)
		die("%s", "usage: learn-channel render [-s SEED] [-d DEGRADE%] [-p MAXPAGES] [-r DPI] [-z POINTS] [-f FONTDIR] TEXT OUTDIR");
	rnd_state = o.seed ? o.seed : 1;
	renderer r = {0};
	r.o = o;
	r.outdir = argv[i + 1];
	r.ctx = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
	if (!r.ctx)
		die("cannot create MuPDF context");
	static const char *names[NSTYLES] = {"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
					     "LiberationSerif-Italic.ttf"};
	int status = 0;
	fz_try(r.ctx) {
		for (int s = 0; s < NSTYLES; s++) {
			char path[4096];
			snprintf(path, sizeof path, "%s/%s", fontdir, names[s]);
			r.font[s] = fz_new_font_from_file(r.ctx, NULL, path, 0, 0);
		}
		FILE *f = fopen(argv[i], "r");
		if (!f)
			fz_throw(r.ctx, FZ_ERROR_GENERIC, "cannot open '%s': %s", argv[i], strerror(errno));
		char *ln = NULL;
		size_t cap = 0;
		ssize_t len;
		page_begin(&r);
		while (r.page_no < o.max_pages && (len = getline(&ln, &cap, f)) >= 0) {
			while (len > 0 && (ln[len - 1] == '\n' || ln[len - 1] == '\r' || ln[len - 1] == ' '))
				ln[--len] = 0;
			if (usable(ln, (size_t)len))
				show_paragraph(&r, ln);
		}
		free(ln);
		fclose(f);
		if (r.page_no < o.max_pages)
			page_end(&r);
	}
	fz_catch(r.ctx) {
		fprintf(stderr, "learn-channel: %s\n", fz_caught_message(r.ctx));
		status = 1;
	}
	if (r.list) {
		fz_drop_device(r.ctx, r.dev);
		fz_drop_display_list(r.ctx, r.list);
	}
	for (int s = 0; s < NSTYLES; s++)
		fz_drop_font(r.ctx, r.font[s]);
	fz_drop_context(r.ctx);
	sohoa_buf_free(&r.gt);
	printf("%d pages\n", r.page_no);
	return status;
}

/* ---- counting table: string key -> count ---- */

typedef struct entry {
	char *key; /* "observed\tintended" */
	long count;
} entry;

typedef struct table {
	entry *e;
	size_t cap, n;
} table;

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static void table_add(table *t, const char *key, long count)
{
	if (t->n * 2 >= t->cap) {
		table old = *t;
		t->cap = old.cap ? old.cap * 2 : 1024;
		t->e = calloc(t->cap, sizeof(entry));
		if (!t->e)
			die("out of memory");
		t->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.e[i].key) {
				size_t j = hash(old.e[i].key) & (t->cap - 1);
				while (t->e[j].key)
					j = (j + 1) & (t->cap - 1);
				t->e[j] = old.e[i];
				t->n++;
			}
		free(old.e);
	}
	size_t j = hash(key) & (t->cap - 1);
	while (t->e[j].key && strcmp(t->e[j].key, key))
		j = (j + 1) & (t->cap - 1);
	if (!t->e[j].key) {
		t->e[j].key = sohoa_strdup(key);
		t->n++;
	}
	t->e[j].count += count;
}

static int entry_cmp(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->key, y->key);
}

static void table_write(table *t, const char *path, long min_count)
{
	size_t k = 0;
	for (size_t i = 0; i < t->cap; i++)
		if (t->e[i].key)
			t->e[k++] = t->e[i];
	qsort(t->e, k, sizeof(entry), entry_cmp);
	FILE *f = fopen(path, "w");
	if (!f)
		die("cannot write '%s'", path);
	for (size_t i = 0; i < k; i++)
		if (t->e[i].count >= min_count)
			fprintf(f, "%s\t%ld\n", t->e[i].key, t->e[i].count);
	if (fclose(f) != 0)
		die("cannot write '%s'", path);
}

/* ---- alignment ---- */

/* Cost of reading intended letter i as observed o: a letter with the same base but other marks
 * is a near miss (it is what the eng engine mostly does). */
static double char_cost(uint32_t o, uint32_t i)
{
	if (o == i)
		return 0;
	if (cp_base(o) == cp_base(i) && cp_is_letter(o) && cp_is_letter(i))
		return 0.3;
	return 1;
}

typedef struct cps_pair { const uint32_t *o, *in; } cps_pair;

static double char_cost_at(const void *arg, size_t a, size_t b)
{
	const cps_pair *p = arg;
	return char_cost(p->o[a], p->in[b]);
}

/* Weighted Levenshtein distance of observed o and intended in (code points); with path, the
 * alignment: ALIGN_SAME or OTHER a letter read as itself or another, ROW an observed letter
 * inserted, COL an intended letter dropped. */
static double edit(const uint32_t *o, size_t no, const uint32_t *in, size_t ni, align_path *path)
{
	cps_pair p = {o, in};
	align_spec s = {char_cost_at, &p, 1, 0};
	return align_run(&s, no, ni, path);
}

typedef struct token {
	cps c; /* lowercase, edge punctuation stripped */
} token;

typedef struct aligner {
	table tokens, chars;
	table printed; /* printed tokens of the counted pairs (lowercase) -> count */
	long pages, lines_paired, lines_gt, tok_pairs, tok_gt;
} aligner;

static void emit_block(aligner *al, const uint32_t *o, size_t no, const uint32_t *in, size_t ni)
{
	if (no == 0 || ni == 0 || no > 3 || ni > 3)
		return;
	sohoa_buf k = {0};
	put_cps(&k, o, no);
	sohoa_buf_puts(&k, "\t");
	put_cps(&k, in, ni);
	table_add(&al->chars, k.data, 1);
	sohoa_buf_free(&k);
}

/* Count the character confusions inside one aligned token pair. A run of edits that holds an
 * insertion or deletion is one substring confusion ("ir" -> "ư"); a run of plain substitutions is
 * counted letter by letter ("gc" -> "ợc" is "g" -> "ợ"). Matches count as identities. */
static void count_chars(aligner *al, const cps *o, const cps *in)
{
	align_path path;
	edit(o->v, o->n, in->v, in->n, &path);
	const unsigned char *ops = path.op;
	size_t a = 0, b = 0, k = 0, nops = path.n;
	while (k < nops) {
		if (ops[k] == ALIGN_SAME) {
			emit_block(al, o->v + a, 1, in->v + b, 1);
			a++, b++, k++;
			continue;
		}
		size_t a0 = a, b0 = b, k0 = k;
		int gap = 0;
		while (k < nops && ops[k] != ALIGN_SAME) {
			if (ops[k] == ALIGN_OTHER)
				a++, b++;
			else if (ops[k] == ALIGN_ROW)
				a++, gap = 1;
			else
				b++, gap = 1;
			k++;
		}
		if (gap)
			emit_block(al, o->v + a0, a - a0, in->v + b0, b - b0);
		else
			for (size_t j = 0; j < k - k0; j++)
				emit_block(al, o->v + a0 + j, 1, in->v + b0 + j, 1);
	}
	free(path.op);
}

static size_t tokenize(const char *line, token **out, int is_ocr)
{
	size_t n = 0, cap = 0;
	token *t = NULL;
	const char *p = line;
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		const char *e = p;
		while (*e && *e != ' ' && *e != '\t')
			e++;
		if (e == p)
			break;
		cps c = cps_from(p, (size_t)(e - p));
		size_t s = 0, f = c.n;
		while (s < f && cp_edge_punct(c.v[s]))
			s++;
		while (f > s && (cp_edge_punct(c.v[f - 1]) || (!is_ocr && (c.v[f - 1] == '\'' || c.v[f - 1] == 0x2019))))
			f--;
		memmove(c.v, c.v + s, (f - s) * sizeof(uint32_t));
		c.n = f - s;
		for (size_t j = 0; j < c.n; j++)
			c.v[j] = cp_case(c.v[j], 0);
		if (SOHOA_GROW(t, n + 1, cap))
			die("out of memory");
		t[n++].c = c;
		p = e;
	}
	*out = t;
	return n;
}

static double token_cost(const token *o, const token *in)
{
	size_t m = o->c.n > in->c.n ? o->c.n : in->c.n;
	if (m == 0)
		return 0;
	double d = edit(o->c.v, o->c.n, in->c.v, in->c.n, NULL) / (double)m;
	return d > 1 ? 1 : d;
}

/* 1 if c is one well-formed Vietnamese syllable (foreign names in the corpus are left out). */
static int is_syllable(const cps *c)
{
	if (c->n == 0)
		return 0;
	sohoa_buf b = {0};
	put_cps(&b, c->v, c->n);
	int r = sohoa_viet_syllable(b.data, b.len);
	sohoa_buf_free(&b);
	return r;
}

typedef struct line_tokens { aligner *al; const token *o, *g; } line_tokens;

static double token_cost_at(const void *arg, size_t a, size_t b)
{
	const line_tokens *t = arg;
	return token_cost(&t->o[a], &t->g[b]);
}

/* OCR token a paired with printed token b: counted when the OCR token plausibly is that
 * syllable, under 0.6 of its letters differing (splits and merges fall out here). */
static void token_pair(void *arg, size_t a, size_t b)
{
	line_tokens *t = arg;
	const token *ot = &t->o[a], *it = &t->g[b];
	if (token_cost(ot, it) >= 0.6 || !is_syllable(&it->c) || ot->c.n == 0)
		return;
	/* The intended syllable under its canonical key, so that "hoà" and "hòa" count together;
	 * characters below stay as printed. */
	sohoa_buf key = {0}, printed = {0};
	put_cps(&key, ot->c.v, ot->c.n);
	sohoa_buf_puts(&key, "\t");
	put_cps(&printed, it->c.v, it->c.n);
	sohoa_viet_key(printed.data, printed.len, &key);
	table_add(&t->al->tokens, key.data, 1);
	table_add(&t->al->printed, printed.data, 1);
	sohoa_buf_free(&key);
	sohoa_buf_free(&printed);
	count_chars(t->al, &ot->c, &it->c);
	t->al->tok_pairs++;
}

/* Token-level Levenshtein alignment of one printed line with its OCR line; pairs that are close
 * enough are counted. */
static void align_line(aligner *al, const char *gt, const char *ocr)
{
	token *g, *o;
	size_t ng = tokenize(gt, &g, 0), no = tokenize(ocr, &o, 1);
	line_tokens t = {al, o, g};
	align_spec spec = {token_cost_at, &t, 1, 0};
	align_pairs(&spec, no, ng, token_pair, &t);
	for (size_t j = 0; j < ng; j++)
		al->tok_gt += is_syllable(&g[j].c);
	for (size_t j = 0; j < ng; j++)
		free(g[j].c.v);
	for (size_t j = 0; j < no; j++)
		free(o[j].c.v);
	free(g), free(o);
}

static size_t read_lines(const char *path, char ***out)
{
	FILE *f = fopen(path, "r");
	if (!f)
		die("cannot open '%s'", path);
	size_t n = 0, cap = 0;
	char **v = NULL;
	char *ln = NULL;
	size_t lcap = 0;
	ssize_t len;
	while ((len = getline(&ln, &lcap, f)) >= 0) {
		while (len > 0 && (ln[len - 1] == '\n' || ln[len - 1] == '\r' || ln[len - 1] == ' '))
			ln[--len] = 0;
		if (len == 0 || ln[0] == '\f')
			continue;
		if (SOHOA_GROW(v, n + 1, cap))
			die("out of memory");
		v[n++] = xstrdup(ln);
	}
	free(ln);
	fclose(f);
	*out = v;
	return n;
}

/* Distance of two lines as letters only, ASCII base, normalized to 0..1. */
static cps line_key(const char *s)
{
	cps c = cps_from(s, strlen(s));
	size_t k = 0;
	for (size_t i = 0; i < c.n; i++)
		if (c.v[i] != ' ')
			c.v[k++] = cp_base(c.v[i]);
	c.n = k;
	return c;
}

typedef struct page_lines { aligner *al; char **o, **g; const cps *ok, *gk; } page_lines;

/* Distance of OCR line a and printed line b, letters only, 0..1; only lines near the diagonal
 * are compared (1 elsewhere): the OCR keeps the line order. */
static double line_cost_at(const void *arg, size_t a, size_t b)
{
	const page_lines *p = arg;
	long off = (long)a - (long)b;
	double c = 1;
	if (off > -6 && off < 6) {
		const cps *o = &p->ok[a], *g = &p->gk[b];
		size_t m = o->n > g->n ? o->n : g->n;
		c = m ? edit(o->v, o->n, g->v, g->n, NULL) / (double)m : 1;
		if (c > 1)
			c = 1;
	}
	return c;
}

/* OCR line a paired with printed line b: its tokens aligned when the lines are close enough. */
static void line_pair(void *arg, size_t a, size_t b)
{
	page_lines *p = arg;
	if (line_cost_at(p, a, b) < 0.4) {
		align_line(p->al, p->g[b], p->o[a]);
		p->al->lines_paired++;
	}
}

/* Line-level alignment of a page (lines can be lost or split by the OCR), then tokens. */
static void align_page(aligner *al, const char *gt_path, const char *ocr_path)
{
	char **g, **o;
	size_t ng = read_lines(gt_path, &g), no = read_lines(ocr_path, &o);
	cps *gk = xmalloc((ng + 1) * sizeof(cps)), *ok = xmalloc((no + 1) * sizeof(cps));
	for (size_t i = 0; i < ng; i++)
		gk[i] = line_key(g[i]);
	for (size_t i = 0; i < no; i++)
		ok[i] = line_key(o[i]);
	page_lines p = {al, o, g, ok, gk};
	align_spec spec = {line_cost_at, &p, 1, 0};
	align_pairs(&spec, no, ng, line_pair, &p);
	al->lines_gt += (long)ng;
	al->pages++;
	for (size_t i = 0; i < ng; i++)
		free(g[i]), free(gk[i].v);
	for (size_t i = 0; i < no; i++)
		free(o[i]), free(ok[i].v);
	free(g), free(o), free(gk), free(ok);
}

/* Occurrences of needle[0..nn) in hay (code points, overlapping). */
static long count_in(const uint32_t *hay, size_t nh, const uint32_t *needle, size_t nn)
{
	long c = 0;
	for (size_t i = 0; i + nn <= nh; i++)
		if (!memcmp(hay + i, needle, nn * sizeof *needle))
			c++;
	return c;
}

/* A substring confusion ("i" read for "rì") is counted once per sighting, but its intended string
 * read right is counted letter by letter, never as a whole: the model would divide by the
 * sightings alone and think "rì" is read "i" most of the time. So each intended string of two or
 * more letters gets an identity row: how often it was printed in the counted tokens, less its
 * confusions. Then ln P(observed | intended) = count / printed occurrences. */
static void chars_identities(aligner *al)
{
	table add = {0};
	for (size_t i = 0; i < al->chars.cap; i++) {
		const char *key = al->chars.e[i].key;
		const char *tab = key ? strchr(key, '\t') : NULL;
		if (!tab)
			continue;
		cps in = cps_from(tab + 1, strlen(tab + 1));
		if (in.n >= 2) {
			/* occurrences in the printed tokens, once per intended string */
			sohoa_buf idkey = {0};
			sohoa_buf_puts(&idkey, tab + 1);
			sohoa_buf_puts(&idkey, "\t");
			sohoa_buf_puts(&idkey, tab + 1);
			table_add(&add, idkey.data, 0);
			sohoa_buf_free(&idkey);
		}
		free(in.v);
	}
	size_t np = 0;
	cps *pt = malloc((al->printed.n + 1) * sizeof *pt);
	long *pc = malloc((al->printed.n + 1) * sizeof *pc);
	if (!pt || !pc)
		die("out of memory");
	for (size_t j = 0; j < al->printed.cap; j++)
		if (al->printed.e[j].key) {
			pt[np] = cps_from(al->printed.e[j].key, strlen(al->printed.e[j].key));
			pc[np++] = al->printed.e[j].count;
		}
	for (size_t i = 0; i < add.cap; i++) {
		if (!add.e[i].key)
			continue;
		const char *tab = strchr(add.e[i].key, '\t');
		cps in = cps_from(tab + 1, strlen(tab + 1));
		long occ = 0, seen = 0;
		for (size_t j = 0; j < np; j++)
			occ += pc[j] * count_in(pt[j].v, pt[j].n, in.v, in.n);
		for (size_t j = 0; j < al->chars.cap; j++) {
			const char *k = al->chars.e[j].key;
			const char *kt = k ? strchr(k, '\t') : NULL;
			if (kt && !strcmp(kt + 1, tab + 1))
				seen += al->chars.e[j].count;
		}
		if (occ > seen)
			table_add(&al->chars, add.e[i].key, occ - seen);
		free(in.v);
		free(add.e[i].key);
	}
	for (size_t j = 0; j < np; j++)
		free(pt[j].v);
	free(pt);
	free(pc);
	free(add.e);
}

/* The readings of a syllable seen a few times are not all its readings: "dế" printed once and
 * read "dé" would otherwise get P(dé | dế) = 1 and outrank every common word read "dé". Each
 * intended syllable gets a row UNSEEN_OBS (never an observed token: it holds a space) with count
 * n, so ln P(observed | intended) = count / (sightings + n); the restorer scores the rest of the
 * readings with the character channel. n = 0: no such rows. */
#define UNSEEN_OBS "(any other)"
static void tokens_unseen(aligner *al, long n)
{
	if (n <= 0)
		return;
	table w = {0};
	for (size_t i = 0; i < al->tokens.cap; i++) {
		const char *key = al->tokens.e[i].key;
		const char *tab = key ? strchr(key, '\t') : NULL;
		if (tab)
			table_add(&w, tab + 1, 0);
	}
	for (size_t i = 0; i < w.cap; i++) {
		if (!w.e[i].key)
			continue;
		sohoa_buf k = {0};
		sohoa_buf_puts(&k, UNSEEN_OBS "\t");
		sohoa_buf_puts(&k, w.e[i].key);
		table_add(&al->tokens, k.data, n);
		sohoa_buf_free(&k);
		free(w.e[i].key);
	}
	free(w.e);
}

static int cmd_align(int argc, char **argv)
{
	const char *tok_path = NULL, *chr_path = NULL;
	long min_tok = 1, min_chr = 1, unseen = 0;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-t") && i + 1 < argc)
			tok_path = argv[++i];
		else if (!strcmp(argv[i], "-c") && i + 1 < argc)
			chr_path = argv[++i];
		else if (!strcmp(argv[i], "-m") && i + 1 < argc)
			min_tok = atol(argv[++i]);
		else if (!strcmp(argv[i], "-M") && i + 1 < argc)
			min_chr = atol(argv[++i]);
		else if (!strcmp(argv[i], "-u") && i + 1 < argc)
			unseen = atol(argv[++i]);
		else
			die("unknown option '%s'", argv[i]);
	}
	if (!tok_path || !chr_path || (argc - i) % 2 != 0 || argc == i)
		die("usage: learn-channel align -t TOKENS.tsv -c CHARS.tsv [-m MIN] [-M MIN] [-u N] GT OCR [GT OCR...]");
	aligner al = {0};
	for (; i < argc; i += 2)
		align_page(&al, argv[i], argv[i + 1]);
	chars_identities(&al);
	tokens_unseen(&al, unseen);
	table_write(&al.tokens, tok_path, min_tok);
	table_write(&al.chars, chr_path, min_chr);
	printf("pages %ld, printed lines %ld, lines paired %ld, printed syllables %ld, token pairs counted %ld, "
	       "token types %zu, char types %zu\n",
	       al.pages, al.lines_gt, al.lines_paired, al.tok_gt, al.tok_pairs, al.tokens.n, al.chars.n);
	return 0;
}

int main(int argc, char **argv)
{
	tool_exit_status = 1;
	if (argc >= 2 && !strcmp(argv[1], "render"))
		return cmd_render(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "align"))
		return cmd_align(argc - 1, argv + 1);
	fprintf(stderr, "usage: learn-channel render|align ...\n"
			"  render [-s SEED] [-d DEGRADE%%] [-p MAXPAGES] [-r DPI] [-z POINTS] [-f FONTDIR] TEXT OUTDIR\n"
			"  align -t TOKENS.tsv -c CHARS.tsv [-m MIN] [-M MIN] [-u N] GT OCR [GT OCR...]\n");
	return 2;
}
