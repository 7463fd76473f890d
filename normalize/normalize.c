/* normalize: the stage's driver (placeholder: one output line per source line, text as read). */
#include "normalize.h"

#include <stdlib.h>
#include <string.h>

void sohoa_text_free(sohoa_text *text)
{
	if (!text)
		return;
	for (size_t i = 0; i < text->nlines; i++)
		free(text->lines[i].text);
	free(text->lines);
	free(text->doc);
	free(text);
}

sohoa_status sohoa_normalize_doc(sohoa_ctx *ctx, const sohoa_doc *doc, sohoa_text **out)
{
	*out = NULL;
	sohoa_text *t = calloc(1, sizeof *t);
	if (!t)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	t->doc = sohoa_strdup(doc->name);
	t->restore_mode = "off";
	size_t total = 0;
	for (size_t i = 0; i < doc->npages; i++)
		total += doc->pages[i].nlines;
	t->lines = calloc(total ? total : 1, sizeof *t->lines);
	if (!t->lines || !t->doc) {
		sohoa_text_free(t);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < doc->npages; i++)
		for (size_t j = 0; j < doc->pages[i].nlines; j++) {
			const sohoa_line *l = &doc->pages[i].lines[j];
			sohoa_tline *tl = &t->lines[t->nlines++];
			tl->text = sohoa_strdup(l->text ? l->text : "");
			tl->page = tl->page_end = l->page;
			tl->line = tl->line_end = l->line;
		}
	*out = t;
	return SOHOA_OK;
}

sohoa_status sohoa_text_write(sohoa_ctx *ctx, const sohoa_text *text, sohoa_buf *out)
{
	for (size_t i = 0; i < text->nlines; i++) {
		if (i > 0 && text->lines[i].page != text->lines[i - 1].page_end && sohoa_buf_puts(out, "\f"))
			goto nomem;
		if (sohoa_buf_puts(out, text->lines[i].text) || sohoa_buf_puts(out, "\n"))
			goto nomem;
	}
	return SOHOA_OK;
nomem:
	return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory writing '%s'", text->doc);
}
