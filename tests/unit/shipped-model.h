/* shipped-model.h: a context with the shipped model (data/sohoa-lm.bin) loaded, for the unit tests
 * that run on it. One check, "shipped model loads"; when it fails (the model is missing) the test
 * ends there. Include after check.h. */
#ifndef SOHOA_SHIPPED_MODEL_H
#define SOHOA_SHIPPED_MODEL_H

#include "../../restore/restore.h"

#include <stdlib.h>

/* A new context whose model is the shipped one (*m, owned by the context); exits the test with
 * its checks' status when the model cannot be loaded. */
static inline sohoa_ctx *shipped_model(sohoa_model **m)
{
	sohoa_options o;
	sohoa_options_init(&o);
	o.model_path = "data/sohoa-lm.bin";
	sohoa_ctx *ctx = sohoa_ctx_new(&o);
	*m = NULL;
	CHECK(sohoa_model_load(ctx, o.model_path, m) == SOHOA_OK && *m, "shipped model loads");
	if (!*m) {
		sohoa_ctx_free(ctx);
		exit(CHECK_DONE());
	}
	ctx->model = *m;
	return ctx;
}

#endif
