/* restore: Vietnamese diacritic restoration and OCR-error correction with the syllable n-gram
 * model (data/sohoa-lm.bin), the stage's one public header; the rest of restore/ is private
 * (restore-int.h, lm.h). Three jobs, named by their modes: strip (text typed without marks),
 * ocr (eng-OCR: text a non-Vietnamese OCR read) and vie (the Vietnamese OCR's output). Called by
 * the normalize driver per paragraph. */
#ifndef SOHOA_RESTORE_H
#define SOHOA_RESTORE_H

#include "../core/sohoa.h"

/* Load the language model from path (NULL: the shipped one, found by sohoa_data_find). The result is memory-mapped; free with sohoa_model_free. */
sohoa_status sohoa_model_load(sohoa_ctx *ctx, const char *path, sohoa_model **model);
void sohoa_model_free(sohoa_model *model);

/* Decide which job a paragraph needs (never returns AUTO): OFF for good Vietnamese, STRIP for
 * text without marks, OCR for eng-OCR mangled text, VIE for Vietnamese OCR output. */
sohoa_restore_mode sohoa_restore_detect(const char *text, size_t n);
/* The words of text[0..n) and how many carry a Vietnamese mark, as sohoa_restore_detect counts
 * them (addresses left out). */
void sohoa_restore_count_marks(const char *text, size_t n, size_t *words, size_t *marked);

/* Restore one paragraph s[0..n) with the given job (AUTO detects), appending the result to out.
 * Loads ctx's model on first use. Output is valid UTF-8 whatever the input. The words restoration
 * writes take the tone style (hoà or hòa) that most of the paragraph's marked words have, the old
 * one when none tells. */
sohoa_status sohoa_restore(sohoa_ctx *ctx, sohoa_restore_mode mode, const char *s, size_t n, sohoa_buf *out);
/* sohoa_restore of count paragraphs (texts[k], lens[k]) with modes[k], each appended to outs[k];
 * faster: one thread decodes several paragraphs in turn, so that the memory one waits for arrives
 * while the others run. The paragraphs are one document's evidence for each other: the tone style
 * is the one most marked words of all of them have, and a word they read one way clearly may turn
 * another paragraph's ambiguous reading of the same letters (see docs/model.md); pass a
 * document's paragraphs together, its marked ones too. The order given does not matter. */
sohoa_status sohoa_restore_many(sohoa_ctx *ctx, const sohoa_restore_mode *modes, const char *const *texts,
				const size_t *lens, size_t count, sohoa_buf *outs);

/* The eng-OCR channel adapted to a batch (restore/adapt.c). The confusions of one OCR engine repeat
 * through the documents it read: a channel set on a context (ctx->channel, shared by its workers)
 * and learning re-estimates them from the batch. Each sohoa_restore_many call decodes its eng-OCR
 * paragraphs once exploring (with the channel learned so far, letters proposed for digits
 * and symbols), counts which word each token was read as, rebuilds the learned readings from all
 * counts of the batch so far (repeated evidence only, interpolated with the shipped channel), and
 * decodes again with them. A loaded channel is fixed: its readings are used, nothing is learned.
 * The caller owns it; free it after the contexts that use it. */
sohoa_channel *sohoa_channel_new(void);
void sohoa_channel_free(sohoa_channel *ch);
/* A fixed channel from a file sohoa_channel_save wrote. */
sohoa_status sohoa_channel_load(sohoa_ctx *ctx, const char *path, sohoa_channel **ch);
/* Write ch's counts to path (TSV: observed token, word, count; "*" rows: the word's total). */
sohoa_status sohoa_channel_save(sohoa_ctx *ctx, const sohoa_channel *ch, const char *path);

#endif
