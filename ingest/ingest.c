/* ingest: pick the handler for a file, and the document model's writers and TSV reader. */
#include "ingest-int.h"
#include "../core/array.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const ingest_handler *const handlers[] = {
	&ingest_pdf_handler, &ingest_image_handler, &ingest_text_handler, NULL,
};

const char *sohoa_source_name(sohoa_source src)
{
	switch (src) {
	case SOHOA_SRC_PDF: return "pdf";
	case SOHOA_SRC_OCR: return "ocr";
	case SOHOA_SRC_TEXT: return "text";
	case SOHOA_SRC_STAMP: return "stamp";
	}
	return "?";
}

/* The document's name: the file name of path, extension kept (what `sohoa run` keys a file
 * given by name with). */
static char *doc_name_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	return sohoa_strdup(base ? base + 1 : path);
}

/* A new empty document with copies of path, name and kind; NULL when out of memory. */
static sohoa_doc *doc_new(const char *path, const char *name, const char *kind)
{
	sohoa_doc *doc = calloc(1, sizeof *doc);
	if (!doc)
		return NULL;
	doc->path = sohoa_strdup(path);
	doc->name = sohoa_strdup(name);
	doc->kind = sohoa_strdup(kind);
	if (!doc->path || !doc->name || !doc->kind) {
		sohoa_doc_free(doc);
		return NULL;
	}
	return doc;
}

/* The handler for a file named path starting with head[0..n): a text name (.txt, .text) first,
 * if its bytes are text; then the table in order, whose handlers trust magic only at offset 0
 * (a .pdf name also goes to the PDF reader, which accepts "%PDF-" in the first 1024 bytes); a file
 * named as an image (ingest_image_named) goes to the image reader, never to text. */
static const ingest_handler *find_handler(const char *path, const unsigned char *head, size_t n)
{
	if (ingest_text_named(path) && ingest_text_handler.recognize(path, head, n))
		return &ingest_text_handler;
	for (size_t i = 0; handlers[i]; i++)
		if (handlers[i] != &ingest_text_handler && handlers[i]->recognize(path, head, n))
			return handlers[i];
	if (ingest_image_named(path)) /* its open says the bytes are not an image */
		return &ingest_image_handler;
	return ingest_text_handler.recognize(path, head, n) ? &ingest_text_handler : NULL;
}

sohoa_status sohoa_ingest(sohoa_ctx *ctx, const char *path, sohoa_doc **out)
{
	*out = NULL;
	struct stat st;
	if (stat(path, &st) != 0)
		return sohoa_error(ctx, SOHOA_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return sohoa_error(ctx, SOHOA_ERR_IO, "'%s' is a directory", path);
	if (st.st_size == 0)
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s' is empty", path);
	FILE *f = fopen(path, "rb");
	if (!f)
		return sohoa_error(ctx, SOHOA_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
	unsigned char head[1024];
	size_t n = fread(head, 1, sizeof head, f);
	int failed = ferror(f);
	fclose(f);
	if (failed)
		return sohoa_error(ctx, SOHOA_ERR_IO, "cannot read '%s'", path);
	const ingest_handler *h = find_handler(path, head, n);
	if (!h)
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s' is not a PDF, image or text file", path);
	char *name = doc_name_from_path(path);
	sohoa_doc *doc = name ? doc_new(path, name, h->name) : NULL;
	free(name);
	if (!doc)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	sohoa_status st2 = h->open(ctx, path, doc);
	if (st2 != SOHOA_OK) {
		sohoa_doc_free(doc);
		return st2;
	}
	for (size_t i = 0; i < doc->npages; i++)
		if (doc->pages[i].source == SOHOA_SRC_OCR && doc->pages[i].status == SOHOA_OK)
			doc->ocr_pages++;
	*out = doc;
	return SOHOA_OK;
}

sohoa_status ingest_doc_parse(sohoa_ctx *ctx, const char *name, const char *kind, const char *data, size_t len,
			      ingest_parse_fn parse, sohoa_doc **out)
{
	*out = NULL;
	sohoa_doc *doc = doc_new(name, name, kind);
	char *copy = sohoa_strndup(data, len);
	if (!doc || !copy) {
		sohoa_doc_free(doc);
		free(copy);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	sohoa_status st = parse(ctx, name, copy, len, doc);
	if (st != SOHOA_OK) {
		sohoa_doc_free(doc);
		return st;
	}
	*out = doc;
	return SOHOA_OK;
}

const char *ingest_page_reason(const char *msg, int number)
{
	if (!msg)
		return msg;
	const char *p = msg;
	if (*p == '\'') { /* 'FILE': */
		const char *q = strstr(p + 1, "': page ");
		if (!q)
			return msg;
		p = q + 3;
	}
	char prefix[32];
	int n = snprintf(prefix, sizeof prefix, "page %d: ", number);
	return !strncmp(p, prefix, (size_t)n) && p[n] ? p + n : msg;
}

sohoa_page *ingest_page_add(sohoa_doc *doc, int number)
{
	if (SOHOA_GROW(doc->pages, doc->npages + 1, doc->pages_cap))
		return NULL;
	sohoa_page *page = &doc->pages[doc->npages++];
	memset(page, 0, sizeof *page);
	page->number = number;
	return page;
}

sohoa_line *ingest_line_add(sohoa_page *page)
{
	if (SOHOA_GROW(page->lines, page->nlines + 1, page->lines_cap))
		return NULL;
	sohoa_line *line = &page->lines[page->nlines++];
	memset(line, 0, sizeof *line);
	line->page = page->number;
	line->line = (int)page->nlines;
	line->source = page->source;
	line->confidence = -1;
	return line;
}

void ingest_page_clear(sohoa_page *page)
{
	for (size_t j = 0; j < page->nlines; j++) {
		sohoa_line *l = &page->lines[j];
		free(l->text);
		free(l->font);
		for (size_t k = 0; k < l->nwords; k++)
			free(l->words[k].text);
		free(l->words);
	}
	free(page->lines);
	page->lines = NULL;
	page->nlines = 0;
	page->lines_cap = 0;
}

void sohoa_doc_free(sohoa_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->npages; i++) {
		ingest_page_clear(&doc->pages[i]);
		free(doc->pages[i].decision);
		free(doc->pages[i].encoding);
		free(doc->pages[i].error);
	}
	free(doc->pages);
	free(doc->path);
	free(doc->name);
	free(doc->kind);
	free(doc);
}

sohoa_status sohoa_doc_write_text(sohoa_ctx *ctx, const sohoa_doc *doc, sohoa_buf *out)
{
	for (size_t i = 0; i < doc->npages; i++) {
		const sohoa_page *p = &doc->pages[i];
		if (i > 0 && sohoa_buf_puts(out, "\f"))
			goto nomem;
		for (size_t j = 0; j < p->nlines; j++)
			if (sohoa_buf_puts(out, p->lines[j].text ? p->lines[j].text : "") ||
			    sohoa_buf_puts(out, "\n"))
				goto nomem;
	}
	return SOHOA_OK;
nomem:
	return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory writing '%s'", doc->name);
}

/* TSV fields may not hold tabs or newlines: write them as spaces. */
static int put_field(sohoa_buf *out, const char *s)
{
	for (; s && *s; s++) {
		char c = (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s;
		if (sohoa_buf_append(out, &c, 1))
			return -1;
	}
	return 0;
}

sohoa_status sohoa_doc_write_tsv(sohoa_ctx *ctx, const sohoa_doc *doc, sohoa_buf *out)
{
	if (sohoa_buf_puts(out, "page\tline\tx0\ty0\tx1\ty1\tsource\tconfidence\tdecision\ttext\n"))
		goto nomem;
	for (size_t i = 0; i < doc->npages; i++) {
		const sohoa_page *p = &doc->pages[i];
		for (size_t j = 0; j < p->nlines; j++) {
			const sohoa_line *l = &p->lines[j];
			if (sohoa_buf_printf(out, "%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%s\t", l->page, l->line,
					     l->x0, l->y0, l->x1, l->y1, sohoa_source_name(l->source)))
				goto nomem;
			if (l->confidence >= 0 && sohoa_buf_printf(out, "%.1f", l->confidence))
				goto nomem;
			if (sohoa_buf_puts(out, "\t") || put_field(out, p->decision) ||
			    sohoa_buf_puts(out, "\t") || put_field(out, l->text) || sohoa_buf_puts(out, "\n"))
				goto nomem;
		}
	}
	return SOHOA_OK;
nomem:
	return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory writing '%s'", doc->name);
}

/* Split one TSV line into at most max fields in place; returns the count. */
static int split_tabs(char *s, char **fields, int max)
{
	int n = 0;
	fields[n++] = s;
	for (; *s && n < max; s++)
		if (*s == '\t') {
			*s = 0;
			fields[n++] = s + 1;
		}
	return n;
}

/* Fill doc from the TSV rows in data (an ingest_parse_fn: data is freed here). */
static sohoa_status tsv_parse(sohoa_ctx *ctx, const char *name, char *data, size_t len, sohoa_doc *doc)
{
	sohoa_status st = SOHOA_OK;
	int lineno = 0, page_source_set = 0; /* a page's source comes from its first line that is not a stamp */
	char *save = NULL;
	char *text = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? data + 3 : data; /* skip a BOM */
	for (char *row = strtok_r(text, "\n", &save); row; row = strtok_r(NULL, "\n", &save)) {
		lineno++;
		size_t rl = strlen(row);
		if (rl && row[rl - 1] == '\r')
			row[rl - 1] = 0;
		if (lineno == 1 && !strncmp(row, "page\t", 5))
			continue;
		char *f[10];
		if (split_tabs(row, f, 10) != 10) {
			st = sohoa_error(ctx, SOHOA_ERR_FORMAT, "%s: line %d: expected 10 tab-separated fields",
					 name, lineno);
			break;
		}
		char *end;
		long pg = strtol(f[0], &end, 10);
		if (*end || pg < 1 || pg > 10000000) {
			st = sohoa_error(ctx, SOHOA_ERR_FORMAT, "%s: line %d: bad page number '%s'", name, lineno, f[0]);
			break;
		}
		sohoa_page *page = doc->npages ? &doc->pages[doc->npages - 1] : NULL;
		int stamp = !strcmp(f[6], "stamp");
		if (!page || page->number != (int)pg) {
			if (page && page->number > (int)pg) {
				st = sohoa_error(ctx, SOHOA_ERR_FORMAT, "%s: line %d: pages out of order", name, lineno);
				break;
			}
			if (!(page = ingest_page_add(doc, (int)pg)) || !(page->decision = sohoa_strdup(f[8])))
				goto nomem;
			doc->page_count = (int)pg;
			page_source_set = 0;
		}
		if (!stamp && !page_source_set) {
			page->source = !strcmp(f[6], "ocr") ? SOHOA_SRC_OCR :
				       !strcmp(f[6], "pdf") ? SOHOA_SRC_PDF : SOHOA_SRC_TEXT;
			page_source_set = 1;
			for (size_t k = 0; k < page->nlines; k++)
				if (page->lines[k].source != SOHOA_SRC_STAMP)
					page->lines[k].source = page->source;
		}
		sohoa_line *l = ingest_line_add(page);
		if (!l || !(l->text = sohoa_strdup(f[9])))
			goto nomem;
		if (stamp)
			l->source = SOHOA_SRC_STAMP;
		l->line = (int)strtol(f[1], NULL, 10);
		l->x0 = strtof(f[2], NULL);
		l->y0 = strtof(f[3], NULL);
		l->x1 = strtof(f[4], NULL);
		l->y1 = strtof(f[5], NULL);
		l->confidence = *f[7] ? strtof(f[7], NULL) : -1;
	}
	free(data);
	return st;
nomem:
	free(data);
	return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory reading '%s'", name);
}

sohoa_status sohoa_doc_read_tsv(sohoa_ctx *ctx, const char *name, const char *data, size_t len,
				sohoa_doc **out)
{
	return ingest_doc_parse(ctx, name, "tsv", data, len, tsv_parse, out);
}
