/* Versions: the library's, its dependencies' (asked of their adapters) and the model's. */
#include "../core/icu.h"
#include "../core/sohoa.h"
#include "../ingest/ingest.h"
#include "../restore/lm.h"
#include "../restore/restore.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *sohoa_version(void)
{
	return SOHOA_VERSION;
}

static struct {
	const char *name;
	const char *version;
} deps[4];
static pthread_once_t deps_once = PTHREAD_ONCE_INIT;

static void deps_init(void)
{
	deps[0].name = "tesseract";
	deps[0].version = sohoa_ocr_tesseract_version();
	deps[1].name = "leptonica";
	deps[1].version = sohoa_ocr_leptonica_version();
	deps[2].name = "mupdf";
	deps[2].version = sohoa_pdf_mupdf_version();
	deps[3].name = "icu";
	deps[3].version = sohoa_icu_version();
}

const char *sohoa_dependency_version(const char *name)
{
	pthread_once(&deps_once, deps_init);
	for (size_t i = 0; name && i < sizeof deps / sizeof deps[0]; i++)
		if (!strcmp(name, deps[i].name))
			return deps[i].version;
	return NULL;
}

sohoa_status sohoa_model_info_get(sohoa_ctx *ctx, sohoa_model_info *info)
{
	memset(info, 0, sizeof *info);
	char found[PATH_MAX];
	const char *path = ctx->opt.model_path;
	sohoa_status st;
	if (!path) {
		if ((st = sohoa_data_find(ctx, "sohoa-lm.bin", found, sizeof found)) != SOHOA_OK)
			return st;
		path = found;
	}
	sohoa_model *m = NULL;
	if ((st = sohoa_model_load(ctx, path, &m)) != SOHOA_OK)
		return st;
	free(ctx->model_found);
	if (!(ctx->model_found = sohoa_strdup(path))) {
		sohoa_model_free(m);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	info->path = ctx->model_found;
	info->format = m->h->version;
	info->size = m->h->file_size;
	for (int i = 0; i < 8; i++)
		snprintf(info->digest + 2 * i, 3, "%02x", m->h->digest[i]);
	sohoa_model_free(m);
	return SOHOA_OK;
}
