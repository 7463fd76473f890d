/* sohoa: the command table and dispatch. */
#include "cli.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#define COMMON_OCR_HELP \
	"  --lang LANGS       Tesseract languages (default vie)\n" \
	"  --tessdata DIR     folder with *.traineddata\n" \
	"  --dpi N            OCR render resolution (default 300)\n" \
	"  --ocr MODE         auto|always|never (default auto: OCR pages whose text layer is unusable)\n" \
	"  --jobs N           worker threads (default: number of cores)\n" \
	"  --pages LIST       pages to read, e.g. 1-3,7\n" \
	"  --password PW      password for encrypted PDFs\n" \
	"  --timeout SEC      deadline per page, for all stages (default 180)\n" \
	"  --max-pixels N     largest page raster accepted (default 300000000)\n" \
	"  --max-pages N      most pages read per document (default 10000)\n"
#define COMMON_NORM_HELP \
	"  --tone STYLE       keep|old|new tone-mark placement (default keep)\n" \
	"  --restore MODE     auto|strip|ocr|vie|off diacritic restoration (default auto)\n" \
	"  --model FILE       language model (default: the shipped sohoa-lm.bin; see sohoa --version)\n" \
	"  --adapt            learn the eng-OCR channel from the batch (--restore ocr; see docs/normalize.md)\n" \
	"  --channel FILE     the learned channel: read from FILE, or with --adapt written there\n"
#define COMMON_TAIL \
	"  -q, --quiet        print only errors\n" \
	"  -v, --verbose      say what was decided per page (repeat for more)\n" \
	"  -h, --help         this help\n" \
	"\nExit status: 0 all inputs processed, 1 some input failed, 2 usage error, 130 Ctrl-C.\n"

const cli_command cli_commands[] = {
	{"ingest", cmd_ingest, CLI_OCR | CLI_OUT | CLI_FORMAT, 1, 1, 0,
	 "ingest wants exactly one FILE (try 'sohoa ingest --help')",
	 "read a PDF, image or text file into text or TSV with positions",
	 "usage: sohoa ingest FILE|- [-o OUT] [--format text|tsv|hocr|alto] [options]\n\n"
	 "Reads FILE (PDF, PNG/JPEG/TIFF/PNM image, or text) and writes its text: pages separated by a\n"
	 "form feed (text), or one row per line (tsv): page line x0 y0 x1 y1 source confidence\n"
	 "decision text. Coordinates are points from the page's top-left. hocr and alto: the pages'\n"
	 "blocks, lines and words with boxes in pixels (images at their size, PDF pages at --dpi).\n\n"
	 "  -o FILE            write here instead of standard output\n"
	 "  --format FMT       text (default), tsv, hocr (hOCR 1.2) or alto (ALTO 4.4)\n" COMMON_OCR_HELP COMMON_TAIL},
	{"normalize", cmd_normalize, CLI_OCR | CLI_NORM | CLI_OUT | CLI_FORMAT, 0, 1, 0,
	 "normalize takes one FILE or - (try 'sohoa normalize --help')",
	 "clean and restore Vietnamese text",
	 "usage: sohoa normalize [FILE|-] [-o OUT] [--tsv] [options]\n\n"
	 "Reads text (or ingest's TSV with --tsv, keeping page/line provenance; any other input file\n"
	 "is ingested first) and writes normalized Unicode Vietnamese.\n\n"
	 "  -o FILE            write here instead of standard output\n"
	 "  --tsv              input is `sohoa ingest --format tsv` output\n"
	 "  --format FMT       text (default) or tsv (text with its source page and line)\n"
	 COMMON_NORM_HELP COMMON_OCR_HELP COMMON_TAIL},
	{"extract", cmd_extract, CLI_OCR | CLI_NORM | CLI_OUT | CLI_ONLY | CLI_EXCEL, 1, 1, 0,
	 "extract wants exactly one FILE (try 'sohoa extract --help')",
	 "extract scores, criteria, responsibilities, metadata, references to CSV",
	 "usage: sohoa extract FILE|- [-o OUTDIR|-] [--only KIND] [options]\n\n"
	 "Ingests and normalizes FILE, then writes KIND.csv files into OUTDIR (default: current\n"
	 "folder), or one CSV to standard output with --only KIND and no -o or -o -.\n"
	 "Kinds: scores, criteria, schemes, responsibilities, documents, references.\n\n"
	 "  -o DIR             output folder\n"
	 "  --only KIND        run one extractor\n"
	 "  --excel            start each CSV with a UTF-8 byte order mark (for Excel)\n"
	 "  --tsv              input is `sohoa ingest --format tsv` output\n" COMMON_NORM_HELP COMMON_OCR_HELP COMMON_TAIL},
	{"run", cmd_run, CLI_OCR | CLI_NORM | CLI_OUT | CLI_BATCH | CLI_EXCEL, 1, INT_MAX, 1,
	 "run wants INPUT... and -o OUTDIR (try 'sohoa run --help')",
	 "the whole pipeline over files and folders into OUTDIR",
	 "usage: sohoa run INPUT... -o OUTDIR [options]\n\n"
	 "Ingests, normalizes and extracts every input (files, or folders with --recursive), writing\n"
	 "OUTDIR/<key>.txt and the CSV files; a document's key (the doc column of its rows) is its\n"
	 "path below the folder given, extension kept. A manifest in OUTDIR lets a second run resume;\n"
	 "it redoes the documents done with other output options (--adapt and --channel too).\n"
	 "--adapt keeps the learned channel in OUTDIR/channel.tsv and a resume reads it. Shards started\n"
	 "at once learn one channel each and merge keeps the first's: for one channel, run a shard with\n"
	 "--adapt first and the others with --channel OUTDIR1/channel.tsv.\n\n"
	 "  -o DIR             output folder (required): new, empty or an earlier output\n"
	 "  --recursive        walk folders (earlier output folders are skipped)\n"
	 "  --include GLOB     only files whose name matches (repeatable)\n"
	 "  --exclude GLOB     skip files whose name matches (repeatable)\n"
	 "  --force            redo documents the manifest says are done\n"
	 "  --shard K/N        process only the K-th of N slices of the inputs\n"
	 "  --pdf              also OUTDIR/<key>.pdf: each PDF or image made searchable (as sohoa pdf)\n"
	 "  --review           also OUTDIR/review/index.html: every row beside a crop of its source line\n"
	 "  --excel            start each CSV with a UTF-8 byte order mark (for Excel)\n"
	 COMMON_NORM_HELP COMMON_OCR_HELP COMMON_TAIL},
	{"pdf", cmd_pdf, CLI_OCR | CLI_NORM, 2, 2, 0,
	 "pdf wants IN and OUT.pdf (try 'sohoa pdf --help')",
	 "a searchable PDF (PDF/A-2b where it can) of a PDF or an image",
	 "usage: sohoa pdf IN|- OUT.pdf|- [options]\n\n"
	 "Writes OUT.pdf: the pages of IN (a PDF, or a PNG/JPEG/TIFF image) as they are, with an\n"
	 "invisible text layer of the restored Vietnamese on the pages that needed OCR, placed on the\n"
	 "words it was read from; an old invisible layer (an English OCR's) is replaced. PDF/A-2b when\n"
	 "IN allows it; -v says what was done per page and, if not PDF/A, why.\n\n"
	 COMMON_NORM_HELP COMMON_OCR_HELP COMMON_TAIL},
	{"merge", cmd_merge, CLI_OUT | CLI_EXCEL, 1, INT_MAX, 1,
	 "merge wants OUTDIR... and -o MERGED (try 'sohoa merge --help')",
	 "merge the outputs of several sharded runs",
	 "usage: sohoa merge OUTDIR... -o MERGED\n\n"
	 "Concatenates the CSV files of shard output folders into one set, in document order.\n\n"
	 "  -o DIR             output folder (required)\n"
	 "  --excel            start each CSV with a UTF-8 byte order mark (for Excel)\n" COMMON_TAIL},
	{NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fprintf(f, "usage: sohoa COMMAND [options] [args]\n\n"
		   "sohoa turns Vietnamese government documents (PDFs, scans, images, text) into clean\n"
		   "Unicode Vietnamese text and CSV tables of what they say.\n\ncommands:\n");
	for (const cli_command *c = cli_commands; c->name; c++)
		fprintf(f, "  %-10s %s\n", c->name, c->summary);
	fprintf(f, "\n'sohoa COMMAND --help' or 'sohoa help COMMAND' for a command's options; 'sohoa --version'.\n"
		   "Exit status: 0 all inputs processed, 1 some input failed, 2 usage error, 130 Ctrl-C.\n");
}

static const cli_command *find_command(const char *name)
{
	for (const cli_command *c = cli_commands; c->name; c++)
		if (!strcmp(name, c->name))
			return c;
	fprintf(stderr, "sohoa: unknown command '%s'\n", name);
	usage(stderr);
	return NULL;
}

/* sohoa --version: this program, its model and the libraries it runs on. */
static int version(void)
{
	printf("sohoa %s\n", sohoa_version());
	sohoa_ctx *ctx = sohoa_ctx_new(NULL);
	sohoa_model_info m;
	if (!ctx)
		printf("model: out of memory\n");
	else if (sohoa_model_info_get(ctx, &m) == SOHOA_OK)
		printf("model: %s (format %u, %llu bytes, training set %s)\n", m.path, m.format,
		       (unsigned long long)m.size, m.digest);
	else
		printf("model: %s\n", sohoa_errmsg(ctx));
	static const char *const deps[] = {"tesseract", "leptonica", "mupdf", "icu"};
	for (size_t i = 0; i < sizeof deps / sizeof deps[0]; i++)
		printf("%s %s\n", deps[i], sohoa_dependency_version(deps[i]));
	sohoa_ctx_free(ctx);
	return EXIT_OK;
}

/* Parse the command's options, check its inputs, make the context and run it. */
static int dispatch(const cli_command *cmd, int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(cmd, argc, argv, &a);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (a.ninputs < cmd->min_inputs || a.ninputs > cmd->max_inputs ||
	    (cmd->needs_output && (!a.output || !*a.output))) {
		cli_error("%s", cmd->args_error);
		return EXIT_USAGE;
	}
	/* run and merge read folders and write one: standard input or output cannot be either */
	for (int i = 0; cmd->needs_output && i <= a.ninputs; i++)
		if (!strcmp(i < a.ninputs ? a.inputs[i] : a.output, "-")) {
			cli_error("%s reads files and folders and writes a folder: '-' (standard %s) is not supported",
				  cmd->name, i < a.ninputs ? "input" : "output");
			return EXIT_USAGE;
		}
	sohoa_ctx *ctx = cli_ctx_new(&a);
	if (!ctx)
		return EXIT_INPUT;
	cli_install_signals();
	int run = cmd->run == cmd_run;
	if (cli_channel_open(&a, run, ctx)) {
		sohoa_ctx_free(ctx);
		return EXIT_INPUT;
	}
	rc = cmd->run(&a, ctx);
	if (cli_channel_close(&a, run, ctx) && rc == EXIT_OK)
		rc = EXIT_INPUT;
	sohoa_ctx_free(ctx);
	return cli_interrupted ? 128 + cli_interrupted : rc; /* 130 after Ctrl-C, as shells expect */
}

static int run(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || (!strcmp(argv[1], "help") && argc == 2)) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "help")) { /* sohoa help COMMAND: its --help */
		const cli_command *c = find_command(argv[2]);
		if (!c)
			return EXIT_USAGE;
		fputs(c->usage, stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version"))
		return version();
	const cli_command *c = find_command(argv[1]);
	return c ? dispatch(c, argc - 1, argv + 1) : EXIT_USAGE;
}

int main(int argc, char **argv)
{
	if (sohoa_global_init(SOHOA_GLOBAL_DEFAULT) != SOHOA_OK) {
		fprintf(stderr, "sohoa: cannot initialize the library\n");
		return EXIT_INPUT;
	}
	int status = run(argc, argv);
	sohoa_global_cleanup();
	return status;
}
