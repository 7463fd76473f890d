/* sohoa: the command table and dispatch. */
#include "cli.h"

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
	"  --timeout SEC      per-page OCR deadline (default 180)\n" \
	"  --max-pixels N     largest page raster accepted (default 300000000)\n" \
	"  --max-pages N      most pages read per document (default 10000)\n"
#define COMMON_NORM_HELP \
	"  --tone STYLE       keep|old|new tone-mark placement (default keep)\n" \
	"  --restore MODE     auto|strip|ocr|vie|off diacritic restoration (default auto)\n" \
	"  --model FILE       language model (default: the shipped data/sohoa-lm.bin)\n"
#define COMMON_TAIL \
	"  -q, --quiet        print only errors\n" \
	"  -v, --verbose      say what was decided per page (repeat for more)\n" \
	"  -h, --help         this help\n" \
	"\nExit status: 0 all inputs processed, 1 some input failed, 2 usage error.\n"

const cli_command cli_commands[] = {
	{"ingest", cmd_ingest, "read a PDF, image or text file into text or TSV with positions",
	 "usage: sohoa ingest FILE [-o OUT] [--format text|tsv] [options]\n\n"
	 "Reads FILE (PDF, PNG/JPEG/TIFF/PNM image, or text) and writes its text: pages separated by a\n"
	 "form feed (text), or one row per line (tsv): page line x0 y0 x1 y1 source confidence\n"
	 "decision text. Coordinates are points from the page's top-left.\n\n"
	 "  -o FILE            write here instead of standard output\n"
	 "  --format FMT       text (default) or tsv\n" COMMON_OCR_HELP COMMON_TAIL},
	{"normalize", cmd_normalize, "clean and restore Vietnamese text",
	 "usage: sohoa normalize [FILE|-] [-o OUT] [--tsv] [options]\n\n"
	 "Reads text (or ingest's TSV with --tsv, keeping page/line provenance; any other input file\n"
	 "is ingested first) and writes normalized Unicode Vietnamese.\n\n"
	 "  -o FILE            write here instead of standard output\n"
	 "  --tsv              input is `sohoa ingest --format tsv` output\n"
	 "  --format FMT       text (default) or tsv (text with its source page and line)\n"
	 COMMON_NORM_HELP COMMON_OCR_HELP COMMON_TAIL},
	{"extract", cmd_extract, "extract scores, criteria, responsibilities, metadata, references to CSV",
	 "usage: sohoa extract FILE [-o OUTDIR] [--only KIND] [options]\n\n"
	 "Ingests and normalizes FILE, then writes KIND.csv files into OUTDIR (default: current\n"
	 "folder), or one CSV to standard output with --only KIND and no -o.\n"
	 "Kinds: scores, criteria, responsibilities, documents, references.\n\n"
	 "  -o DIR             output folder\n"
	 "  --only KIND        run one extractor\n" COMMON_NORM_HELP COMMON_OCR_HELP COMMON_TAIL},
	{"run", cmd_run, "the whole pipeline over files and folders into OUTDIR",
	 "usage: sohoa run INPUT... -o OUTDIR [options]\n\n"
	 "Ingests, normalizes and extracts every input (files, or folders with --recursive), writing\n"
	 "OUTDIR/<doc>.txt and the CSV files. A manifest in OUTDIR lets a second run resume.\n\n"
	 "  -o DIR             output folder (required)\n"
	 "  --recursive        walk folders\n"
	 "  --include GLOB     only files whose name matches (repeatable)\n"
	 "  --exclude GLOB     skip files whose name matches (repeatable)\n"
	 "  --force            redo documents the manifest says are done\n"
	 "  --shard K/N        process only the K-th of N slices of the inputs\n"
	 COMMON_NORM_HELP COMMON_OCR_HELP COMMON_TAIL},
	{"merge", cmd_merge, "merge the outputs of several sharded runs",
	 "usage: sohoa merge OUTDIR... -o MERGED\n\n"
	 "Concatenates the CSV files of shard output folders into one set, in document order.\n\n"
	 "  -o DIR             output folder (required)\n" COMMON_TAIL},
	{NULL, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fprintf(f, "usage: sohoa COMMAND [options] [args]\n\n"
		   "sohoa turns Vietnamese government documents (PDFs, scans, images, text) into clean\n"
		   "Unicode Vietnamese text and CSV tables of what they say.\n\ncommands:\n");
	for (const cli_command *c = cli_commands; c->name; c++)
		fprintf(f, "  %-10s %s\n", c->name, c->summary);
	fprintf(f, "\n'sohoa COMMAND --help' for a command's options; 'sohoa --version'.\n"
		   "Exit status: 0 all inputs processed, 1 some input failed, 2 usage error.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		printf("sohoa %s\n", SOHOA_VERSION);
		return EXIT_OK;
	}
	for (const cli_command *c = cli_commands; c->name; c++)
		if (!strcmp(argv[1], c->name))
			return c->run(argc - 1, argv + 1);
	fprintf(stderr, "sohoa: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
