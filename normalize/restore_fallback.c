/* Fallbacks for restore.h until normalize/restore.c and lm.c land: restoration copies the text.
 * Every definition here is weak, and the file name sorts after restore.c and lm.c, so that when the
 * real ones are in libsohoa.a the linker takes them first and never needs this member. */
#include "normalize-int.h"
#include "restore.h"

__attribute__((weak)) sohoa_status sohoa_model_load(sohoa_ctx *ctx, const char *path, sohoa_model **model)
{
	*model = NULL;
	return sohoa_error(ctx, SOHOA_ERR_MISSING, "no language model support in this build (%s)",
			   path ? path : "shipped model");
}

__attribute__((weak)) void sohoa_model_free(sohoa_model *model)
{
	(void)model;
}

__attribute__((weak)) sohoa_restore_mode sohoa_restore_detect(const char *text, size_t n)
{
	(void)text;
	(void)n;
	return SOHOA_RESTORE_OFF;
}

__attribute__((weak)) sohoa_status sohoa_restore(sohoa_ctx *ctx, sohoa_restore_mode mode, const char *s,
						size_t n, sohoa_buf *out)
{
	(void)mode;
	if (sohoa_buf_append(out, s, n))
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	return SOHOA_OK;
}
