/* restore: read Vietnamese text whose diacritics were stripped, or that an OCR engine garbled, on
 * standard input, and write it restored on standard output. The same as
 * `sohoa normalize --restore MODE -`, through the library's public API.
 *
 *	cc restore.c $(pkg-config --cflags --libs sohoa) -o restore
 *	./restore strip < stripped.txt
 *
 * MODE: auto (the default: decided per paragraph), strip (marks stripped), ocr (read by an
 * English OCR), vie (Vietnamese OCR output to correct). */
#include <sohoa/sohoa.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int write_text(void *user, const char *text, size_t len)
{
	(void)user;
	return fwrite(text, 1, len, stdout) != len;
}

static void log_stderr(void *user, sohoa_log_level level, const char *message)
{
	(void)user;
	(void)level;
	fprintf(stderr, "restore: %s\n", message);
}

/* All of f in a malloc'd buffer; NULL when out of memory or on a read error. */
static char *read_all(FILE *f, size_t *len)
{
	char chunk[65536], *data = NULL;
	size_t got;
	*len = 0;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		char *more = realloc(data, *len + got);
		if (!more)
			break;
		memcpy(more + *len, chunk, got);
		data = more;
		*len += got;
	}
	if (ferror(f) || got > 0) { /* a read error, or out of memory */
		free(data);
		return NULL;
	}
	return data ? data : calloc(1, 1);
}

int main(int argc, char **argv)
{
	static const char *const modes[] = {"auto", "off", "strip", "ocr", "vie"}; /* sohoa_restore_mode order */
	sohoa_options opt;
	sohoa_options_init(&opt);
	int mode = argc == 2 ? -1 : (int)SOHOA_RESTORE_AUTO;
	for (int i = 0; argc == 2 && i < 5; i++)
		if (!strcmp(argv[1], modes[i]))
			mode = i;
	if (argc > 2 || mode < 0) {
		fprintf(stderr, "usage: restore [auto|strip|ocr|vie] < in.txt > out.txt\n");
		return 2;
	}
	opt.restore = (sohoa_restore_mode)mode;
	if (sohoa_global_init(SOHOA_GLOBAL_DEFAULT) != SOHOA_OK)
		return 1;
	sohoa_ctx *ctx = sohoa_ctx_new(&opt);
	size_t len = 0;
	char *data = read_all(stdin, &len);
	int status = 1;
	if (!ctx || !data) {
		fprintf(stderr, "restore: out of memory or cannot read standard input\n");
	} else {
		sohoa_ctx_set_log(ctx, log_stderr, NULL);
		sohoa_handler h = {.text = write_text};
		if (sohoa_process_buffer(ctx, "stdin", data, len, SOHOA_INPUT_TEXT, &h, NULL) == SOHOA_OK)
			status = fflush(stdout) != 0;
		else
			fprintf(stderr, "restore: %s\n", sohoa_errmsg(ctx));
	}
	free(data);
	sohoa_ctx_free(ctx);
	sohoa_global_cleanup();
	return status;
}
