/* libFuzzer target for the model loader (sohoa_model_from_memory, as sohoa_model_load after its
 * mmap): a model that passes the checks must be safe to use. The input is either a whole model
 * file (it starts with the magic) or patches to a small valid model built here once: 5-byte
 * records (a 4-byte little-endian offset, a byte to put there), then the last byte cuts the
 * model to that share of its size (255: whole). Property: the loader accepts or refuses any
 * bytes without a sanitizer report, and restoring text in each job with a model it accepted
 * makes none either. */
#include "../../core/sohoa.h"
#include "../../restore/lm.h"
#include "../../restore/restore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const text[] = {
	"Ủy ban nhân dân tỉnh Lai Châu ban hành kế hoạch cải cách hành chính năm 2025.",
	"Sở Nội vụ hướng dẫn các đơn vị thực hiện kế hoạch của tỉnh.",
	"Người dân hài lòng với sự phục vụ của cơ quan hành chính nhà nước.",
};

/* The small valid model, built on the first call. */
static sohoa_buf base;

static void build(void)
{
	sohoa_lmb *b = sohoa_lmb_new();
	sohoa_lmb_options opt = {.max_bytes = 2000000, .min_count = 1};
	for (size_t i = 0; i < 3; i++)
		sohoa_lmb_count_words(b, text[i], strlen(text[i]), 1);
	sohoa_lmb_vocab(b, &opt);
	for (size_t i = 0; i < 3; i++)
		sohoa_lmb_count_ngrams(b, text[i], strlen(text[i]), 1);
	char msg[256];
	uint8_t digest[32] = {1};
	if (sohoa_lmb_write(b, &opt, digest, &base, msg, sizeof msg)) {
		fprintf(stderr, "fuzz_model: cannot build the base model: %s\n", msg);
		abort();
	}
	sohoa_lmb_free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sohoa_ctx *ctx;
	if (!ctx) {
		sohoa_options opt;
		sohoa_options_init(&opt);
		opt.verbosity = -1;
		if (!(ctx = sohoa_ctx_new(&opt)))
			abort();
		build();
	}
	size_t n;
	uint64_t *buf; /* 8-byte aligned, as a mapping is */
	if (size >= 8 && !memcmp(data, SOHOA_LM_MAGIC, 8)) {
		n = size;
		if (!(buf = malloc(n + 8)))
			return 0;
		memcpy(buf, data, n);
	} else {
		n = base.len;
		if (!(buf = malloc(n + 8)))
			return 0;
		memcpy(buf, base.data, n);
		size_t i = 0;
		for (; i + 5 <= size; i += 5) {
			uint32_t off = (uint32_t)data[i] | (uint32_t)data[i + 1] << 8 | (uint32_t)data[i + 2] << 16 |
				       (uint32_t)data[i + 3] << 24;
			((uint8_t *)buf)[off % n] = data[i + 4];
		}
		if (i < size)
			n = n * data[size - 1] / 255;
	}
	sohoa_model *m = NULL;
	if (sohoa_model_from_memory(ctx, buf, n, &m) != SOHOA_OK)
		sohoa_clear_error(ctx);
	if (m) { /* an accepted model must be safe to use: restore with it in every job */
		static const char *const in[] = {
			"Quyet dinh so 608/QD-UBND cua Uy ban nhan dan tinh Lai Chau ve ke hoach",
			"Quyct dinh s6 608 cùa Uy ban nhän dän tinh Lai Chau, so Noi vu huong dan.",
			"Ủy ban nhân dàn tỉnh Lai Châu ban hảnh kế hoạch cải cách hành chính.",
		};
		static const sohoa_restore_mode mode[] = {SOHOA_RESTORE_STRIP, SOHOA_RESTORE_OCR, SOHOA_RESTORE_VIE};
		ctx->model = m;
		for (size_t k = 0; k < 3; k++) {
			sohoa_buf out = {0};
			if (sohoa_restore(ctx, mode[k], in[k], strlen(in[k]), &out) != SOHOA_OK)
				sohoa_clear_error(ctx);
			sohoa_buf_free(&out);
		}
		ctx->model = NULL;
	}
	sohoa_model_free(m);
	free(buf);
	return 0;
}
