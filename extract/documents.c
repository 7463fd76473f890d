/* documents.csv: one row per document — file, digest, pages, and what the letterhead, the number
 * and date lines, the type line, the title and the signature block say. A field is what the
 * document says or empty: each is checked against what it can be (docfields.c) and a reading
 * that is none of those values is left out, and said in the log. */
#include "documents-int.h"

#include "../core/sha256.h"
#include "../core/viet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"doc", "source", "sha256", "pages", "type", "number", "issuer",
				      "parent_issuer", "place", "date", "title", "signer", "signer_role",
				      "ocr_pages", "restored", "mean_confidence", NULL};

static void meta_free(doc_meta *dm)
{
	sohoa_buf_free(&dm->title);
	for (int h = 0; h < dm->nhead; h++)
		free(dm->head[h]);
	free(dm->number);
	free(dm->code);
	free(dm->place);
	free(dm->signer);
	free(dm->role);
	free(dm->sign_org);
}

/* The Vietnamese letters of s (sohoa_letters), *lower of them lowercase. */
int docm_count_case(const char *s, int *lower)
{
	size_t low = 0;
	int letters = (int)sohoa_letters(s, strlen(s), &low);
	*lower = (int)low;
	return letters;
}

int docm_key_starts(const line_key *l, const char *w)
{
	size_t i = 0;
	while (i < l->keylen && l->key[i] == ' ')
		i++;
	return ex_word_at(l->key, l->keylen, i, w) || (w[strlen(w) - 1] == '.' && !strncmp(l->key + i, w, strlen(w)));
}

int docm_key_starts_any(const line_key *l, const char *const *words)
{
	for (int w = 0; words[w]; w++)
		if (docm_key_starts(l, words[w]))
			return 1;
	return 0;
}

/* A copy of a line with spaces collapsed (ex_clean). */
char *docm_clean_line(const char *s)
{
	return ex_clean(s, 0, strlen(s));
}

/* The lines that hold a letter or a digit, with their keys and letter case: *L (*n of them; the
 * caller frees with free_lines, also on error). */
static sohoa_status key_lines(sohoa_ctx *ctx, const sohoa_text *text, line_key **L, size_t *n)
{
	*n = 0;
	*L = calloc(text->nlines + 1, sizeof **L);
	if (!*L)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < text->nlines; i++) {
		const char *t = text->lines[i].text ? text->lines[i].text : "";
		line_key *l = &(*L)[*n];
		int lower = 0;
		l->letters = docm_count_case(t, &lower);
		if (!l->letters && !strpbrk(t, "0123456789"))
			continue;
		l->text = t;
		l->upper = l->letters >= 2 && lower == 0;
		l->idx = i;
		if (ex_key(t, strlen(t), &l->key, &l->keylen, &l->kmap))
			return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		(*n)++;
	}
	return SOHOA_OK;
}

static void free_lines(line_key *L, size_t n)
{
	for (size_t i = 0; L && i < n; i++) {
		free(L[i].key);
		free(L[i].kmap);
	}
	free(L);
}

/* ---- where a line came from ---- */

/* The page of the source line where tline t starts, or NULL. */
static const sohoa_page *source_page(const doc_ctx *dc, const sohoa_tline *t)
{
	for (size_t p = 0; dc->doc && p < dc->doc->npages; p++)
		if (dc->doc->pages[p].number == t->page)
			return &dc->doc->pages[p];
	return NULL;
}

/* 1 when line l was read by OCR. */
int docm_line_ocr(const doc_ctx *dc, const line_key *l)
{
	const sohoa_page *pg = source_page(dc, &dc->text->lines[l->idx]);
	return pg && pg->source == SOHOA_SRC_OCR;
}

/* The lowest OCR confidence of the source lines of line l, or -1 (not OCR). */
float docm_line_conf(const doc_ctx *dc, const line_key *l)
{
	const sohoa_tline *t = &dc->text->lines[l->idx];
	const sohoa_line *sl;
	float conf = -1;
	for (size_t p = 0, j = 0; (sl = ex_source_next(dc->doc, t, &p, &j, NULL));)
		if (sl->confidence >= 0 && (conf < 0 || sl->confidence < conf))
			conf = sl->confidence;
	return conf;
}

/* The OCR confidence of the source word of lines from..to (line keys) that holds token tok, or
 * -1 when there is none (not OCR) or letters follow the token ("26háng": the word's confidence
 * says little about the digits; a code after a '/' is part of the number). A label glued before
 * it ("Số.455", confidence 35) gives the word's: the digits are not read for certain either. */
float docm_token_conf(const doc_ctx *dc, size_t from, size_t to, const char *tok)
{
	if (!tok || !*tok || !dc->doc)
		return -1;
	for (size_t k = from; k <= to && k < dc->n; k++) {
		const sohoa_tline *t = &dc->text->lines[dc->L[k].idx];
		const sohoa_line *sl;
		for (size_t p = 0, j = 0; (sl = ex_source_next(dc->doc, t, &p, &j, NULL));)
			for (size_t w = 0; w < sl->nwords; w++) {
				const char *wt = sl->words[w].text;
				const char *at = wt ? strstr(wt, tok) : NULL;
				if (!at || sl->words[w].confidence < 0)
					continue;
				size_t lower = 0;
				const char *after = at + strlen(tok);
				size_t rest = sohoa_letters(after, strlen(after), &lower);
				if (rest && *after != '/')
					return -1;
				return sl->words[w].confidence;
			}
	}
	return -1;
}

int docm_token_apart(const doc_ctx *dc, size_t from, size_t to, const char *tok)
{
	if (!tok || !*tok || !dc->doc)
		return 0;
	const sohoa_word *hit = NULL;
	int hit_page = -1;
	for (size_t k = from; k <= to && k < dc->n; k++) {
		const sohoa_tline *t = &dc->text->lines[dc->L[k].idx];
		const sohoa_line *sl;
		for (size_t p = 0, j = 0; (sl = ex_source_next(dc->doc, t, &p, &j, NULL));)
			for (size_t w = 0; w < sl->nwords; w++) {
				const sohoa_word *wd = &sl->words[w];
				if (!wd->text)
					continue;
				if (!hit) {
					if (strcmp(wd->text, tok) == 0) {
						hit = wd;
						hit_page = sl->page;
					}
					continue;
				}
				if (wd->text[0] != '/' || sl->page != hit_page)
					return 0;
				float h = hit->y1 - hit->y0;
				return h > 0 && wd->x0 - hit->x1 > h;
			}
	}
	return 0;
}

/* The box of line l's first source line and its page; 0 when it has none. */
int docm_line_box(const doc_ctx *dc, const line_key *l, float box[4], int *page)
{
	size_t p = 0, j = 0;
	const sohoa_line *sl = ex_source_next(dc->doc, &dc->text->lines[l->idx], &p, &j, NULL);
	if (!sl || sl->y1 <= sl->y0 || sl->x1 <= sl->x0)
		return 0;
	box[0] = sl->x0;
	box[1] = sl->y0;
	box[2] = sl->x1;
	box[3] = sl->y1;
	*page = sl->page;
	return 1;
}

/* The box of line l's last source line and its page; 0 when it has none. */
int docm_line_box_last(const doc_ctx *dc, const line_key *l, float box[4], int *page)
{
	size_t p = 0, j = 0;
	const sohoa_line *sl, *last = NULL;
	while ((sl = ex_source_next(dc->doc, &dc->text->lines[l->idx], &p, &j, NULL)))
		last = sl;
	if (!last || last->y1 <= last->y0 || last->x1 <= last->x0)
		return 0;
	box[0] = last->x0;
	box[1] = last->y0;
	box[2] = last->x1;
	box[3] = last->y1;
	*page = last->page;
	return 1;
}

/* The words of line text t: byte spans, at most max. */
int docm_split_spans(const char *t, size_t *b, size_t *e, int max)
{
	int n = 0;
	size_t len = strlen(t);
	for (size_t i = 0; i < len && n < max;) {
		while (i < len && t[i] == ' ')
			i++;
		if (i >= len)
			break;
		b[n] = i;
		while (i < len && t[i] != ' ')
			i++;
		e[n++] = i;
	}
	return n;
}

/* 1 if the word has a letter. */
int docm_has_letter(const char *s, size_t n)
{
	return sohoa_letters(s, n, NULL) > 0;
}

/* 1 if word s[0..n) starts with a capital. */
int docm_starts_upper(const char *s, size_t n)
{
	uint32_t cp, plain;
	int tone, upper = 0;
	sohoa_utf8_decode(s, n, &cp);
	return sohoa_viet_letter(cp, &plain, &tone, &upper) && upper;
}

/* ---- the row ---- */

/* The row: provenance (file, digest, pages), what the document says, and quality (OCR pages,
 * restored lines, mean OCR confidence rounded to 0.01). */
static sohoa_status write_row(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, const doc_meta *dm,
			      const char *sign_issuer, sohoa_buf *out)
{
	const char *issuer = dm->nhead ? dm->head[dm->nhead - 1] : sign_issuer;
	const char *parent_issuer = dm->nhead >= 2 ? dm->head[dm->nhead - 2] : NULL;
	char hex[65] = "";
	if (doc && doc->path && strcmp(doc->path, "-") && sohoa_sha256_file(ctx, doc->path, hex) != SOHOA_OK) {
		hex[0] = 0;
		sohoa_clear_error(ctx);
	}
	int restored = 0;
	for (size_t i = 0; i < text->nlines; i++)
		restored += text->lines[i].restored != 0;
	double conf = 0;
	size_t nconf = 0;
	if (doc)
		for (size_t p = 0; p < doc->npages; p++)
			for (size_t j = 0; j < doc->pages[p].nlines; j++)
				if (doc->pages[p].lines[j].confidence >= 0) {
					conf += doc->pages[p].lines[j].confidence;
					nconf++;
				}
	ex_row row;
	ex_row_begin(&row, out);
	ex_field(&row, text->doc ? text->doc : doc ? doc->name : NULL);
	ex_field(&row, doc ? doc->path : NULL);
	ex_field(&row, hex);
	ex_field_int(&row, doc ? doc->page_count : 0, doc != NULL);
	ex_field(&row, dm->type);
	ex_field(&row, dm->number);
	ex_field(&row, issuer);
	ex_field(&row, parent_issuer);
	ex_field(&row, dm->place);
	ex_field(&row, dm->date);
	ex_field(&row, dm->title.data);
	ex_field(&row, dm->signer);
	ex_field(&row, dm->role);
	ex_field_int(&row, doc ? doc->ocr_pages : 0, doc != NULL);
	ex_field_int(&row, restored, 1);
	ex_field_num(&row, nconf ? (double)(long)(conf / (double)nconf * 100 + 0.5) / 100 : 0, nconf > 0);
	return ex_row_end(&row, ctx);
}

/* Every step over text (and doc): the fields into dm, the body a "TM." signature signs for into
 * *sign_issuer. The caller frees both (meta_free, free), also on error. */
static sohoa_status find_fields(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, doc_meta *dm,
				char **sign_issuer)
{
	line_key *L = NULL;
	size_t n = 0;
	*sign_issuer = NULL;
	dm->number_apart = dm->day_conf = -1;
	sohoa_status st = key_lines(ctx, text, &L, &n);
	if (st == SOHOA_OK) {
		const char *label = doc && doc->path ? doc->path : text->doc ? text->doc : doc && doc->name ? doc->name : "";
		doc_ctx dc = {ctx, doc, text, label, L, n};
		docm_find_type(L, n, dm);
		docm_find_title(&dc, dm);
		docm_read_number(&dc, dm);
		docm_read_date(&dc, dm);
		docm_check_number(&dc, dm);
		st = docm_read_letterhead(&dc, dm);
		docm_title_places(&dc, dm);
		docm_type_by_rule(L, n, dm);
		size_t sig = docm_signature_line(&dc, dm->type_at);
		if (st == SOHOA_OK)
			sig = docm_lead_block(&dc, dm, sig);
		if (st == SOHOA_OK && sig < n)
			docm_read_signature(&dc, sig, dm);
		if (st == SOHOA_OK && sig >= n)
			docm_signer_at_end(&dc, dm);
		*sign_issuer = dm->sign_org ? docf_issuer(dm->sign_org) : NULL;
	}
	free_lines(L, n);
	return st;
}

static sohoa_status run(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_buf *out)
{
	doc_meta dm = {0};
	char *sign_issuer = NULL;
	sohoa_status st = find_fields(ctx, doc, text, &dm, &sign_issuer);
	if (st == SOHOA_OK)
		st = write_row(ctx, doc, text, &dm, sign_issuer, out);
	free(sign_issuer);
	meta_free(&dm);
	return st;
}

/* A copy of s, NULL when s is NULL or empty; *nomem set when the copy fails. */
static char *field_dup(const char *s, int *nomem)
{
	if (!s || !*s)
		return NULL;
	char *c = sohoa_strdup(s);
	*nomem |= !c;
	return c;
}

sohoa_status sohoa_doc_fields_read(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_doc_fields *f)
{
	memset(f, 0, sizeof *f);
	doc_meta dm = {0};
	char *sign_issuer = NULL;
	sohoa_status st = find_fields(ctx, doc, text, &dm, &sign_issuer);
	if (st == SOHOA_OK) {
		int nomem = 0;
		f->type = field_dup(dm.type, &nomem);
		f->number = field_dup(dm.number, &nomem);
		f->issuer = field_dup(dm.nhead ? dm.head[dm.nhead - 1] : sign_issuer, &nomem);
		f->date = field_dup(dm.date, &nomem);
		f->title = field_dup(dm.title.data, &nomem);
		if (nomem) {
			sohoa_doc_fields_free(f);
			st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		}
	}
	free(sign_issuer);
	meta_free(&dm);
	return st;
}

void sohoa_doc_fields_free(sohoa_doc_fields *f)
{
	if (f) {
		char *const s[] = {f->type, f->number, f->issuer, f->date, f->title};
		for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
			free(s[i]);
		memset(f, 0, sizeof *f);
	}
}

const sohoa_extractor ex_documents = {"documents", columns, run};
