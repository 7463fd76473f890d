/* PDF through MuPDF (placeholder until the PDF adapter lands). */
#include "ingest-int.h"

#include <string.h>

static int pdf_recognize(const char *path, const unsigned char *head, size_t n)
{
	size_t pl = strlen(path);
	return (n >= 5 && !memcmp(head, "%PDF-", 5)) || (pl > 4 && !strcasecmp(path + pl - 4, ".pdf"));
}

static sohoa_status pdf_open(sohoa_ctx *ctx, const char *path, sohoa_doc *doc)
{
	(void)doc;
	return sohoa_error(ctx, SOHOA_ERR_UNSUPPORTED, "'%s': PDF input is not built yet", path);
}

const ingest_handler ingest_pdf_handler = {"pdf", pdf_recognize, pdf_open};
