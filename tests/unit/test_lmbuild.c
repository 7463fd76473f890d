/* The model builder (restore/lm-build.c) on tiny texts: domain weighting scales counts without
 * changing the smoothing (a text counted 3 times gives the same probabilities as counted once),
 * and gazetteer phrases given after the vocabulary raise their own n-grams. (Filling the 25 MB
 * budget is checked on the shipped model by test_lm.) */
#include "../../restore/lm.h"
#include "../../restore/restore.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

static const char *const text[] = {
	"Sở Y tế tỉnh Lai Châu ban hành kế hoạch cải cách hành chính năm 2025.",
	"Ủy ban nhân dân tỉnh Lai Châu giao Sở Y tế chủ trì thực hiện kế hoạch.",
	"Các đơn vị thuộc Sở thực hiện kế hoạch cải cách hành chính của tỉnh.",
	"Kế hoạch cải cách hành chính được ban hành kèm theo quyết định của tỉnh.",
	"Sở Nội vụ hướng dẫn các đơn vị thực hiện kế hoạch của tỉnh.",
	"Người dân tỉnh Lai Châu hài lòng với sự phục vụ của cơ quan hành chính.",
};
#define NTEXT (sizeof text / sizeof text[0])

/* A model from the text, each sentence counted with weight w; gaz: a phrase for the gazetteer. */
static sohoa_model *build(sohoa_ctx *ctx, int w, const char *gaz, sohoa_buf *bytes)
{
	sohoa_lmb *b = sohoa_lmb_new();
	for (size_t i = 0; i < NTEXT; i++)
		sohoa_lmb_count_words(b, text[i], strlen(text[i]), 1);
	sohoa_lmb_options opt = {.max_bytes = 2000000, .min_count = 1};
	sohoa_lmb_vocab(b, &opt);
	if (gaz)
		sohoa_lmb_gazetteer(b, gaz, strlen(gaz));
	for (size_t i = 0; i < NTEXT; i++)
		sohoa_lmb_count_ngrams(b, text[i], strlen(text[i]), w);
	char msg[256];
	uint8_t digest[32] = {1};
	int rc = sohoa_lmb_write(b, &opt, digest, bytes, msg, sizeof msg);
	sohoa_lmb_free(b);
	sohoa_model *m = NULL;
	if (rc || sohoa_model_from_memory(ctx, bytes->data, bytes->len, &m)) {
		printf("    build: %s\n", rc ? msg : sohoa_errmsg(ctx));
		return NULL;
	}
	return m;
}

static int id(const sohoa_model *m, const char *w)
{
	return sohoa_lm_id(m, w, strlen(w));
}

/* ln P(c | a, b) * SCALE of three words. */
static int score(const sohoa_model *m, const char *a, const char *b, const char *c)
{
	return sohoa_lm_score(m, id(m, a), id(m, b), id(m, c));
}

/* A copy of the model bytes with one entry changed by patch must be refused at load with a
 * format error naming what is wrong (why), never accepted to crash a lookup later. */
static int refused(sohoa_ctx *ctx, const sohoa_buf *bytes, void (*patch)(uint8_t *, const sohoa_lm_header *),
		   const char *why)
{
	uint64_t *copy = malloc(bytes->len + 8); /* 8-byte aligned, as a mapping is */
	if (!copy)
		return 0;
	memcpy(copy, bytes->data, bytes->len);
	patch((uint8_t *)copy, (const sohoa_lm_header *)bytes->data);
	sohoa_model *m = NULL;
	sohoa_status st = sohoa_model_from_memory(ctx, copy, bytes->len, &m);
	int ok = st == SOHOA_ERR_FORMAT && !m && strstr(sohoa_errmsg(ctx), why);
	if (!ok)
		printf("    status %d: %s\n", (int)st, sohoa_errmsg(ctx));
	sohoa_clear_error(ctx);
	sohoa_model_free(m);
	free(copy);
	return ok;
}

static void word_past_strings(uint8_t *p, const sohoa_lm_header *h)
{
	uint32_t *word = (uint32_t *)(p + h->word_off);
	word[h->nvocab - 1] = (uint32_t)(h->word_off - h->str_off) + 40; /* past the blob, inside the file */
}

static void vhash_no_word(uint8_t *p, const sohoa_lm_header *h)
{
	uint16_t *vhash = (uint16_t *)(p + h->vhash_off);
	vhash[h->vhash_slots - 1] = (uint16_t)(h->nvocab + 1);
}

static void group_past_cands(uint8_t *p, const sohoa_lm_header *h)
{
	sohoa_lm_group *g = (sohoa_lm_group *)(p + h->group_off);
	g[0].n = h->nvocab - g[0].cand + 1;
}

static void bigrams_full(uint8_t *p, const sohoa_lm_header *h)
{
	sohoa_lm_bigram *b = (sohoa_lm_bigram *)(p + h->bigram_off);
	for (uint64_t i = 0; i < h->bigram_slots; i++)
		if (!b[i].key)
			b[i].key = 0xffffffffu;
}

int main(void)
{
	sohoa_options o;
	sohoa_options_init(&o);
	sohoa_ctx *ctx = sohoa_ctx_new(&o);
	sohoa_buf b1 = {0}, b3 = {0}, bg = {0};
	sohoa_model *m1 = build(ctx, 1, NULL, &b1);
	sohoa_model *m3 = build(ctx, 3, NULL, &b3);
	CHECK(m1 && m3, "tiny models build");
	if (!m1 || !m3)
		return CHECK_DONE();
	/* weighting: same probabilities (to the stored precision), mid-sentence and at the start */
	static const char *const tri[][3] = {{"cải", "cách", "hành"}, {"kế", "hoạch", "của"}, {"tỉnh", "lai", "châu"},
					     {"sở", "y", "tế"}, {"hoạch", "cải", "cách"}, {"các", "đơn", "vị"}};
	int same = 1;
	for (size_t i = 0; i < sizeof tri / sizeof tri[0]; i++) {
		int s1 = score(m1, tri[i][0], tri[i][1], tri[i][2]), s3 = score(m3, tri[i][0], tri[i][1], tri[i][2]);
		if (abs(s1 - s3) > 100) {
			printf("    %s %s %s: %d weight 1, %d weight 3\n", tri[i][0], tri[i][1], tri[i][2], s1, s3);
			same = 0;
		}
	}
	CHECK(same, "a text counted 3 times gives the probabilities of the text counted once");
	int s1 = sohoa_lm_score(m1, LM_BOS, LM_BOS, id(m1, "sở")), s3 = sohoa_lm_score(m3, LM_BOS, LM_BOS, id(m3, "sở"));
	CHECK(abs(s1 - s3) <= 100, "weighting keeps sentence-start probabilities");
	/* gazetteer: its phrase's n-grams count, so the phrase is more probable than without (here
	 * "kế hoạch" goes on with "cải" twice and "của" twice in the text); the phrase has no
	 * sentence ends ("chính" does not end more sentences than before) */
	sohoa_model *mg = build(ctx, 1, "Ban Kế hoạch cải cách hành chính", &bg);
	if (mg)
		printf("    kế hoạch cải %d -> %d, chính </s> %d -> %d\n", score(m1, "kế", "hoạch", "cải"),
		       score(mg, "kế", "hoạch", "cải"), sohoa_lm_score2(m1, id(m1, "chính"), LM_EOS),
		       sohoa_lm_score2(mg, id(mg, "chính"), LM_EOS));
	CHECK(mg && score(mg, "kế", "hoạch", "cải") > score(m1, "kế", "hoạch", "cải"), "gazetteer phrase raises its n-grams");
	CHECK(mg && sohoa_lm_score2(mg, id(mg, "chính"), LM_EOS) <= sohoa_lm_score2(m1, id(m1, "chính"), LM_EOS),
	      "gazetteer phrase adds no sentence end");
	CHECK(mg && mg->h->ngaz == 1, "gazetteer phrase kept in the model");
	/* case section: "Sở" is written Title inside sentences ("giao Sở Y tế", "thuộc Sở"), "tỉnh"
	 * lower; the first word of a sentence counts for neither */
	CHECK(m1->casep != NULL, "model has a case section");
	CHECK(sohoa_lm_case_cost(m1, id(m1, "sở"), 1) > sohoa_lm_case_cost(m1, id(m1, "sở"), 0),
	      "case: Sở likelier Title than lower inside a sentence");
	CHECK(sohoa_lm_case_cost(m1, id(m1, "tỉnh"), 0) > sohoa_lm_case_cost(m1, id(m1, "tỉnh"), 1),
	      "case: tỉnh likelier lower than Title");
	CHECK(sohoa_lm_case_cost(m1, id(m1, "người"), 1) == sohoa_lm_case_cost(m1, id(m1, "ủy"), 1) &&
		      sohoa_lm_case_cost(m1, id(m1, "người"), 1) != sohoa_lm_case_cost(m1, id(m1, "sở"), 1),
	      "case: words seen only at sentence starts keep the prior");
	CHECK(sohoa_lm_case_shape("Sở", strlen("Sở")) == 1 && sohoa_lm_case_shape("sở", strlen("sở")) == 0 &&
		      sohoa_lm_case_shape("SỞ", strlen("SỞ")) == -1 && sohoa_lm_case_shape("sỞ", strlen("sỞ")) == -1,
	      "case shapes: Title, lower, caps, mixed");
	/* corrupt entries: refused at load with one clear message */
	CHECK(refused(ctx, &b1, word_past_strings, "word's offset lies past the string table"),
	      "a word offset past the string table: SOHOA_ERR_FORMAT at load");
	CHECK(refused(ctx, &b1, vhash_no_word, "word hash names no word"), "a word hash value past nvocab refused");
	CHECK(refused(ctx, &b1, group_past_cands, "candidates lie outside"), "a group past the candidate list refused");
	CHECK(refused(ctx, &b1, bigrams_full, "bigram table has no empty slot"),
	      "a bigram table without an empty slot refused (its probes would not end)");
	sohoa_model_free(m1);
	sohoa_model_free(m3);
	sohoa_model_free(mg);
	sohoa_buf_free(&b1);
	sohoa_buf_free(&b3);
	sohoa_buf_free(&bg);
	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}
