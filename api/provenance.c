/* Where a row came from, as three columns appended to every kind whose rows name a source page
 * and line: line_source (pdf, ocr, text), line_confidence (the line's mean OCR word confidence,
 * empty unless OCR) and line_box ("x0 y0 x1 y1", points from the top-left of the upright page,
 * empty for text). Named line_* because scores and schemes have a confidence column of their own
 * and responsibilities and documents a source. */
#include "pipeline.h"
#include "../extract/extract.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_KINDS 32
#define MAX_COLUMNS 64

static const char *const prov_names[SOHOA_PROV_COLUMNS] = {"line_source", "line_confidence", "line_box"};
static const char *columns[MAX_KINDS][MAX_COLUMNS + SOHOA_PROV_COLUMNS + 1];
static const sohoa_extractor *owners[MAX_KINDS];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int column_index(const char *const *cols, const char *name)
{
	for (int i = 0; cols[i]; i++)
		if (!strcmp(cols[i], name))
			return i;
	return -1;
}

static void init(void)
{
	const sohoa_extractor *const *ex = sohoa_extractors();
	for (size_t k = 0; ex[k] && k < MAX_KINDS; k++) {
		const char *const *c = ex[k]->columns;
		size_t n = 0;
		while (c[n])
			n++;
		if (n > MAX_COLUMNS || column_index(c, "page") < 0 || column_index(c, "line") < 0)
			continue;
		owners[k] = ex[k];
		memcpy(columns[k], c, n * sizeof *c);
		for (size_t i = 0; i < SOHOA_PROV_COLUMNS; i++)
			columns[k][n + i] = prov_names[i];
		columns[k][n + SOHOA_PROV_COLUMNS] = NULL;
	}
}

const char *const *sohoa_prov_columns(const struct sohoa_extractor *ex)
{
	pthread_once(&once, init);
	for (size_t k = 0; k < MAX_KINDS; k++)
		if (owners[k] == ex)
			return columns[k];
	return NULL;
}

const sohoa_line *sohoa_doc_line(const sohoa_doc *doc, int page, int line)
{
	for (size_t i = 0; doc && page > 0 && line > 0 && i < doc->npages; i++) {
		const sohoa_page *p = &doc->pages[i];
		if (p->number != page)
			continue;
		if ((size_t)line <= p->nlines && p->lines[line - 1].line == line)
			return &p->lines[line - 1];
		for (size_t j = 0; j < p->nlines; j++)
			if (p->lines[j].line == line)
				return &p->lines[j];
	}
	return NULL;
}

void sohoa_prov_cells(const sohoa_doc *doc, const struct sohoa_extractor *ex, const char *const *cells,
		      char buf[SOHOA_PROV_COLUMNS][64])
{
	int pi = column_index(ex->columns, "page"), li = column_index(ex->columns, "line");
	const sohoa_line *l = pi >= 0 && li >= 0 ? sohoa_doc_line(doc, atoi(cells[pi]), atoi(cells[li])) : NULL;
	for (size_t i = 0; i < SOHOA_PROV_COLUMNS; i++)
		buf[i][0] = 0;
	if (!l)
		return;
	snprintf(buf[0], sizeof buf[0], "%s", sohoa_source_name(l->source));
	if (l->source == SOHOA_SRC_OCR && l->confidence >= 0)
		snprintf(buf[1], sizeof buf[1], "%.1f", l->confidence);
	if (l->source != SOHOA_SRC_TEXT)
		snprintf(buf[2], sizeof buf[2], "%.1f %.1f %.1f %.1f", l->x0, l->y0, l->x1, l->y1);
}
