/* ocrfix_chunk's contract (restore/restore-int.h) on the shipped model: edits inside their chunk, in
 * byte order, not overlapping, on character boundaries (of valid text), WORD edits naming a model
 * id; on chunks the rules fix, the edit each rule makes; and the vie job (sohoa_restore) giving
 * valid UTF-8 for arbitrary bytes. One FAIL when the model (data/sohoa-lm.bin) is missing. */
#include "../../restore/restore-int.h"
#include "check.h"
#include "shipped-model.h"

#include <stdlib.h>

/* Run ocrfix_chunk on every white-space chunk of s; 0 if some edit breaks the contract. Counts
 * the edits into *edits. */
static int contract(const sohoa_model *m, const char *s, size_t n, size_t *edits, sohoa_buf *tmp)
{
	int valid = sohoa_utf8_valid(s, n); /* character boundaries are checked in valid text only */
	size_t i = 0;
	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\n'))
			i++;
		size_t cs = i;
		while (i < n && !(s[i] == ' ' || s[i] == '\n'))
			i++;
		if (cs == i)
			break;
		ocrfix_edit ed[OCRFIX_MAX];
		size_t ne = ocrfix_chunk(m, s, n, cs, i, ed, tmp);
		if (ne > OCRFIX_MAX)
			return 0;
		for (size_t k = 0; k < ne; k++) {
			if (ed[k].s < cs || ed[k].e > i || ed[k].s > ed[k].e || (k > 0 && ed[k].s < ed[k - 1].e))
				return 0;
			if (valid && ed[k].s < n && ((unsigned char)s[ed[k].s] & 0xC0) == 0x80)
				return 0;
			if (valid && ed[k].e < n && ((unsigned char)s[ed[k].e] & 0xC0) == 0x80)
				return 0;
			if (ed[k].how == OCRFIX_WORD && (ed[k].id < LM_NFIXED || ed[k].id >= (int)m->h->nvocab))
				return 0;
		}
		*edits += ne;
	}
	return 1;
}

/* The one edit ocrfix makes on the single-chunk paragraph s: "how s..e" as text, or "none". */
static const char *one_edit(const sohoa_model *m, const char *s, char *out, size_t outn, sohoa_buf *tmp)
{
	ocrfix_edit ed[OCRFIX_MAX];
	size_t n = strlen(s);
	size_t ne = ocrfix_chunk(m, s, n, 0, n, ed, tmp);
	if (ne != 1)
		snprintf(out, outn, ne ? "%zu edits" : "none", ne);
	else
		snprintf(out, outn, "%s %u..%u", ed[0].how == OCRFIX_DROP ? "drop" : ed[0].how == OCRFIX_SPACE ? "space" :
				 ed[0].how == OCRFIX_ONE ? "one" : ed[0].how == OCRFIX_ACRONYM ? "acronym" : "word",
			 (unsigned)ed[0].s, (unsigned)ed[0].e);
	return out;
}

int main(void)
{
	sohoa_model *m;
	sohoa_ctx *ctx = shipped_model(&m);
	sohoa_buf tmp = {0};
	char got[64];

	CHECK_STR(one_edit(m, "12/QĐĐ-UBND", got, sizeof got, &tmp), "word 3..8", "document type: the doubled Đ");
	CHECK_STR(one_edit(m, ">x”>*⁄", got, sizeof got, &tmp), "drop 0..10", "stamp debris: the whole chunk");
	CHECK_STR(one_edit(m, "¡Năm", got, sizeof got, &tmp), "drop 0..2", "a symbol no Vietnamese uses");
	CHECK_STR(one_edit(m, "2024.của", got, sizeof got, &tmp), "space 4..5", "a speck period: a space");
	CHECK_STR(one_edit(m, "UBTVQHI3", got, sizeof got, &tmp), "none", "no code without a slash or hyphen");
	CHECK_STR(one_edit(m, "06/2013/UBTVQHI3", got, sizeof got, &tmp), "one 14..15", "I read for 1 in a code");
	CHECK_STR(one_edit(m, "122-KH/TU", got, sizeof got, &tmp), "none", "issuer codes kept");
	CHECK_STR(one_edit(m, "ngày", got, sizeof got, &tmp), "none", "a plain word: nothing");
	CHECK_STR(one_edit(m, "TEHC", got, sizeof got, &tmp), "acronym 0..4", "an administration acronym misread");
	CHECK_STR(one_edit(m, "GD&ĐĐT", got, sizeof got, &tmp), "acronym 0..8", "an acronym with & and Đ doubled");
	CHECK_STR(one_edit(m, "TTHC", got, sizeof got, &tmp), "none", "an acronym printed right");
	CHECK_STR(one_edit(m, "BBC", got, sizeof got, &tmp), "none", "another domain's acronym the model knows");
	CHECK_STR(one_edit(m, "g1ao", got, sizeof got, &tmp), "word 0..4", "a digit read for a letter in a word");
	CHECK_STR(one_edit(m, "B1", got, sizeof got, &tmp), "none", "a letter and a digit: a code");

	/* the contract on text and on junk */
	static const char *const texts[] = {
		"Căn cứ Quyết định số 12/QĐĐ-UBND ngày 5/3/2024.của UBND tỉnh ¡Năm 2024 >x”>*⁄ VBQPPL,. mới",
		"HI. Tổ chức thực hiện; Số: /T&TB-UBND; Luật số23/2023/QH15; theo .người dân 'Các đơn vị",
		"a\xC3 \xE1\xBB \xFF\xFE.. ,. ::'' -.- /\xC3\xA2-\xE2\x80\x9C)( ¦~>* CóGcS£s®- 1..2 ...a) .a) x",
	};
	size_t edits = 0;
	int ok = 1;
	for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
		ok &= contract(m, texts[k], strlen(texts[k]), &edits, &tmp);
	srand(7);
	for (int r = 0; r < 300; r++) {
		char junk[96];
		size_t jn = (size_t)(rand() % 95);
		static const char alphabet[] = "aAđĐ.,:;'-/()&*<>¡⁄ 0123456789QĐHIT\xC3\xE1";
		for (size_t i = 0; i < jn; i++)
			junk[i] = alphabet[rand() % (int)(sizeof alphabet - 1)];
		ok &= contract(m, junk, jn, &edits, &tmp);
		sohoa_buf out = {0};
		sohoa_restore_mode mode = SOHOA_RESTORE_VIE;
		const char *t = junk;
		ok &= sohoa_restore_many(ctx, &mode, &t, &jn, 1, &out) == SOHOA_OK &&
		      sohoa_utf8_valid(out.data ? out.data : "", out.len);
		sohoa_buf_free(&out);
	}
	CHECK(ok, "edits inside their chunk, ordered, disjoint, on character boundaries; vie output valid UTF-8");
	CHECK(edits >= 10, "the rules fire on the made-up OCR text");

	sohoa_buf_free(&tmp);
	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}
