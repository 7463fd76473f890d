/* The decoder's speed machinery must not change what it decodes: paragraphs restored together
 * (sohoa_restore_many, several lanes in turn) equal the same paragraphs restored together in the
 * reverse order (the lanes then interleave them otherwise; restored one by one they would differ,
 * as the paragraphs of one call share their vocabulary and tone style: test_restore_doc.c), with
 * spans longer than one decoding window, mixed jobs and empty paragraphs; the n-gram tables are
 * homed by candidate group as the decoder assumes (every stored bigram found from its group's
 * home). Uses the shipped model (data/sohoa-lm.bin); one FAIL when it is missing. */
#include "../../restore/lm.h"
#include "../../restore/restore.h"
#include "../../core/viet.h"
#include "check.h"
#include "shipped-model.h"

#include <stdlib.h>

static const char *const sentences[] = {
	"Ủy ban nhân dân tỉnh ban hành quyết định về việc công bố chỉ số cải cách hành chính năm 2023.",
	"Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan triển khai thực hiện kế hoạch này.",
	"Người dân và doanh nghiệp được hướng dẫn nộp hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia.",
	"Chuyển đổi số trong cơ quan nhà nước là nhiệm vụ trọng tâm của giai đoạn tới.",
	"Văn bản số 608/QĐ-UBND ngày 15 tháng 3 năm 2024, xem tại https://example.gov.vn/van-ban.",
	"Cong tac chi dao dieu hanh dugc 8,41/10 diem; S6 lieu v4i nam truoc.",
	"",
	"Trường học, bệnh viện và trụ sở xã đều có kết nối internet tốc độ cao.",
};
#define NS (sizeof sentences / sizeof sentences[0])

int main(void)
{
	sohoa_model *m;
	sohoa_ctx *ctx = shipped_model(&m);

	/* paragraphs: each sentence stripped (strip), as it is under ocr/vie/auto/off, and one
	 * paragraph long enough to need several decoding windows (4096 positions each) */
	enum { NP = 5 * NS + 1 };
	sohoa_buf text[NP];
	sohoa_restore_mode mode[NP];
	static const sohoa_restore_mode modes[] = {SOHOA_RESTORE_STRIP, SOHOA_RESTORE_OCR, SOHOA_RESTORE_VIE,
						   SOHOA_RESTORE_AUTO, SOHOA_RESTORE_OFF};
	size_t np = 0;
	for (size_t k = 0; k < NS; k++)
		for (size_t j = 0; j < 5; j++) {
			text[np] = (sohoa_buf){0};
			if (modes[j] == SOHOA_RESTORE_STRIP)
				sohoa_viet_strip(sentences[k], strlen(sentences[k]), &text[np]);
			else
				sohoa_buf_append(&text[np], sentences[k], strlen(sentences[k]));
			mode[np++] = modes[j];
		}
	text[np] = (sohoa_buf){0};
	for (int r = 0; r < 300; r++)
		for (size_t k = 0; k < 4; k++) {
			sohoa_viet_strip(sentences[k], strlen(sentences[k]), &text[np]);
			sohoa_buf_append(&text[np], " ", 1);
		}
	mode[np++] = SOHOA_RESTORE_STRIP;

	const char *ptr[NP];
	size_t len[NP];
	const char *rptr[NP];
	size_t rlen[NP];
	sohoa_restore_mode rmode[NP];
	sohoa_buf one[NP], many[NP];
	for (size_t k = 0; k < np; k++) {
		ptr[k] = text[k].data ? text[k].data : "";
		len[k] = text[k].len;
		rptr[np - 1 - k] = ptr[k];
		rlen[np - 1 - k] = len[k];
		rmode[np - 1 - k] = mode[k];
		one[k] = many[k] = (sohoa_buf){0};
	}
	CHECK(sohoa_restore_many(ctx, rmode, rptr, rlen, np, one) == SOHOA_OK, "paragraphs restore together, reversed");
	CHECK(sohoa_restore_many(ctx, mode, ptr, len, np, many) == SOHOA_OK, "paragraphs restore together");
	int same = 1;
	for (size_t k = 0; k < np; k++) {
		const sohoa_buf *r = &one[np - 1 - k];
		same &= r->len == many[k].len && memcmp(r->data ? r->data : "", many[k].data ? many[k].data : "", r->len) == 0;
	}
	CHECK(same, "restored together = restored in reverse order (mixed jobs, empty and multi-window paragraphs)");
	sohoa_buf single = {0};
	CHECK(sohoa_restore(ctx, mode[0], ptr[0], len[0], &single) == SOHOA_OK && single.len > len[0] &&
		      many[np - 1].len > len[np - 1],
	      "stripped paragraphs got their marks back");
	sohoa_buf_free(&single);

	/* group homes: every stored bigram is found searching from its group's home, the candidates
	 * of one stripped form share one group number, and ids of no group have numbers of their own */
	size_t stored = 0, found = 0;
	for (uint64_t i = 0; i < m->h->bigram_slots; i++) {
		uint32_t key = m->bigram[i].key;
		if (!key)
			continue;
		stored++;
		found += sohoa_lm_bigram_find(m, (int)(key >> 16), (int)(key & 0xffff)) == &m->bigram[i];
	}
	CHECK(stored > 0 && found == stored, "every stored bigram is found from its group's home");
	size_t ng = 0;
	const uint16_t *g = sohoa_lm_cands(m, "tinh", 4, &ng);
	int shared = ng > 1;
	for (size_t k = 1; g && k < ng; k++)
		shared &= sohoa_lm_gof(m, g[k]) == sohoa_lm_gof(m, g[0]);
	CHECK(shared, "the candidates of 'tinh' share one group number");
	CHECK(sohoa_lm_gof(m, LM_BOS) != sohoa_lm_gof(m, LM_EOS) && sohoa_lm_gof(m, LM_BOS) >= m->h->ngroups &&
		      sohoa_lm_gof(m, g ? g[0] : 0) < m->h->ngroups,
	      "ids of no group have numbers of their own, after the groups");

	/* the group cache gives what the table gives, for a form asked twice */
	size_t n1 = 0, n2 = 0;
	const uint16_t *c1 = sohoa_lm_cands(m, "tinh", 4, &n1), *c2 = sohoa_lm_cands(m, "tinh", 4, &n2);
	CHECK(c1 && c1 == c2 && n1 == n2 && n1 > 1, "candidate groups: second lookup (cached) = first");
	CHECK(!sohoa_lm_cands(m, "tinhx", 5, &n1) && n1 == 0, "candidate groups: unknown form has none");

	for (size_t k = 0; k < np; k++) {
		sohoa_buf_free(&text[k]);
		sohoa_buf_free(&one[k]);
		sohoa_buf_free(&many[k]);
	}
	ctx->model = NULL;
	sohoa_model_free(m);
	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}
