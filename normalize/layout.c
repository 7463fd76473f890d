/* Layout: running headers/footers and page numbers out, then lines joined into paragraphs where a
 * sentence runs on, while headings, list items, table rows and signature lines keep their own
 * lines. A paragraph never runs across a page break: its rest on the next page is a line of its
 * own (the extractors join a sentence that goes on in lowercase), so every output line and every
 * CSV row names the page its text is on, and the text has its form feed there. Works on cleaned
 * lines (normalize-int.h) and keeps each paragraph's source line range. */
#include "normalize-int.h"
#include "../core/array.h"
#include "../core/viet.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Line classes: prose, a numbered item or heading (the block reading of marker.c), a bullet, a line
 * in capitals, a table row. */
enum { K_TEXT, K_NUM, K_BULLET, K_CAPS, K_TABLE };

static int all_caps(const char *s, size_t n);

static int classify(const char *s, size_t n)
{
	/* Tables: tabs, column bars or a wide gap inside the line. */
	const char *bar = memchr(s, '|', n);
	if (memchr(s, '\t', n) || (bar && memchr(bar + 1, '|', n - (size_t)(bar + 1 - s))) || memmem(s, n, "    ", 4))
		return K_TABLE;
	switch (sohoa_marker_block(s, n)) {
	case SOHOA_MARK_BULLET:
		return K_BULLET;
	case SOHOA_MARK_FIGURE:
		return K_TEXT;
	case SOHOA_MARK_NONE:
		/* All capitals: letterheads, titles, signature roles. */
		return all_caps(s, n) ? K_CAPS : K_TEXT;
	default:
		return K_NUM;
	}
}

/* 1 if s has two or more capitals and no lowercase letter. */
static int all_caps(const char *s, size_t n)
{
	int up = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		int lc;
		if (c < 0x80) {
			lc = c >= 'a' && c <= 'z' ? -1 : c >= 'A' && c <= 'Z';
			i++;
		} else {
			lc = norm_letter_case(norm_cp_at(s, n, &i));
		}
		if (lc < 0)
			return 0; /* a lowercase letter: not a line in capitals */
		up += lc > 0;
	}
	return up >= 2;
}

static size_t cp_count(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return (x > y) - (x < y);
}

/* What "a full line" is in this document: right margin and width in points when lines have boxes,
 * else the usual length in characters. */
typedef struct measure {
	int boxes;
	float left, right; /* boxes */
	float chars;       /* characters in a full line */
} measure;

static void measure_doc(const char *buf, const norm_line *lines, size_t n, measure *m)
{
	memset(m, 0, sizeof *m);
	float *v = malloc((n ? n : 1) * sizeof *v);
	if (!v) {
		m->chars = 80;
		return;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!lines[i].blank && !lines[i].drop && lines[i].x1 > lines[i].x0)
			v[k++] = lines[i].x1;
	if (k * 2 > n && k >= 3) {
		m->boxes = 1;
		qsort(v, k, sizeof *v, cmp_float);
		m->right = v[k * 9 / 10];
		k = 0;
		for (size_t i = 0; i < n; i++)
			if (!lines[i].blank && !lines[i].drop && lines[i].x1 > lines[i].x0)
				v[k++] = lines[i].x0;
		qsort(v, k, sizeof *v, cmp_float);
		m->left = v[k / 10];
	} else {
		/* The 90th percentile of prose line lengths, from a histogram (documents can have
		 * hundreds of thousands of lines). */
		static const size_t maxlen = 400;
		size_t hist[401] = {0};
		k = 0;
		for (size_t i = 0; i < n; i++)
			if (!lines[i].blank && !lines[i].drop && lines[i].kind == K_TEXT) {
				size_t c = cp_count(buf + lines[i].off, lines[i].len);
				hist[c < maxlen ? c : maxlen]++;
				k++;
			}
		/* Few lines say little about the page width: assume an A4 line then. */
		m->chars = 80;
		if (k >= 10) {
			size_t want = k * 9 / 10, seen = 0, c = 0;
			while (c < maxlen && seen + hist[c] <= want)
				seen += hist[c++];
			m->chars = c < 40 ? 40 : (float)c;
		}
	}
	free(v);
}

/* How full the line is, 0..1 and more. */
static float fill_of(const char *buf, const norm_line *l, const measure *m)
{
	if (m->boxes && l->x1 > l->x0 && m->right > m->left) {
		float w = m->right - m->left;
		if (l->x0 > m->left + 0.25f * w)
			return 0; /* starts far right: a centred or right-column line, never a full one */
		return (l->x1 - m->left) / w;
	}
	return (float)cp_count(buf + l->off, l->len) / m->chars;
}

/* Running headers and footers: the first and last two lines of each page, compared with digits
 * folded, that recur on at least half of the pages; and lone page numbers there. One that some
 * page lacks stays on the first page: there it is the letterhead, which annexes repeat ("BỘ GIÁO
 * DỤC VÀ ĐÀO TẠO" atop pages 1, 3 and 4 of 6). */
typedef struct zone_line {
	char key[96];
	size_t idx;
	int page;
} zone_line;

static int cmp_zone(const void *a, const void *b)
{
	const zone_line *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->page > y->page) - (x->page < y->page);
}

/* The key two running headers share despite page numbers and OCR noise: letters (ASCII folded to
 * lowercase, other bytes kept) and digits, spaces and punctuation gone. In short lines every run of
 * digits becomes one '#' (a page number in a header); long lines keep their digits, so that body
 * text such as two citations that differ only in their numbers never counts as a repeat. */
static void make_key(const char *s, size_t n, char *key, size_t cap)
{
	size_t k = 0;
	int fold = cp_count(s, n) <= 50;
	for (size_t i = 0; i < n && k + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isdigit(c) && !fold) {
			key[k++] = (char)c;
		} else if (isdigit(c)) {
			if (k == 0 || key[k - 1] != '#')
				key[k++] = '#';
		} else if (c >= 0x80 || isalpha(c)) {
			key[k++] = (char)tolower(c);
		}
	}
	key[k] = 0;
}

/* A line that is only a page number: "3", "- 3 -", "Trang 3", "3/12". Returns the number or -1. */
static int page_number(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == '-' || s[i] == ' ' || (unsigned char)s[i] >= 0xE2))
		if ((unsigned char)s[i] >= 0xE2) { /* en/em dash */
			if (i + 2 < n && !memcmp(s + i, "\xe2\x80", 2) && ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
				i += 3;
			else
				return -1;
		} else {
			i++;
		}
	if (n - i > 6 && (!strncasecmp(s + i, "trang ", 6) || !strncasecmp(s + i, "page ", 5)))
		i += s[i] == 'p' || s[i] == 'P' ? 5 : 6;
	int num = 0, digits = 0;
	while (i < n && isdigit((unsigned char)s[i]) && digits < 5) {
		num = num * 10 + (s[i++] - '0');
		digits++;
	}
	if (!digits)
		return -1;
	if (i < n && s[i] == '/') {
		i++;
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
	}
	while (i < n && (s[i] == '-' || s[i] == ' '))
		i++;
	if (i + 3 <= n && !memcmp(s + i, "\xe2\x80", 2))
		i += 3;
	return i == n ? num : -1;
}

void norm_layout_drop_furniture(const char *buf, norm_line *lines, size_t n, int npages)
{
	if (npages < 2)
		return;
	zone_line *z = malloc((size_t)npages * 4 * sizeof *z + 1);
	if (!z)
		return;
	size_t nz = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && lines[j].page_index == lines[i].page_index)
			j++;
		/* Up to two non-blank lines from the top and from the bottom of the page. */
		size_t picked[4];
		int np = 0;
		for (size_t k = i; k < j && np < 2; k++)
			if (!lines[k].blank)
				picked[np++] = k;
		int top = np;
		for (size_t k = j; k > i && np < top + 2; k--)
			if (!lines[k - 1].blank && (top < 1 || k - 1 > picked[top - 1]))
				picked[np++] = k - 1;
		for (int p = 0; p < np; p++) {
			const norm_line *l = &lines[picked[p]];
			int num = page_number(buf + l->off, l->len);
			if (num >= 0 && num >= l->page - 1 && num <= l->page + 1) {
				lines[picked[p]].drop = 1;
				continue;
			}
			int kind = classify(buf + l->off, l->len);
			if (l->len > 200 || kind == K_NUM || kind == K_BULLET)
				continue; /* numbered headings and list items are content */
			zone_line *zl = &z[nz++];
			make_key(buf + l->off, l->len, zl->key, sizeof zl->key);
			zl->idx = picked[p];
			zl->page = l->page_index;
		}
		i = j;
	}
	qsort(z, nz, sizeof *z, cmp_zone);
	for (size_t i = 0; i < nz;) {
		size_t j = i;
		int pages = 0, last = -1;
		while (j < nz && !strcmp(z[j].key, z[i].key)) {
			pages += z[j].page != last;
			last = z[j].page;
			j++;
		}
		if (pages >= 2 && pages * 2 >= npages && z[i].key[0])
			for (size_t k = i; k < j; k++)
				if (z[k].page > 0 || pages == npages)
					lines[z[k].idx].drop = 1;
		i = j;
	}
	free(z);
}

static int ends_sentence(uint32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

static uint32_t last_cp(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	size_t i = n - 1;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	uint32_t cp = 0;
	sohoa_utf8_decode(s + i, n - i, &cp);
	return cp;
}

/* Append a line's text with runs of spaces folded into one. */
static int append_folded(sohoa_buf *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		const char *sp = memchr(s + i, ' ', n - i);
		size_t j = sp ? (size_t)(sp - s) + 1 : n; /* copy up to and including one space */
		if (sohoa_buf_append(out, s + i, j - i))
			return -1;
		while (j < n && s[j] == ' ')
			j++;
		i = j;
	}
	return 0;
}

/* The word (letters) ending at s+n or starting at s: its byte length. */
static size_t word_back(const char *s, size_t n)
{
	size_t i = n;
	while (i > 0) {
		size_t j = i - 1;
		while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
			j--;
		uint32_t cp;
		sohoa_utf8_decode(s + j, i - j, &cp);
		if (!norm_letter_case(cp) && !(cp >= 0x300 && cp < 0x370))
			break;
		i = j;
	}
	return n - i;
}

static size_t word_fwd(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t k = i;
		uint32_t cp = norm_cp_at(s, n, &k);
		if (!norm_letter_case(cp) && !(cp >= 0x300 && cp < 0x370))
			break;
		i = k;
	}
	return i;
}

/* A reflow in progress: the document's lines, what a full line is, and the paragraphs so far. */
typedef struct reflow {
	const char *buf;
	norm_line *lines;
	measure m;
	int blank_breaks;  /* blank lines break paragraphs */
	sohoa_buf *out;    /* the paragraphs' text */
	norm_para *p;
	size_t np, cap;
	size_t opener;     /* the line that opened the last paragraph */
} reflow;

/* Classify every kept line (lines[i].kind) and decide whether blank lines break paragraphs: they
 * do unless the source puts one after most lines. */
static int classify_lines(const char *buf, norm_line *lines, size_t n)
{
	size_t kept = 0, followed = 0;
	for (size_t i = 0; i < n; i++) {
		if (lines[i].blank || lines[i].drop)
			continue;
		lines[i].kind = classify(buf + lines[i].off, lines[i].len);
		kept++;
		if (i + 1 < n && lines[i + 1].blank)
			followed++;
	}
	return followed * 10 < kept * 4;
}

/* 1 when line l goes on the last paragraph, whose last line is q (saw_blank: blank lines came
 * between them). *hyphen is set when the join is across a word broken at q's end ("nghi-" +
 * "ệp", or a soft hyphen). */
static int joins(const reflow *rf, const norm_line *q, const norm_line *l, int saw_blank, int *hyphen)
{
	const measure *m = &rf->m;
	const char *qs = rf->buf + q->off, *s = rf->buf + l->off;
	uint32_t end = last_cp(qs, q->len);
	size_t k = 0;
	uint32_t start = norm_cp_at(s, l->len, &k);
	float fill = fill_of(rf->buf, q, m);
	int lower = norm_letter_case(start) < 0;
	int pk = rf->lines[rf->opener].kind;
	int hyph = end == 0xAD || (end == '-' && q->len >= 2 && norm_letter_case(last_cp(qs, q->len - 1)));
	int boxes = m->boxes && l->x1 > l->x0 && q->x1 > q->x0;
	float w = m->right - m->left;
	int join = 0;
	if (rf->blank_breaks && saw_blank)
		join = 0;
	else if (l->page_index != q->page_index)
		join = 0; /* a page break: each output line stays on its page, so rows name the right one */
	else if (boxes && l->page_index == q->page_index && q->y1 > q->y0 && l->y0 > q->y0 &&
		 l->y0 - q->y1 > 0.6f * (q->y1 - q->y0))
		join = 0; /* a vertical gap: a new block */
	else if (boxes && !lower && !hyph && l->x0 > m->left + 0.04f * w)
		join = 0; /* an indented first line */
	else if (pk == K_TABLE || q->kind == K_TABLE)
		join = 0;
	else if (l->kind == K_CAPS && all_caps(qs, q->len) && pk == K_NUM && fill >= 0.5f)
		join = 1; /* a numbered title in capitals that wraps */
	else if (l->kind != K_TEXT || pk == K_CAPS)
		join = 0;
	else if (hyph && lower)
		join = 1;
	else if (fill >= (boxes ? 0.9f : 0.7f)) /* justified text fills its line: boxes say so */
		join = !(end == ':' && !lower);
	else if (lower && !ends_sentence(end) && fill >= 0.45f)
		join = 1;
	*hyphen = join && hyph && lower;
	return join;
}

/* Undo the break of a word across q's end and l's start, at the end of out: a soft hyphen goes;
 * a hyphen goes only when the two halves make one syllable ("nghi-" + "ệp"), else it stays
 * ("kinh-" + "tế" stays "kinh-tế"). Returns -1 when out of memory. */
static int unhyphenate(const reflow *rf, const norm_line *q, const norm_line *l)
{
	const char *qs = rf->buf + q->off, *s = rf->buf + l->off;
	sohoa_buf *out = rf->out;
	if (last_cp(qs, q->len) == 0xAD) {
		out->len -= 2;
	} else {
		size_t lw = word_back(qs, q->len - 1), rw = word_fwd(s, l->len);
		sohoa_buf word = {0};
		if (sohoa_buf_append(&word, qs + q->len - 1 - lw, lw) || sohoa_buf_append(&word, s, rw)) {
			sohoa_buf_free(&word);
			return -1;
		}
		if (lw && rw && sohoa_viet_syllable(word.data, word.len))
			out->len -= 1;
		sohoa_buf_free(&word);
	}
	out->data[out->len] = 0;
	return 0;
}

/* Open a paragraph with line i; a table row keeps its spacing. Returns -1 when out of memory. */
static int open_para(reflow *rf, size_t i)
{
	const norm_line *l = &rf->lines[i];
	const char *s = rf->buf + l->off;
	if (SOHOA_GROW(rf->p, rf->np + 1, rf->cap))
		return -1;
	norm_para *para = &rf->p[rf->np];
	*para = (norm_para){rf->out->len, 0, i, i};
	if (l->kind == K_TABLE ? sohoa_buf_append(rf->out, s, l->len) : append_folded(rf->out, s, l->len))
		return -1;
	para->len = rf->out->len - para->off;
	rf->np++;
	rf->opener = i;
	return 0;
}

sohoa_status norm_layout_reflow(sohoa_ctx *ctx, const char *buf, norm_line *lines, size_t n, sohoa_buf *out,
				norm_para **paras, size_t *nparas)
{
	*paras = NULL;
	*nparas = 0;
	reflow rf = {.buf = buf, .lines = lines, .out = out};
	rf.blank_breaks = classify_lines(buf, lines, n);
	measure_doc(buf, lines, n, &rf.m);
	int saw_blank = 0;
	for (size_t i = 0; i < n; i++) {
		const norm_line *l = &lines[i];
		if (l->drop)
			continue;
		if (l->blank) {
			saw_blank = 1;
			continue;
		}
		int join = 0, hyphen = 0;
		if (rf.np) {
			const norm_line *q = &lines[rf.p[rf.np - 1].last];
			join = joins(&rf, q, l, saw_blank, &hyphen);
			if (hyphen && unhyphenate(&rf, q, l))
				goto nomem;
		}
		saw_blank = 0;
		if (!join) {
			if (open_para(&rf, i))
				goto nomem;
			continue;
		}
		if ((!hyphen && sohoa_buf_append(out, " ", 1)) || append_folded(out, buf + l->off, l->len))
			goto nomem;
		rf.p[rf.np - 1].last = i;
		rf.p[rf.np - 1].len = out->len - rf.p[rf.np - 1].off;
	}
	*paras = rf.p;
	*nparas = rf.np;
	return SOHOA_OK;
nomem:
	free(rf.p);
	return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
}
