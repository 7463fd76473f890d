/* table: responsibilities from tables rebuilt from the positions ingest keeps (PDF line boxes,
 * OCR word boxes). Text without positions gives no table rows here. */
#include "extract-int.h"

sohoa_status ex_table_rows(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out);

sohoa_status ex_table_rows(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out)
{
	(void)ctx;
	(void)out;
	if (!ed->doc)
		return SOHOA_OK;
	return SOHOA_OK;
}
