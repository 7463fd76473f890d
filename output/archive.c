/* archive: the searchable PDF of one file, from reading it to writing it (sohoa pdf). */
#include "output-int.h"
#include "../api/pipeline.h"

sohoa_status sohoa_pdf_file(sohoa_ctx *ctx, const char *in_path, const char *out_path, sohoa_pdf_report *report)
{
	sohoa_doc *doc = NULL;
	sohoa_text *text = NULL;
	sohoa_buf store = {0};
	sohoa_pdf_meta meta;
	sohoa_status st = sohoa_ingest(ctx, in_path, &doc);
	if (st != SOHOA_OK)
		return st;
	sohoa_doc_log_pages(ctx, doc);
	if ((st = sohoa_normalize_doc(ctx, doc, &text)) == SOHOA_OK &&
	    (st = sohoa_pdf_meta_get(ctx, doc, text, &meta, &store)) == SOHOA_OK) {
		if (sohoa_interrupted(ctx))
			st = sohoa_error(ctx, SOHOA_ERR_INTERRUPTED, "'%s': interrupted", in_path);
		else
			st = sohoa_pdf_write(ctx, doc, text, &meta, out_path, report);
	}
	sohoa_buf_free(&store);
	sohoa_text_free(text);
	sohoa_doc_free(doc);
	return st;
}
