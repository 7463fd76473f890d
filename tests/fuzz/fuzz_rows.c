/* libFuzzer target for the `.sohoa/rows` reader of `sohoa run` (batch_rows_section, cli/batch_out.c):
 * the input is a whole rows file as sohoa_file_read gives it (NUL after the bytes). Properties: a
 * section found lies inside the file; a file batch_rows_format wrote from the sections found is
 * read back to the same sections. */
#include "../../cli/batch.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 1 << 20)
		return 0;
	char *buf = malloc(size + 1);
	if (!buf)
		abort();
	memcpy(buf, data, size);
	buf[size] = 0;
	const char *const *kinds = sohoa_row_kinds();
	sohoa_buf rows[CLI_MAX_KINDS] = {{0}};
	int ok = 1;
	for (size_t k = 0; kinds[k] && k < CLI_MAX_KINDS; k++) {
		const char *p;
		size_t n;
		if (batch_rows_section(buf, size, kinds[k], &p, &n)) {
			ok = 0;
			break;
		}
		if (n && (p < buf || p + n > buf + size))
			abort(); /* a section outside the file */
		if (n && sohoa_buf_append(&rows[k], p, n))
			abort();
	}
	if (ok) { /* write what was found, read it back: the same sections */
		sohoa_buf out = {0};
		if (batch_rows_format(rows, &out))
			abort();
		for (size_t k = 0; kinds[k] && k < CLI_MAX_KINDS; k++) {
			const char *p;
			size_t n;
			if (batch_rows_section(out.data, out.len, kinds[k], &p, &n) || n != rows[k].len ||
			    (n && memcmp(p, rows[k].data, n)))
				abort();
		}
		sohoa_buf_free(&out);
	}
	for (size_t k = 0; k < CLI_MAX_KINDS; k++)
		sohoa_buf_free(&rows[k]);
	free(buf);
	return 0;
}
