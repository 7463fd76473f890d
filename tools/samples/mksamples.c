/* mksamples: lays out a seed document as an official-looking born-digital PDF with MuPDF's story
 * API (and writes the text as laid out, the truth), rasterizes PDF pages, and assembles image-only
 * PDFs. It is a tool, not part of the library, so it talks to MuPDF and HarfBuzz directly.
 *
 *   mksamples layout [options] SEED.txt OUT.pdf TRUTH.txt
 *   mksamples raster IN.pdf DPI PREFIX        writes PREFIX-001.png ... (RGB)
 *   mksamples imgpdf OUT.pdf DPI IMAGE...     one image per page, page size from pixels and DPI
 *   mksamples strip IN.txt OUT.txt            the text with every diacritic removed (đ -> d)
 *
 * Truth format: one line per block as placed (letterhead line, title, paragraph, list item, table
 * row with cells joined by TAB), a line holding only a form feed between pages. Blocks never split
 * across pages, so the truth of page N is exact. */
#include "../lib/tool.h"
#include "../../core/array.h"
#include "../../core/doctype.h"
#include "../../core/sohoa.h"
#include "../../core/viet.h"

#include <mupdf/fitz.h>
#include <hb.h>
#include <hb-subset.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONT_DIR "/usr/share/fonts/truetype/liberation2"

/* ---- small text helpers ------------------------------------------------------------------- */

static int is_space_cp(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || c == '\r' || c == '\f' || c == 0x200B || c == 0xFEFF;
}

/* Trimmed copy of s with every run of white space folded to one space. */
static char *collapse(const char *s)
{
	size_t n = strlen(s), i = 0;
	sohoa_buf b = {0};
	int pending = 0;
	while (i < n) {
		uint32_t c;
		size_t k = sohoa_utf8_decode(s + i, n - i, &c);
		if (is_space_cp(c)) {
			pending = b.len > 0;
		} else {
			if (pending)
				sohoa_buf_puts(&b, " ");
			pending = 0;
			sohoa_buf_append(&b, s + i, k);
		}
		i += k;
	}
	if (!b.data)
		sohoa_buf_puts(&b, "");
	return sohoa_buf_steal(&b);
}

static size_t cp_count(const char *s)
{
	size_t n = strlen(s), i = 0, c = 0;
	while (i < n) {
		uint32_t cp;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		c++;
	}
	return c;
}

static uint32_t first_cp(const char *s)
{
	uint32_t c = 0;
	if (*s)
		sohoa_utf8_decode(s, strlen(s), &c);
	return c;
}

static int cp_upper(uint32_t c)
{
	uint32_t plain;
	int tone, upper = 0;
	if (sohoa_viet_letter(c, &plain, &tone, &upper))
		return upper;
	return 0;
}

static int cp_letter(uint32_t c)
{
	uint32_t plain;
	int tone, upper;
	return sohoa_viet_letter(c, &plain, &tone, &upper);
}

/* 1 if s has letters and none of them is lowercase (a signature title such as "KT. GIÁM ĐỐC"). */
static int all_caps(const char *s)
{
	size_t n = strlen(s), i = 0;
	int letters = 0;
	while (i < n) {
		uint32_t c;
		i += sohoa_utf8_decode(s + i, n - i, &c);
		if (cp_letter(c)) {
			letters++;
			if (!cp_upper(c))
				return 0;
		}
	}
	return letters > 0;
}

static int starts_with(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static int ends_with_any(const char *s, const char *set)
{
	size_t n = strlen(s);
	return n > 0 && strchr(set, s[n - 1]) != NULL;
}

/* Length of a list marker at the start of s ("- ", "1. ", "1.2. ", "1. 1. ", "a) ", "II. "),
 * 0 if none. */
static size_t list_marker(const char *s)
{
	const char *p = s;
	if ((p[0] == '-' || p[0] == '+' || p[0] == '*') && p[1] == ' ')
		return 2;
	if (starts_with(p, "\xE2\x80\x93 ") || starts_with(p, "\xE2\x80\xA2 ")) /* – • */
		return 4;
	if (*p >= '0' && *p <= '9') {
		int levels = 0;
		for (;;) {
			int d = 0;
			while (*p >= '0' && *p <= '9' && d < 3)
				p++, d++;
			if (d == 0 || (*p >= '0' && *p <= '9'))
				return 0;
			levels++;
			if (*p == ')' && p[1] == ' ')
				return (size_t)(p + 2 - s);
			if (*p != '.')
				return levels > 1 && *p == ' ' ? (size_t)(p + 1 - s) : 0;
			p++;
			if (*p == ' ' && p[1] >= '0' && p[1] <= '9')
				p++;
			if (*p == ' ')
				return (size_t)(p + 1 - s);
			if (!(*p >= '0' && *p <= '9'))
				return 0;
		}
	}
	if (strchr("IVX", *p)) {
		while (*p && strchr("IVX", *p))
			p++;
		if (*p == '.' && p[1] == ' ')
			return (size_t)(p + 2 - s);
		return 0;
	}
	if (((*p >= 'a' && *p <= 'z')) && p[1] == ')' && p[2] == ' ')
		return 3;
	if (starts_with(p, "\xC4\x91) ")) /* đ) */
		return 4;
	return 0;
}

static void html_escape(sohoa_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': sohoa_buf_puts(b, "&amp;"); break;
		case '<': sohoa_buf_puts(b, "&lt;"); break;
		case '>': sohoa_buf_puts(b, "&gt;"); break;
		case '"': sohoa_buf_puts(b, "&quot;"); break;
		default: sohoa_buf_append(b, s, 1);
		}
	}
}

/* ---- string lists ------------------------------------------------------------------------- */

typedef struct {
	char **v;
	size_t n, cap;
} strlist;

static void sl_push(strlist *l, char *s)
{
	if (SOHOA_GROW(l->v, l->n + 1, l->cap))
		die("out of memory");
	l->v[l->n++] = s;
}

static void sl_free(strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Split s at every occurrence of sep into l (copies). */
static void sl_split(strlist *l, const char *s, const char *sep)
{
	size_t k = strlen(sep);
	for (;;) {
		const char *e = strstr(s, sep);
		if (!e) {
			sl_push(l, xstrdup(s));
			return;
		}
		sl_push(l, sohoa_strndup(s, (size_t)(e - s)));
		s = e + k;
	}
}

/* ---- the seed document ------------------------------------------------------------------ */

enum { B_PARA, B_HEAD1, B_HEAD2, B_HEAD3, B_ITEM };

typedef struct {
	int kind;
	char *text;
} block;

typedef struct {
	strlist issuer;     /* letterhead, left column */
	char *number;       /* "Số: .../KH-SYT" */
	char *motto1, *motto2;
	char *date;         /* "Lai Châu, ngày ... " */
	int made_up;        /* letterhead supplied by options, not from the seed */
	char *type;         /* "KẾ HOẠCH" */
	char *title;
	block *blocks;
	size_t nblocks, capblocks;
	strlist recipients; /* "Nơi nhận:" list */
	strlist sigtitles;  /* "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC" */
	char *signer;
} seed_doc;

static void add_block(seed_doc *d, int kind, char *text)
{
	if (SOHOA_GROW(d->blocks, d->nblocks + 1, d->capblocks))
		die("out of memory");
	d->blocks[d->nblocks].kind = kind;
	d->blocks[d->nblocks].text = text;
	d->nblocks++;
}

static void seed_doc_free(seed_doc *d)
{
	sl_free(&d->issuer);
	free(d->number);
	free(d->motto1);
	free(d->motto2);
	free(d->date);
	free(d->type);
	free(d->title);
	for (size_t i = 0; i < d->nblocks; i++)
		free(d->blocks[i].text);
	free(d->blocks);
	sl_free(&d->recipients);
	sl_free(&d->sigtitles);
	free(d->signer);
}

enum { L_EMPTY, L_BLANK, L_TEXT };

typedef struct {
	int kind;
	int lead_space; /* the raw line starts with white space */
	size_t blank_len;
	char *text;     /* collapsed */
} src_line;

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* Split "Số: /KH-SYT Bình Định, ngày 15 tháng 6 năm 2023" into number and place/date: the place
 * is the run of capitalised words right before ", ngày". */
static void split_number_date(seed_doc *d, const char *s)
{
	const char *nd = strstr(s, ", ngày");
	if (!nd) {
		d->number = xstrdup(s);
		return;
	}
	const char *start = nd;
	for (;;) {
		const char *w = start;
		while (w > s && w[-1] == ' ')
			w--;
		const char *ws = w;
		while (ws > s && ws[-1] != ' ')
			ws--;
		if (ws == w || !cp_upper(first_cp(ws)) || ws == s)
			break;
		start = ws;
	}
	if (start == nd) {
		d->number = xstrdup(s);
		return;
	}
	char *num = sohoa_strndup(s, (size_t)(start - s));
	d->number = collapse(num);
	free(num);
	d->date = xstrdup(start);
}

typedef struct {
	const char *issuer, *number, *date; /* made-up letterhead when the seed has none */
} letterhead_opts;

/* Read a seed text (lines from a PDF text extraction) into a document: letterhead, type line,
 * title, body blocks (lines rejoined into paragraphs by rule), recipients and signature. */
static void seed_parse(seed_doc *d, const char *path, const letterhead_opts *lo)
{
	char *data = tool_read(path, NULL);

	src_line *ln = NULL;
	size_t nl = 0, cap = 0;
	for (char *p = data; *p;) {
		char *e = strchr(p, '\n');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		char *raw = sohoa_strndup(p, k);
		if (SOHOA_GROW(ln, nl + 1, cap))
			die("out of memory");
		src_line *l = &ln[nl++];
		l->text = collapse(raw);
		l->lead_space = k > 0 && (raw[0] == ' ' || raw[0] == '\t');
		l->blank_len = k;
		l->kind = k == 0 ? L_EMPTY : l->text[0] ? L_TEXT : L_BLANK;
		free(raw);
		p = e ? e + 1 : p + k;
	}
	free(data);

	/* The type line: a document type's name in capitals (core/doctype.c). */
	size_t t = nl;
	for (size_t i = 0; i < nl && t == nl; i++)
		for (size_t k = 0; k < sohoa_ndoctypes && ln[i].kind == L_TEXT; k++)
			if (sohoa_doctypes[k].caps && strcmp(ln[i].text, sohoa_doctypes[k].caps) == 0) {
				t = i;
				break;
			}
	if (t == nl)
		die("%s: no document type line (KẾ HOẠCH, QUYẾT ĐỊNH, ...)", path);
	d->type = xstrdup(ln[t].text);

	/* Letterhead: from the seed if it has the national motto above the type line. */
	int has_motto = 0;
	for (size_t i = 0; i < t; i++)
		if (ln[i].kind == L_TEXT && starts_with(ln[i].text, "CỘNG HÒA"))
			has_motto = 1;
	if (has_motto) {
		for (size_t i = 0; i < t; i++) {
			const char *s = ln[i].text;
			if (ln[i].kind != L_TEXT)
				continue;
			if (starts_with(s, "CỘNG HÒA"))
				d->motto1 = xstrdup(s);
			else if (starts_with(s, "Độc lập"))
				d->motto2 = xstrdup(s);
			else if (starts_with(s, "Số:") || starts_with(s, "Số "))
				split_number_date(d, s);
			else if (strstr(s, ", ngày"))
				d->date = xstrdup(s);
			else
				sl_push(&d->issuer, xstrdup(s));
		}
	} else {
		if (!lo->issuer || !lo->number || !lo->date)
			die("%s: no letterhead in the seed; give --issuer, --number and --date", path);
		d->made_up = 1;
		sl_split(&d->issuer, lo->issuer, "|");
		d->number = xstrdup(lo->number);
		d->date = xstrdup(lo->date);
	}
	if (!d->motto1)
		d->motto1 = xstrdup("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	if (!d->motto2)
		d->motto2 = xstrdup("Độc lập - Tự do - Hạnh phúc");
	if (!d->number)
		d->number = xstrdup("Số: /KH");
	if (!d->date)
		d->date = xstrdup("");

	/* Title: the lines after the type line up to the first white-space-only line. */
	size_t i = t + 1;
	sohoa_buf title = {0};
	int tl = 0;
	for (; i < nl && tl < 6; i++) {
		if (ln[i].kind == L_BLANK && tl > 0)
			break;
		if (ln[i].kind != L_TEXT)
			continue;
		if (title.len)
			sohoa_buf_puts(&title, " ");
		sohoa_buf_puts(&title, ln[i].text);
		tl++;
	}
	d->title = title.data ? sohoa_buf_steal(&title) : xstrdup("");

	/* Body: up to "Nơi nhận". */
	size_t end = i;
	while (end < nl && !(ln[end].kind == L_TEXT && starts_with(ln[end].text, "Nơi nhận")))
		end++;
	size_t *lens = xmalloc((end - i + 1) * sizeof *lens), nlen = 0;
	for (size_t j = i; j < end; j++)
		if (ln[j].kind == L_TEXT)
			lens[nlen++] = cp_count(ln[j].text);
	qsort(lens, nlen, sizeof *lens, cmp_size);
	size_t ref = nlen ? lens[nlen * 9 / 10] : 80;
	free(lens);

	sohoa_buf cur = {0};
	const char *prev = NULL;
	int in_footnote = 0;
	for (size_t j = i; j < end; j++) {
		src_line *l = &ln[j];
		if (l->kind == L_BLANK && l->blank_len >= 20) {
			in_footnote = 1; /* a footnote rule: its text runs to the next page start */
			continue;
		}
		if (l->kind != L_TEXT)
			continue;
		/* Link targets that leaked into the extraction as bare lines. */
		if ((starts_with(l->text, "http://") || starts_with(l->text, "https://")) &&
		    !strchr(l->text, ' '))
			continue;
		if (in_footnote) {
			if (!l->lead_space)
				continue;
			in_footnote = 0;
		}
		const char *s = l->text;
		uint32_t c0 = first_cp(s);
		int opens = cp_upper(c0) || c0 == 0x201C || c0 == '"' || c0 == '(' || c0 == 0x2018;
		int brk = prev == NULL || list_marker(s) > 0 ||
			  (opens && ends_with_any(prev, ".:;!?")) ||
			  (opens && cp_count(prev) * 100 < ref * 55);
		if (brk && cur.len) {
			add_block(d, B_PARA, sohoa_buf_steal(&cur));
		} else if (cur.len) {
			sohoa_buf_puts(&cur, " ");
		}
		sohoa_buf_puts(&cur, s);
		prev = s;
	}
	if (cur.len)
		add_block(d, B_PARA, sohoa_buf_steal(&cur));

	/* Classify blocks for styling. */
	for (size_t b = 0; b < d->nblocks; b++) {
		const char *s = d->blocks[b].text;
		size_t m = list_marker(s);
		int shortish = cp_count(s) < 80 && !ends_with_any(s, ".;,");
		if (m && strchr("IVX", s[0]) && s[m - 2] == '.')
			d->blocks[b].kind = B_HEAD1;
		else if (m && s[0] >= '0' && s[0] <= '9' && shortish)
			d->blocks[b].kind = B_HEAD2;
		else if (m && s[1] == ')' && shortish)
			d->blocks[b].kind = B_HEAD3;
		else if (m && !(s[0] >= '0' && s[0] <= '9'))
			d->blocks[b].kind = B_ITEM;
	}

	/* Recipients, signature titles, signer. */
	size_t j = end + 1;
	for (; j < nl; j++) {
		if (ln[j].kind != L_TEXT)
			continue;
		if (all_caps(ln[j].text))
			break;
		if (ln[j].text[0] == '-' || d->recipients.n == 0) {
			sl_push(&d->recipients, xstrdup(ln[j].text));
		} else {
			char *old = d->recipients.v[d->recipients.n - 1];
			size_t k = strlen(old) + strlen(ln[j].text) + 2;
			char *nw = xmalloc(k);
			snprintf(nw, k, "%s %s", old, ln[j].text);
			free(old);
			d->recipients.v[d->recipients.n - 1] = nw;
		}
	}
	for (; j < nl; j++) {
		if (ln[j].kind != L_TEXT)
			continue;
		if (!all_caps(ln[j].text))
			break;
		sl_push(&d->sigtitles, xstrdup(ln[j].text));
	}
	if (j < nl) {
		/* A name: a few words, each capitalised. */
		const char *s = ln[j].text;
		int words = 1, ok = cp_upper(first_cp(s));
		for (const char *p = s; *p; p++)
			if (*p == ' ') {
				words++;
				if (!cp_upper(first_cp(p + 1)))
					ok = 0;
			}
		if (ok && words <= 6)
			d->signer = xstrdup(s);
	}
	for (size_t k = 0; k < nl; k++)
		free(ln[k].text);
	free(ln);
}

/* ---- CSV ---------------------------------------------------------------------------------- */

typedef struct {
	strlist head;
	strlist *rows;
	size_t nrows;
} csv_table;

/* RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes. */
static void csv_read(csv_table *t, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		die("cannot open '%s'", path);
	sohoa_buf field = {0};
	strlist row = {0};
	int q = 0, c, any = 0;
	size_t cap = 0;
	for (;;) {
		c = fgetc(f);
		if (q) {
			if (c == EOF)
				break;
			if (c == '"') {
				int d = fgetc(f);
				if (d == '"') {
					sohoa_buf_puts(&field, "\"");
					continue;
				}
				q = 0;
				if (d != EOF)
					ungetc(d, f);
				continue;
			}
			char ch = (char)c;
			sohoa_buf_append(&field, &ch, 1);
			continue;
		}
		if (c == '"') {
			q = 1;
			any = 1;
			continue;
		}
		if (c == ',' || c == '\n' || c == EOF) {
			if (c == EOF && !any && row.n == 0)
				break;
			sl_push(&row, field.data ? sohoa_buf_steal(&field) : xstrdup(""));
			if (c != ',') {
				if (!t->head.n) {
					t->head = row;
				} else {
					if (SOHOA_GROW(t->rows, t->nrows + 1, cap))
						die("out of memory");
					t->rows[t->nrows++] = row;
				}
				memset(&row, 0, sizeof row);
				any = 0;
				if (c == EOF)
					break;
			}
			continue;
		}
		if (c == '\r')
			continue;
		char ch = (char)c;
		sohoa_buf_append(&field, &ch, 1);
		any = 1;
	}
	fclose(f);
	sohoa_buf_free(&field);
	sl_free(&row);
}

static void csv_free(csv_table *t)
{
	sl_free(&t->head);
	for (size_t i = 0; i < t->nrows; i++)
		sl_free(&t->rows[i]);
	free(t->rows);
}

static int csv_col(const csv_table *t, const char *name)
{
	for (size_t i = 0; i < t->head.n; i++)
		if (strcmp(t->head.v[i], name) == 0)
			return (int)i;
	return -1;
}

/* ---- layout on the story API --------------------------------------------------------------- */

typedef struct {
	fz_context *fz;
	fz_archive *fonts;     /* subset fonts, by file name */
	fz_document_writer *w;
	fz_device *dev;        /* current page, or NULL */
	int page;              /* 1-based number of the current page */
	fz_rect media;
	float x0, x1, top, bottom, y;
	sohoa_buf truth;
	sohoa_buf css;
	/* signature block position for the scan simulator */
	int sig_page;
	fz_rect sig_rect;
} layout;

static const char *const font_files[4][2] = {
	{"LiberationSerif-Regular.ttf", "font-weight:normal;font-style:normal"},
	{"LiberationSerif-Bold.ttf", "font-weight:bold;font-style:normal"},
	{"LiberationSerif-Italic.ttf", "font-weight:normal;font-style:italic"},
	{"LiberationSerif-BoldItalic.ttf", "font-weight:bold;font-style:italic"},
};

/* Subset the four Liberation Serif faces to the code points in text (plus ASCII) into an archive,
 * so a PDF embeds a few kB of font instead of 400 kB per face. */
static fz_archive *subset_fonts(fz_context *fz, const char *text)
{
	fz_archive *arc = fz_new_tree_archive(fz, NULL);
	for (int f = 0; f < 4; f++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", FONT_DIR, font_files[f][0]);
		hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
		if (!blob)
			die("cannot read font '%s' (install fonts-liberation2)", path);
		hb_face_t *face = hb_face_create(blob, 0);
		hb_subset_input_t *in = hb_subset_input_create_or_fail();
		hb_set_t *u = hb_subset_input_unicode_set(in);
		for (uint32_t c = 0x20; c < 0x7F; c++)
			hb_set_add(u, c);
		size_t n = strlen(text), i = 0;
		while (i < n) {
			uint32_t c;
			i += sohoa_utf8_decode(text + i, n - i, &c);
			hb_set_add(u, c);
		}
		hb_face_t *sub = hb_subset_or_fail(face, in);
		if (!sub)
			die("cannot subset '%s'", path);
		hb_blob_t *out = hb_face_reference_blob(sub);
		unsigned int len = 0;
		const char *data = hb_blob_get_data(out, &len);
		fz_tree_archive_add_data(fz, arc, font_files[f][0], data, len);
		hb_blob_destroy(out);
		hb_face_destroy(sub);
		hb_subset_input_destroy(in);
		hb_face_destroy(face);
		hb_blob_destroy(blob);
	}
	return arc;
}

static const char base_css[] =
	"body{font-family:'Liberation Serif';font-size:14pt;margin:0;padding:0}"
	"p{margin:0;padding:0;line-height:1.2}"
	".j{text-align:justify;text-indent:1cm}"
	".c{text-align:center}.l{text-align:left}.r{text-align:right}"
	".b{font-weight:bold}.i{font-style:italic}"
	".s13{font-size:13pt}.s12{font-size:12pt}.s11{font-size:11pt}"
	".gap{margin-top:60pt}.nw{white-space:nowrap}";

static void layout_init(layout *L, const char *pdf, const char *alltext)
{
	memset(L, 0, sizeof *L);
	L->fz = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
	if (!L->fz)
		die("cannot create a MuPDF context");
	fz_try(L->fz) {
		L->fonts = subset_fonts(L->fz, alltext);
		L->w = fz_new_pdf_writer(L->fz, pdf, "compress,garbage");
	}
	fz_catch(L->fz)
		die("cannot start '%s'", pdf);
	for (int f = 0; f < 4; f++)
		sohoa_buf_printf(&L->css, "@font-face{font-family:'Liberation Serif';%s;src:url(%s)}",
				 font_files[f][1], font_files[f][0]);
	sohoa_buf_puts(&L->css, base_css);
}

static void layout_end_page(layout *L)
{
	if (L->dev)
		fz_end_page(L->fz, L->w);
	L->dev = NULL;
}

/* Start a page: A4 portrait with official margins (top 20, bottom 20, left 30, right 20 mm), or
 * landscape with 15 mm margins for appendix tables. */
static void layout_new_page(layout *L, int landscape)
{
	layout_end_page(L);
	if (L->page > 0)
		sohoa_buf_puts(&L->truth, "\f\n");
	L->page++;
	float mm = 72.0f / 25.4f;
	if (landscape) {
		L->media = fz_make_rect(0, 0, 841.89f, 595.28f);
		L->x0 = 15 * mm, L->x1 = 841.89f - 15 * mm, L->top = 15 * mm, L->bottom = 595.28f - 15 * mm;
	} else {
		L->media = fz_make_rect(0, 0, 595.28f, 841.89f);
		L->x0 = 30 * mm, L->x1 = 595.28f - 20 * mm, L->top = 20 * mm, L->bottom = 841.89f - 20 * mm;
	}
	L->y = L->top;
	L->dev = fz_begin_page(L->fz, L->w, L->media);
}

static int landscape_now(const layout *L)
{
	return L->media.x1 > L->media.y1;
}

/* A story for one cell of HTML body content, placed at the origin in a column of width w.
 * Sets *h to the height it needs. The caller draws it with fz_draw_story and drops it. */
static fz_story *cell_story(layout *L, const char *html, float w, float *h)
{
	fz_story *st = NULL;
	fz_buffer *buf = NULL;
	fz_var(st);
	fz_var(buf);
	fz_try(L->fz) {
		sohoa_buf doc = {0};
		sohoa_buf_printf(&doc, "<html><body>%s</body></html>", html);
		buf = fz_new_buffer_from_copied_data(L->fz, (const unsigned char *)doc.data, doc.len);
		sohoa_buf_free(&doc);
		st = fz_new_story(L->fz, buf, L->css.data, 12, L->fonts);
		fz_rect filled;
		if (fz_place_story(L->fz, st, fz_make_rect(0, 0, w, 100000), &filled))
			die("a block does not fit in 100000 pt");
		*h = filled.y1 > 0 ? filled.y1 : 0;
	}
	fz_always(L->fz)
		fz_drop_buffer(L->fz, buf);
	fz_catch(L->fz)
		die("story: %s", fz_caught_message(L->fz));
	return st;
}

static void stroke_line(layout *L, float xa, float ya, float xb, float yb, float width)
{
	fz_path *p = fz_new_path(L->fz);
	fz_moveto(L->fz, p, xa, ya);
	fz_lineto(L->fz, p, xb, yb);
	fz_stroke_state *ss = fz_new_stroke_state(L->fz);
	ss->linewidth = width;
	float black[1] = {0};
	fz_stroke_path(L->fz, L->dev, p, ss, fz_identity, fz_device_gray(L->fz), black, 1,
		       fz_default_color_params);
	fz_drop_stroke_state(L->fz, ss);
	fz_drop_path(L->fz, p);
}

typedef struct {
	const char *html;   /* cell body */
	float w;            /* fraction of the text width */
	int no_top;         /* ruled: leave out the top rule (merged with the cell above) */
} cell;

typedef void (*page_head_fn)(layout *L, void *arg);

/* Place one row of cells side by side, never split across pages. ruled draws cell borders with
 * pad pt of padding. When the row does not fit, a new page is started (same orientation) and
 * head(L, arg), if given, is called first (the repeated table header). truth_line is appended
 * to the truth after the row is placed (it already ends in '\n', or is NULL). Returns the
 * page on which the row went and sets *where to its box. */
static int place_row(layout *L, const cell *cells, int n, int ruled, float pad, float gap,
		     page_head_fn head, void *arg, const char *truth_line, fz_rect *where)
{
	float tw = L->x1 - L->x0;
	fz_story **st = xmalloc((size_t)n * sizeof *st);
	float h = 0;
	for (int i = 0; i < n; i++) {
		float ch;
		st[i] = cell_story(L, cells[i].html, cells[i].w * tw - 2 * pad, &ch);
		if (ch > h)
			h = ch;
	}
	h += 2 * pad;
	if (!L->dev || L->y + h > L->bottom) {
		if (ruled && L->dev && L->y > L->top)
			stroke_line(L, L->x0, L->y, L->x1, L->y, 0.6f);
		layout_new_page(L, L->dev ? landscape_now(L) : 0);
		if (head)
			head(L, arg);
	}
	float x = L->x0;
	for (int i = 0; i < n; i++) {
		float cw = cells[i].w * tw;
		fz_draw_story(L->fz, st[i], L->dev, fz_translate(x + pad, L->y + pad));
		if (ruled) {
			if (!cells[i].no_top)
				stroke_line(L, x, L->y, x + cw, L->y, 0.6f);
			stroke_line(L, x, L->y, x, L->y + h, 0.6f);
			stroke_line(L, x + cw, L->y, x + cw, L->y + h, 0.6f);
		}
		x += cw;
		fz_drop_story(L->fz, st[i]);
	}
	free(st);
	if (where)
		*where = fz_make_rect(L->x0, L->y, L->x1, L->y + h);
	L->y += h + gap;
	if (truth_line)
		sohoa_buf_puts(&L->truth, truth_line);
	return L->page;
}

/* One full-width block of HTML with its truth line. */
static void place_block(layout *L, const char *html, const char *truth, float gap)
{
	cell c = {html, 1.0f, 0};
	sohoa_buf t = {0};
	sohoa_buf_printf(&t, "%s\n", truth);
	place_row(L, &c, 1, 0, 0, gap, NULL, NULL, t.data, NULL);
	sohoa_buf_free(&t);
}

/* A paragraph. Words holding '-' or '/' ("130/2005/NĐ-CP") are kept on one line, as word
 * processors keep them, so that a line break never falls inside them and the truth stays
 * exact after white-space folding. */
static void para_html(sohoa_buf *b, const char *cls, const char *text)
{
	sohoa_buf_printf(b, "<p class=\"%s\">", cls);
	const char *p = text;
	while (*p) {
		const char *e = strchr(p, ' ');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		char *w = sohoa_strndup(p, k);
		int glue = k > 1 && (strchr(w, '/') || (strchr(w, '-') && strcmp(w, "-") != 0));
		if (glue)
			sohoa_buf_puts(b, "<span class=\"nw\">");
		html_escape(b, w);
		if (glue)
			sohoa_buf_puts(b, "</span>");
		free(w);
		if (!e)
			break;
		sohoa_buf_puts(b, " ");
		p = e + 1;
	}
	sohoa_buf_puts(b, "</p>");
}

/* ---- the document -------------------------------------------------------------------------- */

static void lay_letterhead(layout *L, const seed_doc *d)
{
	sohoa_buf left = {0}, right = {0}, t = {0};
	for (size_t i = 0; i < d->issuer.n; i++) {
		int last = i + 1 == d->issuer.n;
		para_html(&left, last ? "c b s13" : "c s13", d->issuer.v[i]);
		sohoa_buf_printf(&t, "%s\n", d->issuer.v[i]);
	}
	/* Truth in reading order: the left column (issuer, number), then the right (motto, date). */
	sohoa_buf_printf(&t, "%s\n%s\n%s\n%s\n", d->number, d->motto1, d->motto2, d->date);
	para_html(&right, "c b s12", d->motto1);
	para_html(&right, "c b s13", d->motto2);
	cell row1[2] = {{left.data, 0.4f, 0}, {right.data, 0.6f, 0}};
	fz_rect r;
	place_row(L, row1, 2, 0, 0, 0, NULL, NULL, t.data, &r);
	/* The short rules under the issuer and under the motto. */
	float tw = L->x1 - L->x0;
	float cl = L->x0 + 0.2f * tw, cr = L->x0 + 0.7f * tw;
	stroke_line(L, cl - 30, r.y1 + 2, cl + 30, r.y1 + 2, 0.6f);
	stroke_line(L, cr - 82, r.y1 + 2, cr + 82, r.y1 + 2, 0.6f);
	L->y += 8;
	sohoa_buf_free(&left);
	sohoa_buf_free(&right);
	sohoa_buf_free(&t);

	para_html(&left, "c s13", d->number);
	para_html(&right, "c i s13", d->date);
	cell row2[2] = {{left.data, 0.4f, 0}, {right.data, 0.6f, 0}};
	place_row(L, row2, 2, 0, 0, 18, NULL, NULL, NULL, NULL);
	sohoa_buf_free(&left);
	sohoa_buf_free(&right);
	sohoa_buf_free(&t);
}

static void lay_body(layout *L, const seed_doc *d)
{
	sohoa_buf h = {0};
	para_html(&h, "c b", d->type);
	place_block(L, h.data, d->type, 0);
	sohoa_buf_free(&h);
	if (d->title[0]) {
		para_html(&h, "c b", d->title);
		place_block(L, h.data, d->title, 0);
		sohoa_buf_free(&h);
	}
	float tw = L->x1 - L->x0, cx = L->x0 + tw / 2;
	stroke_line(L, cx - 50, L->y + 3, cx + 50, L->y + 3, 0.6f);
	L->y += 16;
	for (size_t i = 0; i < d->nblocks; i++) {
		const block *b = &d->blocks[i];
		const char *cls = b->kind == B_HEAD1 ? "j b" : b->kind == B_HEAD2 ? "j b"
				: b->kind == B_HEAD3 ? "j b i" : "j";
		para_html(&h, cls, b->text);
		place_block(L, h.data, b->text, 5);
		sohoa_buf_free(&h);
	}
}

static void lay_signature(layout *L, const seed_doc *d)
{
	sohoa_buf left = {0}, right = {0}, t = {0};
	if (d->recipients.n) {
		para_html(&left, "l b i s12", "Nơi nhận:");
		sohoa_buf_puts(&t, "Nơi nhận:\n");
		for (size_t i = 0; i < d->recipients.n; i++) {
			para_html(&left, "l s11", d->recipients.v[i]);
			sohoa_buf_printf(&t, "%s\n", d->recipients.v[i]);
		}
	}
	for (size_t i = 0; i < d->sigtitles.n; i++) {
		para_html(&right, "c b", d->sigtitles.v[i]);
		sohoa_buf_printf(&t, "%s\n", d->sigtitles.v[i]);
	}
	if (d->signer) {
		para_html(&right, "c b gap", d->signer);
		sohoa_buf_printf(&t, "%s\n", d->signer);
	} else {
		sohoa_buf_puts(&right, "<p class=\"gap\"></p>");
	}
	cell row[2] = {{left.data ? left.data : "", 0.5f, 0}, {right.data ? right.data : "", 0.5f, 0}};
	L->y += 6;
	fz_rect r;
	L->sig_page = place_row(L, row, 2, 0, 0, 0, NULL, NULL, t.data, &r);
	L->sig_rect = fz_make_rect(L->x0 + 0.5f * (L->x1 - L->x0), r.y0, L->x1, r.y1);
	sohoa_buf_free(&left);
	sohoa_buf_free(&right);
	sohoa_buf_free(&t);
}

typedef struct {
	const char *csv, *title, *head, *widths, *group_col, *merge_col;
} table_opts;

typedef struct {
	csv_table t;
	int *cols;          /* printed CSV columns */
	float *w;           /* their width fractions */
	int ncols;
	strlist head;       /* header labels */
	int group, merge;   /* CSV columns, or -1 */
} table_job;

static void table_head(layout *L, void *arg)
{
	table_job *j = arg;
	cell *c = xmalloc((size_t)j->ncols * sizeof *c);
	sohoa_buf *hb = xmalloc((size_t)j->ncols * sizeof *hb);
	sohoa_buf t = {0};
	for (int i = 0; i < j->ncols; i++) {
		memset(&hb[i], 0, sizeof hb[i]);
		para_html(&hb[i], "c b s12", j->head.v[i]);
		c[i].html = hb[i].data;
		c[i].w = j->w[i];
		c[i].no_top = 0;
		sohoa_buf_printf(&t, "%s%s", i ? "\t" : "", j->head.v[i]);
	}
	sohoa_buf_puts(&t, "\n");
	place_row(L, c, j->ncols, 1, 3, 0, NULL, NULL, t.data, NULL);
	for (int i = 0; i < j->ncols; i++)
		sohoa_buf_free(&hb[i]);
	free(hb);
	free(c);
	sohoa_buf_free(&t);
}

static void build_row(const table_job *j, const strlist *row, const char *prev_merge, cell *c,
		      sohoa_buf *cb, sohoa_buf *t)
{
	for (int i = 0; i < j->ncols; i++) {
		int col = j->cols[i];
		const char *v = (size_t)col < row->n ? row->v[col] : "";
		int cont = col == j->merge && prev_merge && strcmp(v, prev_merge) == 0;
		memset(&cb[i], 0, sizeof cb[i]);
		para_html(&cb[i], "l s12", cont ? "" : v);
		c[i].html = cb[i].data;
		c[i].w = j->w[i];
		c[i].no_top = cont;
		sohoa_buf_printf(t, "%s%s", i ? "\t" : "", cont ? "" : v);
	}
	sohoa_buf_puts(t, "\n");
}

static void free_row(const table_job *j, sohoa_buf *cb, sohoa_buf *t)
{
	for (int i = 0; i < j->ncols; i++)
		sohoa_buf_free(&cb[i]);
	sohoa_buf_free(t);
}

/* Height of a ruled row with 3 pt padding, as place_row will lay it out. */
static float row_height(layout *L, const table_job *j, const cell *c)
{
	float hmax = 0, tw = L->x1 - L->x0;
	for (int i = 0; i < j->ncols; i++) {
		float ch;
		fz_story *st = cell_story(L, c[i].html, c[i].w * tw - 6, &ch);
		fz_drop_story(L->fz, st);
		if (ch > hmax)
			hmax = ch;
	}
	return hmax + 6;
}

/* The appendix: a landscape page, the title, and the CSV as a ruled table whose header row is
 * repeated on each page. A group column becomes full-width heading rows (its " / " parts, printed
 * when they change); a merge column is printed only when it changes, like a merged cell. */
static void lay_table(layout *L, const table_opts *to)
{
	table_job j;
	memset(&j, 0, sizeof j);
	csv_read(&j.t, to->csv);
	j.group = to->group_col ? csv_col(&j.t, to->group_col) : -1;
	j.merge = to->merge_col ? csv_col(&j.t, to->merge_col) : -1;
	if ((to->group_col && j.group < 0) || (to->merge_col && j.merge < 0))
		die("%s: group or merge column not in the CSV header", to->csv);
	j.cols = xmalloc(j.t.head.n * sizeof *j.cols);
	for (size_t i = 0; i < j.t.head.n; i++)
		if ((int)i != j.group)
			j.cols[j.ncols++] = (int)i;
	if (to->head)
		sl_split(&j.head, to->head, "|");
	else
		for (int i = 0; i < j.ncols; i++)
			sl_push(&j.head, xstrdup(j.t.head.v[j.cols[i]]));
	if ((int)j.head.n != j.ncols)
		die("%s: --table-head does not match the printed columns", to->csv);
	j.w = xmalloc((size_t)j.ncols * sizeof *j.w);
	float sum = 0;
	strlist ws = {0};
	if (to->widths)
		sl_split(&ws, to->widths, ",");
	for (int i = 0; i < j.ncols; i++) {
		j.w[i] = i < (int)ws.n ? (float)atof(ws.v[i]) : 1.0f;
		sum += j.w[i];
	}
	for (int i = 0; i < j.ncols; i++)
		j.w[i] /= sum;
	sl_free(&ws);

	layout_new_page(L, 1);
	strlist title = {0};
	if (to->title)
		sl_split(&title, to->title, "|");
	sohoa_buf h = {0};
	for (size_t i = 0; i < title.n; i++) {
		para_html(&h, "c b", title.v[i]);
		place_block(L, h.data, title.v[i], i + 1 == title.n ? 10 : 0);
		sohoa_buf_free(&h);
	}
	sl_free(&title);
	table_head(L, &j);

	strlist prev_group = {0};
	const char *prev_merge = NULL;
	cell *c = xmalloc((size_t)j.ncols * sizeof *c);
	sohoa_buf *cb = xmalloc((size_t)j.ncols * sizeof *cb);
	for (size_t r = 0; r < j.t.nrows; r++) {
		strlist *row = &j.t.rows[r];
		if (j.group >= 0 && (size_t)j.group < row->n) {
			strlist g = {0};
			sl_split(&g, row->v[j.group], " / ");
			int changed = 0;
			for (size_t k = 0; k < g.n; k++) {
				if (!changed && k < prev_group.n && strcmp(g.v[k], prev_group.v[k]) == 0)
					continue;
				changed = 1;
				cell gc = {NULL, 1.0f, 0};
				sohoa_buf gh = {0}, gt = {0};
				para_html(&gh, "l b s12", g.v[k]);
				gc.html = gh.data;
				sohoa_buf_printf(&gt, "%s\n", g.v[k]);
				place_row(L, &gc, 1, 1, 3, 0, table_head, &j, gt.data, NULL);
				sohoa_buf_free(&gh);
				sohoa_buf_free(&gt);
			}
			sl_free(&prev_group);
			prev_group = g;
		}
		/* A merged cell is repeated at the top of a new page. */
		sohoa_buf t = {0};
		build_row(&j, row, prev_merge, c, cb, &t);
		if (L->y + row_height(L, &j, c) > L->bottom) {
			stroke_line(L, L->x0, L->y, L->x1, L->y, 0.6f);
			layout_new_page(L, 1);
			table_head(L, &j);
			free_row(&j, cb, &t);
			build_row(&j, row, NULL, c, cb, &t);
		}
		place_row(L, c, j.ncols, 1, 3, 0, table_head, &j, t.data, NULL);
		free_row(&j, cb, &t);
		if (j.merge >= 0 && (size_t)j.merge < row->n)
			prev_merge = row->v[j.merge];
	}
	stroke_line(L, L->x0, L->y, L->x1, L->y, 0.6f);
	free(c);
	free(cb);
	sl_free(&prev_group);
	sl_free(&j.head);
	free(j.cols);
	free(j.w);
	csv_free(&j.t);
}

/* All text the document will print, for font subsetting. */
static void all_text(sohoa_buf *b, const seed_doc *d, const table_opts *to)
{
	for (size_t i = 0; i < d->issuer.n; i++)
		sohoa_buf_puts(b, d->issuer.v[i]);
	sohoa_buf_printf(b, "%s%s%s%s%s%sNơi nhận:", d->number, d->motto1, d->motto2, d->date, d->type,
			 d->title);
	for (size_t i = 0; i < d->nblocks; i++)
		sohoa_buf_puts(b, d->blocks[i].text);
	for (size_t i = 0; i < d->recipients.n; i++)
		sohoa_buf_puts(b, d->recipients.v[i]);
	for (size_t i = 0; i < d->sigtitles.n; i++)
		sohoa_buf_puts(b, d->sigtitles.v[i]);
	if (d->signer)
		sohoa_buf_puts(b, d->signer);
	if (to->csv) {
		char *data = tool_read(to->csv, NULL);
		sohoa_buf_puts(b, data);
		free(data);
	}
	if (to->title)
		sohoa_buf_puts(b, to->title);
	if (to->head)
		sohoa_buf_puts(b, to->head);
}

static int write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		die("cannot write '%s'", path);
	return 0;
}

static void lay_document(layout *L, const seed_doc *d, const table_opts *to)
{
	fz_try(L->fz) {
		layout_new_page(L, 0);
		lay_letterhead(L, d);
		lay_body(L, d);
		lay_signature(L, d);
		if (to->csv)
			lay_table(L, to);
		layout_end_page(L);
		fz_close_document_writer(L->fz, L->w);
	}
	fz_catch(L->fz)
		die("layout: %s", fz_caught_message(L->fz));
}

static int cmd_layout(int argc, char **argv)
{
	letterhead_opts lo = {0};
	table_opts to = {0};
	const char *geom = NULL;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i += 2) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!v)
			die("option %s needs a value", o);
		if (!strcmp(o, "--issuer")) lo.issuer = v;
		else if (!strcmp(o, "--number")) lo.number = v;
		else if (!strcmp(o, "--date")) lo.date = v;
		else if (!strcmp(o, "--table")) to.csv = v;
		else if (!strcmp(o, "--table-title")) to.title = v;
		else if (!strcmp(o, "--table-head")) to.head = v;
		else if (!strcmp(o, "--table-widths")) to.widths = v;
		else if (!strcmp(o, "--group-col")) to.group_col = v;
		else if (!strcmp(o, "--merge-col")) to.merge_col = v;
		else if (!strcmp(o, "--geometry")) geom = v;
		else die("unknown option %s", o);
	}
	if (argc - i != 3)
		die("usage: mksamples layout [options] SEED.txt OUT.pdf TRUTH.txt");
	seed_doc d;
	memset(&d, 0, sizeof d);
	seed_parse(&d, argv[i], &lo);

	sohoa_buf text = {0};
	all_text(&text, &d, &to);
	layout L;
	layout_init(&L, argv[i + 1], text.data);
	sohoa_buf_free(&text);
	lay_document(&L, &d, &to);
	write_file(argv[i + 2], L.truth.data, L.truth.len);
	if (geom) {
		sohoa_buf g = {0};
		sohoa_buf_printf(&g, "pages %d\nsignature %d %.1f %.1f %.1f %.1f\nletterhead %s\n",
				 L.page, L.sig_page, L.sig_rect.x0, L.sig_rect.y0, L.sig_rect.x1,
				 L.sig_rect.y1, d.made_up ? "made-up" : "seed");
		write_file(geom, g.data, g.len);
		sohoa_buf_free(&g);
	}
	fz_drop_document_writer(L.fz, L.w);
	fz_drop_archive(L.fz, L.fonts);
	fz_drop_context(L.fz);
	sohoa_buf_free(&L.truth);
	sohoa_buf_free(&L.css);
	seed_doc_free(&d);
	return 0;
}

/* ---- raster and image PDFs --------------------------------------------------------------- */

static int cmd_raster(int argc, char **argv)
{
	if (argc != 4)
		die("usage: mksamples raster IN.pdf DPI PREFIX");
	float dpi = (float)atof(argv[2]);
	fz_context *fz = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
	fz_document *doc = NULL;
	fz_var(doc);
	fz_try(fz) {
		fz_register_document_handlers(fz);
		doc = fz_open_document(fz, argv[1]);
		int n = fz_count_pages(fz, doc);
		for (int p = 0; p < n; p++) {
			fz_page *page = fz_load_page(fz, doc, p);
			fz_pixmap *pix = fz_new_pixmap_from_page(fz, page, fz_scale(dpi / 72, dpi / 72),
								 fz_device_rgb(fz), 0);
			char path[1024];
			snprintf(path, sizeof path, "%s-%03d.png", argv[3], p + 1);
			fz_save_pixmap_as_png(fz, pix, path);
			fz_drop_pixmap(fz, pix);
			fz_drop_page(fz, page);
		}
	}
	fz_always(fz)
		fz_drop_document(fz, doc);
	fz_catch(fz)
		die("raster: %s", fz_caught_message(fz));
	fz_drop_context(fz);
	return 0;
}

static int cmd_imgpdf(int argc, char **argv)
{
	if (argc < 4)
		die("usage: mksamples imgpdf OUT.pdf DPI IMAGE...");
	float dpi = (float)atof(argv[2]);
	fz_context *fz = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
	fz_document_writer *w = NULL;
	fz_var(w);
	fz_try(fz) {
		w = fz_new_pdf_writer(fz, argv[1], "compress");
		for (int i = 3; i < argc; i++) {
			fz_image *img = fz_new_image_from_file(fz, argv[i]);
			float pw = img->w * 72.0f / dpi, ph = img->h * 72.0f / dpi;
			fz_device *dev = fz_begin_page(fz, w, fz_make_rect(0, 0, pw, ph));
			fz_fill_image(fz, dev, img, fz_make_matrix(pw, 0, 0, ph, 0, 0), 1,
				      fz_default_color_params);
			fz_end_page(fz, w);
			fz_drop_image(fz, img);
		}
		fz_close_document_writer(fz, w);
	}
	fz_always(fz)
		fz_drop_document_writer(fz, w);
	fz_catch(fz)
		die("imgpdf: %s", fz_caught_message(fz));
	fz_drop_context(fz);
	return 0;
}

static int cmd_strip(int argc, char **argv)
{
	if (argc != 3)
		die("usage: mksamples strip IN.txt OUT.txt");
	char *data = tool_read(argv[1], NULL);
	sohoa_buf out = {0};
	if (sohoa_viet_strip(data, strlen(data), &out) != 0)
		die("out of memory");
	write_file(argv[2], out.data ? out.data : "", out.len);
	sohoa_buf_free(&out);
	free(data);
	return 0;
}

int main(int argc, char **argv)
{
	tool_exit_status = 1;
	if (argc < 2)
		die("usage: mksamples layout|raster|imgpdf|strip ...");
	if (!strcmp(argv[1], "layout"))
		return cmd_layout(argc - 1, argv + 1);
	if (!strcmp(argv[1], "raster"))
		return cmd_raster(argc - 1, argv + 1);
	if (!strcmp(argv[1], "imgpdf"))
		return cmd_imgpdf(argc - 1, argv + 1);
	if (!strcmp(argv[1], "strip"))
		return cmd_strip(argc - 1, argv + 1);
	die("unknown command '%s'", argv[1]);
	return 1;
}
