/* libFuzzer target for the option values the CLI hands to the library: the page list of --pages
 * (sohoa_pages_valid, sohoa_page_selected) and the numbers sohoa_ctx_set_options checks. Bytes:
 * the first 8 give dpi, jobs, timeout and max-pages, the rest is a page list. Properties: a list
 * the checker accepts selects no page below 1, and set_options takes exactly the options within
 * range. */
#include "../../core/sohoa.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sohoa_ctx *ctx;
	if (!ctx && !(ctx = sohoa_ctx_new(NULL)))
		abort();
	if (size < 8 || size > 4096)
		return 0;
	sohoa_options opt;
	sohoa_options_init(&opt);
	opt.dpi = (int16_t)(data[0] | data[1] << 8);
	opt.jobs = (int8_t)data[2];
	opt.page_timeout_s = (int16_t)(data[3] | data[4] << 8);
	opt.max_pages = (int32_t)((uint32_t)data[5] << 24 | (uint32_t)data[6] << 8 | data[7]);
	char *spec = malloc(size - 8 + 1);
	if (!spec)
		abort();
	memcpy(spec, data + 8, size - 8);
	spec[size - 8] = 0;
	opt.pages = spec;
	int valid = sohoa_pages_valid(spec);
	if (valid) { /* every page asked of an accepted list, at the edges too */
		int pages[] = {-1, 0, 1, 2, 3, 7, 10, 99, 1000, 2147483647};
		for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
			if (pages[i] < 1 && sohoa_page_selected(spec, pages[i]))
				abort(); /* pages count from 1 */
	}
	int in_range = valid && opt.dpi >= SOHOA_DPI_MIN && opt.dpi <= SOHOA_DPI_MAX && opt.jobs >= 1 &&
		       opt.page_timeout_s >= 1 && opt.max_pages >= 1;
	if ((sohoa_ctx_set_options(ctx, &opt) == SOHOA_OK) != in_range)
		abort();
	sohoa_options_init(&opt);
	sohoa_ctx_set_options(ctx, &opt);
	free(spec);
	return 0;
}
