/* The eng-OCR channel adapted to the batch (restore/adapt.c), on the shipped model: what the
 * counts of the exploring decode make of a token (a reading learned only with repeated
 * evidence, three times for a token with a digit or symbol, two for letters; junk words of the
 * vocabulary never), the character readings generalized from the learned ones, the file round
 * trip, and a fixed (loaded) channel learning nothing. One FAIL when data/sohoa-lm.bin is
 * missing. */
#include "check.h"
#include "shipped-model.h"
#include "../../restore/restore-int.h"

#include <stdlib.h>
#include <unistd.h>

/* A batch of readings: paragraph text[k] is one token, read as the word words[k]. */
typedef struct batch {
	restore_vocab v;
	const char *text[64];
	sohoa_restore_mode mode[64];
	size_t n;
} batch;

static void read_as(batch *b, const sohoa_model *m, const char *token, const char *word)
{
	size_t k = b->n++;
	b->text[k] = token;
	b->mode[k] = SOHOA_RESTORE_OCR;
	restore_reading *r = &b->v.rd[b->v.n++];
	*r = (restore_reading){.para = (uint32_t)k, .id = (uint16_t)sohoa_lm_id(m, word, strlen(word)), .pos = UINT32_MAX};
	r->w = (restore_wrote){0, 1, 0, (uint32_t)strlen(token), 0};
}

/* 1 if ch's readings of token include word. */
static int learned(const sohoa_channel *ch, const sohoa_model *m, const char *token, const char *word)
{
	sohoa_lm_chan_cand c[RESTORE_MAXC];
	size_t n = restore_adapt_find(ch, token, strlen(token), c, RESTORE_MAXC);
	int id = sohoa_lm_id(m, word, strlen(word));
	for (size_t k = 0; k < n; k++)
		if (c[k].id == id)
			return 1;
	return 0;
}

/* 1 if ch's character readings say obs stands for letter. */
static int char_learned(const sohoa_channel *ch, uint32_t obs, uint32_t letter)
{
	const restore_adapt_chr *c;
	size_t n = restore_adapt_chars(ch, &c);
	for (size_t k = 0; k < n; k++)
		if (c[k].obs == obs && c[k].letter == letter)
			return 1;
	return 0;
}

/* Count the batch into ch and forget it. */
static int count(sohoa_channel *ch, const sohoa_model *m, batch *b)
{
	int rc = restore_adapt_count(ch, m, &b->v, b->text, b->mode, 0);
	b->v.n = 0;
	b->n = 0;
	return rc;
}

int main(void)
{
	sohoa_model *m;
	sohoa_ctx *ctx = shipped_model(&m);
	batch b = {0};
	b.v.rd = calloc(64, sizeof *b.v.rd);
	sohoa_channel *ch = sohoa_channel_new();
	CHECK(ch && b.v.rd && restore_adapt_bind(ch, m) == 0 && restore_adapt_learning(ch), "a new channel learns");

	/* a digit for letters: learned at the third reading, not before */
	read_as(&b, m, "18", "lệ");
	read_as(&b, m, "18", "lệ");
	CHECK(count(ch, m, &b) == 0 && !learned(ch, m, "18", "lệ"), "adapt: 18 read twice as lệ is not learned");
	read_as(&b, m, "18", "lệ");
	CHECK(count(ch, m, &b) == 0 && learned(ch, m, "18", "lệ"), "adapt: 18 read three times as lệ is learned");
	/* letters: at the second */
	read_as(&b, m, "muon", "muộn");
	CHECK(count(ch, m, &b) == 0 && !learned(ch, m, "muon", "muộn"), "adapt: muon read once as muộn is not learned");
	read_as(&b, m, "muon", "muộn");
	CHECK(count(ch, m, &b) == 0 && learned(ch, m, "muon", "muộn"), "adapt: muon read twice as muộn is learned");
	/* the shipped readings of a token stay among the learned ones, after the batch's */
	sohoa_lm_chan_cand c[RESTORE_MAXC];
	size_t n = restore_adapt_find(ch, "muon", 4, c, RESTORE_MAXC);
	int muon_id = sohoa_lm_id(m, "muộn", strlen("muộn"));
	CHECK(n >= 2 && c[0].id == muon_id, "adapt: the batch's reading first, the shipped ones kept");

	/* a junk word of the vocabulary is never learned, however often read */
	for (int k = 0; k < 4; k++)
		read_as(&b, m, "iy", "Ìý");
	CHECK(sohoa_lm_id(m, "Ìý", strlen("Ìý")) >= LM_NFIXED && count(ch, m, &b) == 0 && !learned(ch, m, "iy", "Ìý"),
	      "adapt: a word that is no syllable is not learned");

	/* character readings: "1" for l, as two learned words agree ("18" lệ, "1y" lý) */
	CHECK(!char_learned(ch, '1', 'l'), "adapt: one word does not make a character reading");
	for (int k = 0; k < 3; k++)
		read_as(&b, m, "1y", "lý");
	CHECK(count(ch, m, &b) == 0 && char_learned(ch, '1', 'l'), "adapt: two words agreeing make a character reading (1 l)");
	CHECK(!char_learned(ch, '8', 0x1EC7), "adapt: a character one word shows is not generalized (8 ệ)");

	/* round trip through a file; a loaded channel is fixed */
	char path[] = "/tmp/sohoa-test-adapt-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0 && sohoa_channel_save(ctx, ch, path) == SOHOA_OK, "adapt: saved");
	sohoa_channel *back = NULL;
	CHECK(sohoa_channel_load(ctx, path, &back) == SOHOA_OK && back && restore_adapt_bind(back, m) == 0,
	      "adapt: loaded");
	CHECK(back && !restore_adapt_learning(back) && learned(back, m, "18", "lệ") && learned(back, m, "muon", "muộn") &&
		      !learned(back, m, "18", "là"),
	      "adapt: the loaded channel reads as the saved one, fixed");
	if (fd >= 0) {
		close(fd);
		remove(path);
	}
	sohoa_channel_free(back);
	sohoa_channel_free(ch);
	free(b.v.rd);
	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}
