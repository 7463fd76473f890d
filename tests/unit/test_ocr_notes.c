/* Words of stamps and notes set apart before the layout (ingest/ocr-prep.c,
 * ocr_prep_split_notes): a routing note beside a letterhead's subject, read by Tesseract into the
 * subject's lines, must not be laid out with them; a framed box holding more lines than a stamp
 * does is the document's own text and stays. */
#include "../../ingest/ocr-int.h"
#include "check.h"

#include <string.h>

static ocr_word word(const char *text, int l, int t, int r, int b, int line)
{
	return (ocr_word){(char *)text, l, t, r, b, 90.0f, line, b - t, -1};
}

static int order_is(const ocr_word *w, size_t n, const char *const *want)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(w[i].text, want[i]))
			return 0;
	return 1;
}

int main(void)
{
	/* the page as prepared: not turned, not deskewed, 72 dpi so pixels are points */
	ocr_geom g = {0, 1, 0.0f, 1000, 1000};
	ocr_word w[5];
	ocr_notes notes = {.n = 1, .nframes = 1};
	notes.box[0][0] = 290, notes.box[0][1] = 95, notes.box[0][2] = 600, notes.box[0][3] = 200;
	notes.max_lines[0] = 6;

	w[0] = word("V/v", 100, 100, 200, 112, 0);
	w[1] = word("1.", 300, 100, 320, 112, 0); /* the note, on the subject's line */
	w[2] = word("CB-GV-NV;", 300, 115, 380, 127, 1);
	w[3] = word("trong", 100, 118, 200, 130, 2);
	w[4] = word("quốc", 120, 134, 200, 146, 3);
	size_t text = ocr_prep_split_notes(&g, 72, &notes, w, 5);
	static const char *const split[] = {"V/v", "trong", "quốc", "1.", "CB-GV-NV;"};
	CHECK(text == 3 && order_is(w, 5, split), "the note's words go after the text's, each in order");

	/* the same box allowed one line only: a boxed paragraph, its words stay where they are */
	w[0] = word("V/v", 100, 100, 200, 112, 0);
	w[1] = word("1.", 300, 100, 320, 112, 0);
	w[2] = word("CB-GV-NV;", 300, 115, 380, 127, 1);
	w[3] = word("trong", 100, 118, 200, 130, 2);
	w[4] = word("quốc", 120, 134, 200, 146, 3);
	notes.max_lines[0] = 1;
	text = ocr_prep_split_notes(&g, 72, &notes, w, 5);
	static const char *const kept[] = {"V/v", "1.", "CB-GV-NV;", "trong", "quốc"};
	CHECK(text == 5 && order_is(w, 5, kept), "a box with more lines than a stamp holds is text");

	/* a note from the PDF (no line limit) */
	notes.max_lines[0] = 0;
	text = ocr_prep_split_notes(&g, 72, &notes, w, 5);
	CHECK(text == 3 && order_is(w, 5, split), "a note of any length is set apart");

	/* no notes: nothing moves */
	notes.n = 0;
	text = ocr_prep_split_notes(&g, 72, &notes, w, 5);
	CHECK(text == 5 && order_is(w, 5, split), "no notes, no change");
	return CHECK_DONE();
}
