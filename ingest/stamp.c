/* stamp: lines of a page that belong to a stamp or a note on it, by place (regions) or by the
 * fixed wording of inbox stamps. */
#include "stamp.h"
#include "ingest-int.h"
#include "../core/viet.h"

#include <math.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

/* 1 if the point is in r widened by a point (boxes of OCR words are rough at the edges). */
static int inside(const ingest_region *r, float x, float y)
{
	return x >= r->x0 - 1 && x <= r->x1 + 1 && y >= r->y0 - 1 && y <= r->y1 + 1;
}

static int word_in(const ingest_region *r, const sohoa_word *w)
{
	return inside(r, (w->x0 + w->x1) / 2, (w->y0 + w->y1) / 2);
}

/* Words of l inside r: 0 none, 1 some, 2 all (a line without words: by its box). */
static int line_in(const ingest_region *r, const sohoa_line *l)
{
	if (!l->nwords)
		return inside(r, (l->x0 + l->x1) / 2, (l->y0 + l->y1) / 2) ? 2 : 0;
	size_t k = 0;
	for (size_t i = 0; i < l->nwords; i++)
		k += word_in(r, &l->words[i]) != 0;
	return k == 0 ? 0 : k == l->nwords ? 2 : 1;
}

/* Text, box and confidence of l from its words. -1 when out of memory. */
static int line_rebuild(sohoa_line *l)
{
	sohoa_buf b = {0};
	double conf = 0;
	int confs = 0;
	for (size_t i = 0; i < l->nwords; i++) {
		const sohoa_word *w = &l->words[i];
		if ((i && sohoa_buf_puts(&b, " ")) || sohoa_buf_puts(&b, w->text ? w->text : "")) {
			sohoa_buf_free(&b);
			return -1;
		}
		if (!i) {
			l->x0 = w->x0, l->y0 = w->y0, l->x1 = w->x1, l->y1 = w->y1;
		} else {
			l->x0 = w->x0 < l->x0 ? w->x0 : l->x0;
			l->y0 = w->y0 < l->y0 ? w->y0 : l->y0;
			l->x1 = w->x1 > l->x1 ? w->x1 : l->x1;
			l->y1 = w->y1 > l->y1 ? w->y1 : l->y1;
		}
		if (w->confidence >= 0)
			conf += w->confidence, confs++;
	}
	char *t = b.data ? sohoa_buf_steal(&b) : sohoa_strdup("");
	if (!t)
		return -1;
	free(l->text);
	l->text = t;
	if (l->confidence >= 0 && confs)
		l->confidence = (float)(conf / confs);
	return 0;
}

/* Move the words of line li inside r to a new stamp line at the end of page. -1 when out of
 * memory. */
static int line_split(sohoa_page *page, size_t li, const ingest_region *r)
{
	sohoa_line *nl = ingest_line_add(page); /* may move page->lines */
	if (!nl)
		return -1;
	sohoa_line *l = &page->lines[li];
	nl->source = SOHOA_SRC_STAMP;
	nl->confidence = l->confidence;
	nl->font_size = l->font_size;
	nl->font = l->font ? sohoa_strdup(l->font) : NULL;
	nl->words = calloc(l->nwords, sizeof *nl->words);
	if (!nl->words)
		return -1;
	size_t keep = 0;
	for (size_t i = 0; i < l->nwords; i++) {
		if (word_in(r, &l->words[i]))
			nl->words[nl->nwords++] = l->words[i];
		else
			l->words[keep++] = l->words[i];
	}
	l->nwords = keep;
	return line_rebuild(l) || line_rebuild(nl) ? -1 : 0;
}

sohoa_status ingest_stamp_regions(sohoa_ctx *ctx, sohoa_page *page, const ingest_region *r, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		size_t count = 0, nlines = page->nlines;
		for (size_t i = 0; i < nlines; i++)
			count += page->lines[i].source != SOHOA_SRC_STAMP && line_in(&r[k], &page->lines[i]);
		if (!count || (r[k].max_lines > 0 && count > (size_t)r[k].max_lines))
			continue;
		for (size_t i = 0; i < nlines; i++) {
			if (page->lines[i].source == SOHOA_SRC_STAMP)
				continue;
			int in = line_in(&r[k], &page->lines[i]);
			if (in == 2)
				page->lines[i].source = SOHOA_SRC_STAMP;
			else if (in == 1 && line_split(page, i, &r[k]) != 0)
				return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory marking stamps on page %d",
						   page->number);
		}
	}
	return SOHOA_OK;
}

/* 1 if key (a line's canonical key) starts with word w followed by a space, ':' or its end. */
static int starts_word(const char *key, const char *w)
{
	size_t n = strlen(w);
	return !strncmp(key, w, n) && (key[n] == 0 || key[n] == ' ' || key[n] == ':');
}

/* The canonical key of text, leading spaces skipped, held in *b; NULL (and *b freed) when text is
 * NULL or has no key. */
static const char *line_key(const char *text, sohoa_buf *b)
{
	if (!text || sohoa_viet_key(text, strlen(text), b) != 0 || !b->data) {
		sohoa_buf_free(b);
		return NULL;
	}
	const char *k = b->data;
	while (*k == ' ')
		k++;
	return k;
}

/* 1 if the line's text reads as part of an inbox stamp (see stamp.h). */
static int stamp_words(const char *text)
{
	sohoa_buf b = {0};
	const char *k = line_key(text, &b);
	if (!k)
		return 0;
	int field = strstr(k, "số:") || strstr(k, "ngày:") || strstr(k, "giờ:");
	int yes = strstr(text, "CÔNG VĂN ĐẾN") || !strncmp(k, "chuyển:", strlen("chuyển:")) ||
		  starts_word(k, "lưu hồ sơ số") || (strstr(k, "giờ:") && strstr(k, "ngày:"));
	/* "ĐẾN" in capitals opens the stamp's field block; "đến ngày 5" in prose has no colon */
	if (!yes && field && !strncmp(text + (k - b.data), "ĐẾN", strlen("ĐẾN")) && starts_word(k, "đến"))
		yes = 1;
	sohoa_buf_free(&b);
	return yes;
}

/* 1 if the key of a line holds a clock time with seconds ("08:09:28", digits possibly misread in
 * the last place) or is a time zone alone ("+07:00"). */
static int machine_time(const char *k)
{
	for (const char *p = k; *p; p++) {
		int d = 0;
		while (p[d] >= '0' && p[d] <= '9')
			d++;
		if (d == 2 && p[2] == ':' && isdigit((unsigned char)p[3]) && isdigit((unsigned char)p[4]) && p[5] == ':' &&
		    isdigit((unsigned char)p[6]))
			return 1;
	}
	return !strncmp(k, "+07:00", 6) && (k[6] == 0 || k[6] == ' ');
}

/* 1 if the line's text reads as part of an e-signature stamp (see stamp.h). */
static int esign_words(const char *text)
{
	sohoa_buf b = {0};
	if (text && machine_time(text))
		return 1; /* on the text as read: a key is not made of a line with stray marks */
	const char *k = line_key(text, &b);
	if (!k)
		return 0;
	int yes = starts_word(k, "ký bởi") || strstr(k, "thời gian ký:") || strstr(k, "bởi:") ||
		  strstr(k, "người ký:");
	sohoa_buf_free(&b);
	return yes;
}

void ingest_stamp_words(sohoa_page *page)
{
	for (size_t i = 0; i < page->nlines; i++)
		if (page->lines[i].source != SOHOA_SRC_STAMP && stamp_words(page->lines[i].text))
			page->lines[i].source = SOHOA_SRC_STAMP;
}

sohoa_status ingest_stamp_frames(sohoa_ctx *ctx, sohoa_page *page, const float (*box)[4], size_t n)
{
	for (size_t i = 0; i < n; i++) {
		ingest_region r = {box[i][0], box[i][1], box[i][2], box[i][3], STAMP_FRAME_LINES};
		sohoa_status st = ingest_stamp_regions(ctx, page, &r, 1);
		if (st != SOHOA_OK)
			return st;
	}
	ingest_stamp_words(page);
	size_t nl = page->nlines;
	unsigned char *esign = calloc(nl ? nl : 1, 1);
	if (!esign)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory marking stamps on page %d", page->number);
	for (size_t i = 0; i < nl; i++)
		esign[i] = page->lines[i].source != SOHOA_SRC_STAMP && esign_words(page->lines[i].text);
	/* the stamp's block: lines stacked above an e-signature line, a line's height apart or less
	 * and over half of the narrower one across (the signing centre's name and e-mail above its
	 * time); not below, where the motto and the date of a page image may stand as close */
	for (int grew = 1; grew;) {
		grew = 0;
		for (size_t i = 0; i < nl; i++)
			for (size_t j = 0; esign[i] == 1 && j < nl; j++) {
				const sohoa_line *a = &page->lines[i], *c = &page->lines[j];
				if (esign[j] || c->source == SOHOA_SRC_STAMP)
					continue;
				float h = fminf(a->y1 - a->y0, c->y1 - c->y0), gap = a->y0 - c->y1;
				float across = fminf(a->x1, c->x1) - fmaxf(a->x0, c->x0);
				if (h > 0 && gap >= -0.5f * h && gap <= h && across > 0.5f * fminf(a->x1 - a->x0, c->x1 - c->x0))
					esign[j] = 1, grew = 1;
			}
	}
	for (size_t i = 0; i < nl; i++)
		if (esign[i])
			page->lines[i].source = SOHOA_SRC_STAMP;
	free(esign);
	return SOHOA_OK;
}
