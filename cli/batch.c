/* sohoa run: documents in parallel (pages in parallel inside them) under one --jobs budget,
 * resumable through the manifest, every output written atomically, CSVs in path order. */
#include "batch.h"
#include "batch_archive.h"
#include "../core/sha256.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* One document of this run. */
typedef struct batch_doc {
	const batch_input *in;
	int64_t size;          /* from the planning stat; 0 if it failed */
	int skip;              /* done before with the same options and contents */
	sohoa_manifest_entry result;
	char *message;         /* owned copy behind result.message */
} batch_doc;

typedef struct batch {
	const cli_args *a;
	const char *outdir;
	sohoa_ctx *ctx;
	sohoa_manifest *old;   /* the previous run's manifest */
	char options[17];
	batch_doc *docs;       /* the selected inputs, path order */
	size_t ndocs;
	size_t *order;         /* processing order: largest first */
	int64_t bytes_left;    /* bytes of documents not yet started */
	size_t started;
	/* The jobs budget: each running document holds some of it. */
	pthread_mutex_t lock;
	pthread_cond_t freed;
	int jobs_free;
	int journal;           /* manifest.tsv opened for appending */
	atomic_int stop;       /* a write failed (disk full?): start nothing new */
	progress *prog;
	size_t nok, npartial, nfailed, nskipped, ninterrupted;
	long pages, ocr_pages;
} batch;

/* The options that change outputs, hashed: a run with other options redoes documents. The
 * channel of --adapt is named by where it is kept (OUTDIR/channel.tsv or --channel FILE: learned
 * by the first run, read by its resumes); a channel only read (--channel FILE) by its contents. */
static void options_digest(const cli_args *a, char out[17])
{
	const sohoa_options *o = &a->opt;
	sohoa_buf b = {0};
	char sha[65] = "";
	sohoa_buf_printf(&b, "sohoa %s\nlang=%s\ntessdata=%s\ndpi=%d\nocr=%d\npages=%s\npassword=%d\n"
			     "tone=%d\nrestore=%d\ntimeout=%d\nmax_pixels=%lld\nmax_pages=%d\nmodel=%s\n",
			 SOHOA_VERSION, o->lang ? o->lang : "", o->tessdata ? o->tessdata : "", o->dpi, (int)o->ocr,
			 o->pages ? o->pages : "", o->password != NULL, (int)o->tone, (int)o->restore,
			 o->page_timeout_s, (long long)o->max_pixels, o->max_pages, o->model_path ? o->model_path : "");
	struct stat st;
	if (o->model_path && stat(o->model_path, &st) == 0)
		sohoa_buf_printf(&b, "model_size=%lld\nmodel_mtime=%lld\n", (long long)st.st_size, (long long)st.st_mtime);
	if (a->channel && !a->adapt && sohoa_sha256_file(NULL, a->channel, sha) != SOHOA_OK)
		snprintf(sha, sizeof sha, "unreadable");
	sohoa_buf_printf(&b, "adapt=%d\nchannel=%s\nchannel_sha256=%s\n", a->adapt,
			 a->channel ? a->channel : a->adapt ? "OUTDIR/channel.tsv" : "", sha);
	/* rows carry the key in their doc column (outputs of a run that wrote base names are redone) */
	sohoa_buf_puts(&b, "doc=key\n");
	for (const char *const *kind = sohoa_row_kinds(); *kind; kind++) {
		sohoa_buf_printf(&b, "extractor=%s:", *kind);
		for (const char *const *col = sohoa_row_columns(*kind); *col; col++)
			sohoa_buf_printf(&b, "%s,", *col);
		sohoa_buf_puts(&b, "\n");
	}
	sohoa_sha256 s;
	char hex[65];
	sohoa_sha256_init(&s);
	sohoa_sha256_update(&s, b.data ? b.data : "", b.len);
	sohoa_sha256_hex(&s, hex);
	memcpy(out, hex, 16);
	out[16] = 0;
	sohoa_buf_free(&b);
}

static int64_t mtime_ns(const struct stat *st)
{
	return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

static int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The outputs of a finished document are where the manifest says. */
static int outputs_exist(const batch *b, const char *name)
{
	char path[PATH_MAX];
	batch_txt_path(path, sizeof path, b->outdir, name);
	if (!file_exists(path))
		return 0;
	batch_rows_path(path, sizeof path, b->outdir, name);
	return file_exists(path);
}

/* The same, and the --pdf and --review outputs of the input at path. */
static int all_outputs_exist(const batch *b, const char *path, const char *name)
{
	return outputs_exist(b, name) && batch_archive_exist(b->a, b->outdir, path, name);
}

static void remove_outputs(const batch *b, const char *name)
{
	char path[PATH_MAX];
	batch_txt_path(path, sizeof path, b->outdir, name);
	unlink(path);
	batch_rows_path(path, sizeof path, b->outdir, name);
	unlink(path);
	batch_archive_remove(b->outdir, name);
}

/* Reusable as is: same options, same contents (by size and mtime, or by hash when sha given). */
static int reusable(const batch *b, const sohoa_manifest_entry *e, const batch_input *in, int64_t size,
		    int64_t mtime, const char *sha)
{
	return e && e->state == SOHOA_DOC_OK && !b->a->force && !strcmp(e->options, b->options) &&
	       !strcmp(e->output, in->name) && e->size == size &&
	       (sha ? !strcmp(e->sha256, sha) : e->mtime_ns == mtime) && all_outputs_exist(b, in->path, in->name);
}

static void set_message(batch_doc *d, const char *msg)
{
	free(d->message);
	d->message = sohoa_strdup(msg ? msg : "");
	d->result.message = d->message;
}

/* Log sink for document contexts: keeps messages off the progress line. */
typedef struct log_call {
	const sohoa_ctx *main;
	sohoa_log_level level;
	const char *message;
} log_call;

static void log_call_run(void *arg)
{
	log_call *c = arg;
	c->main->log(c->main->log_user, c->level, c->message);
}

static void batch_log(void *user, sohoa_log_level level, const char *message)
{
	batch *b = user;
	if (!b->ctx->log)
		return;
	log_call c = {b->ctx, level, message};
	progress_around(b->prog, log_call_run, &c);
}

static void journal_append(batch *b, const sohoa_manifest_entry *e)
{
	sohoa_buf line = {0};
	if (sohoa_manifest_write_entry(e, &line) == 0) {
		/* one write per row: a crash leaves at most one row without its newline, which is ignored */
		pthread_mutex_lock(&b->lock);
		ssize_t w = write(b->journal, line.data, line.len);
		pthread_mutex_unlock(&b->lock);
		if (w != (ssize_t)line.len) {
			progress_message(b->prog, "cannot write the manifest in '%s': %s", b->outdir,
					 w < 0 ? strerror(errno) : "short write");
			b->stop = 1;
		}
	}
	sohoa_buf_free(&line);
}

/* Take a share of the jobs budget for a document of size bytes: about its part of the bytes left,
 * at least one job, never more than is free. Blocks until a job is free. */
static int jobs_take(batch *b, int64_t size)
{
	pthread_mutex_lock(&b->lock);
	while (b->jobs_free < 1)
		pthread_cond_wait(&b->freed, &b->lock);
	int64_t left = b->bytes_left > 0 ? b->bytes_left : 1;
	int share = (int)((double)b->a->opt.jobs * (double)size / (double)left + 0.5);
	size_t waiting = b->ndocs - b->started; /* documents not begun, this one included */
	if (waiting <= 1)
		share = b->jobs_free;
	if (share < 1)
		share = 1;
	if (share > b->jobs_free)
		share = b->jobs_free;
	b->jobs_free -= share;
	b->bytes_left -= size;
	b->started++;
	pthread_mutex_unlock(&b->lock);
	return share;
}

/* A document that needs no jobs (reused, or not started) leaves the queue. */
static void jobs_skip(batch *b, int64_t size)
{
	pthread_mutex_lock(&b->lock);
	b->bytes_left -= size;
	b->started++;
	pthread_mutex_unlock(&b->lock);
}

static void jobs_give(batch *b, int share)
{
	pthread_mutex_lock(&b->lock);
	b->jobs_free += share;
	pthread_cond_broadcast(&b->freed);
	pthread_mutex_unlock(&b->lock);
}

static void count_result(batch *b, const batch_doc *d)
{
	pthread_mutex_lock(&b->lock);
	switch (d->result.state) {
	case SOHOA_DOC_OK: d->skip ? b->nskipped++ : b->nok++; break;
	case SOHOA_DOC_PARTIAL: b->npartial++; break;
	case SOHOA_DOC_FAILED: b->nfailed++; break;
	default: b->ninterrupted++; break;
	}
	if (!d->skip) {
		b->pages += d->result.pages;
		b->ocr_pages += d->result.ocr_pages;
	}
	pthread_mutex_unlock(&b->lock);
}

/* The rows of a document in a batch: what cli_out_row keeps, with the doc column set to the
 * document's key, which is unique within the output folder (the library's doc is the file name). */
typedef struct key_out {
	cli_out out;
	const char *key;
	batch_archive archive; /* --pdf, --review */
} key_out;

static int key_row(void *user, const sohoa_row *row)
{
	key_out *k = user;
	const char *cells[64];
	if (row->ncells > 64)
		return cli_out_row(&k->out, row);
	for (size_t i = 0; i < row->ncells; i++)
		cells[i] = strcmp(row->columns[i], "doc") ? row->cells[i] : k->key;
	sohoa_row keyed = *row;
	keyed.cells = cells;
	if (batch_archive_row(&k->archive, &keyed))
		return 1;
	return cli_out_row(&k->out, &keyed);
}

static int key_text(void *user, const char *text, size_t len)
{
	return cli_out_text(&((key_out *)user)->out, text, len);
}

/* Do one document: check the manifest, run the stages, write outputs, record the result. */
static void process(batch *b, batch_doc *d, sohoa_ctx *ctx)
{
	const char *path = d->in->path;
	sohoa_manifest_entry *e = &d->result;
	struct stat st;
	if (stat(path, &st) != 0) {
		sohoa_error(ctx, SOHOA_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
		goto failed;
	}
	if (!S_ISREG(st.st_mode)) {
		sohoa_error(ctx, SOHOA_ERR_IO, "'%s' is not a regular file", path);
		goto failed;
	}
	e->size = st.st_size;
	e->mtime_ns = mtime_ns(&st);
	if (sohoa_sha256_file(ctx, path, e->sha256) != SOHOA_OK)
		goto failed;
	const sohoa_manifest_entry *old = sohoa_manifest_find(b->old, path);
	if (reusable(b, old, d->in, e->size, e->mtime_ns, e->sha256)) {
		/* touched but unchanged: keep the outputs, note the new mtime */
		e->state = SOHOA_DOC_OK;
		e->pages = old->pages;
		e->ocr_pages = old->ocr_pages;
		d->skip = 1;
		jobs_skip(b, d->size);
		journal_append(b, e);
		return;
	}
	int share = jobs_take(b, d->size);
	ctx->opt.jobs = share;
	key_out ko;
	memset(&ko, 0, sizeof ko);
	ko.key = d->in->name;
	ko.archive = (batch_archive){.a = b->a, .outdir = b->outdir, .key = d->in->name};
	if (b->a->pdf || b->a->review) {
		ctx->doc_done = batch_archive_done;
		ctx->doc_done_user = &ko.archive;
	}
	cli_out *outp = &ko.out;
	sohoa_buf packed = {0};
	sohoa_handler h = {.user = &ko, .text = key_text, .row = key_row};
	sohoa_summary res;
	sohoa_status st2 = sohoa_process_file(ctx, path, &h, &res);
	jobs_give(b, share);
	e->pages = res.pages;
	e->ocr_pages = res.ocr_pages;
	if (outp->nomem || ko.archive.nomem)
		st2 = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	batch_archive_free(&ko.archive);
	if (st2 == SOHOA_OK) {
		char dest[PATH_MAX];
		batch_txt_path(dest, sizeof dest, b->outdir, d->in->name);
		if (batch_rows_format(outp->csv, &packed)) {
			st2 = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		} else if ((st2 = batch_write_atomic(ctx, b->outdir, dest, outp->text.data ? outp->text.data : "",
						     outp->text.len)) == SOHOA_OK) {
			batch_rows_path(dest, sizeof dest, b->outdir, d->in->name);
			st2 = batch_write_atomic(ctx, b->outdir, dest, packed.data, packed.len);
		}
		if (st2 == SOHOA_ERR_IO && batch_clash(errno)) {
			/* this document's output name is taken by a folder (or a file is in the way): it fails alone */
			char why[700];
			snprintf(why, sizeof why, "%s", sohoa_errmsg(ctx));
			sohoa_error(ctx, SOHOA_ERR_IO, "'%s': %s", path, why);
		} else if (st2 == SOHOA_ERR_IO) {
			b->stop = 1; /* the output folder is not writable (full?): stop starting documents */
		}
	}
	sohoa_buf_free(&packed);
	cli_out_free(outp);
	if (st2 == SOHOA_OK) {
		if (res.failed_pages) {
			char msg[700];
			snprintf(msg, sizeof msg, "%d of %d pages failed (%s)", res.failed_pages, res.pages,
				 res.first_error);
			set_message(d, msg);
			progress_message(b->prog, "'%s': %s", path, msg);
			e->state = SOHOA_DOC_PARTIAL;
		} else {
			e->state = SOHOA_DOC_OK;
		}
		journal_append(b, e);
		return;
	}
	if (st2 == SOHOA_ERR_INTERRUPTED || sohoa_interrupted(ctx)) {
		remove_outputs(b, d->in->name);
		e->state = SOHOA_DOC_INTERRUPTED;
		set_message(d, "interrupted");
		journal_append(b, e);
		return;
	}
failed:
	remove_outputs(b, d->in->name);
	e->state = SOHOA_DOC_FAILED;
	set_message(d, sohoa_errmsg(ctx));
	progress_message(b->prog, "%s", sohoa_errmsg(ctx));
	journal_append(b, e);
}

static void doc_worker(void *arg, int worker, size_t i)
{
	(void)worker;
	batch *b = arg;
	batch_doc *d = &b->docs[b->order[i]];
	if (sohoa_interrupted(b->ctx) || b->stop) {
		/* not started: stays "todo" in the manifest */
		jobs_skip(b, d->size);
		pthread_mutex_lock(&b->lock);
		b->ninterrupted++;
		pthread_mutex_unlock(&b->lock);
		return;
	}
	sohoa_ctx *ctx = sohoa_ctx_new_worker(b->ctx);
	if (!ctx) {
		b->stop = 1;
		return;
	}
	sohoa_ctx_set_log(ctx, batch_log, b);
	if (d->skip) { /* decided at planning: size and mtime unchanged */
		jobs_skip(b, d->size);
		progress_doc_end(b->prog, d->in->path, d->size, d->result.pages, 1);
	} else {
		progress_doc_start(b->prog, d->in->path);
		process(b, d, ctx);
		progress_doc_end(b->prog, d->in->path, d->size, d->result.pages, d->skip);
	}
	count_result(b, d);
	sohoa_ctx_free(ctx);
}

/* Sort key for the processing order: largest first, then path order. */
static const batch *sort_batch;
static int cmp_size_desc(const void *x, const void *y)
{
	const batch_doc *a = &sort_batch->docs[*(const size_t *)x], *c = &sort_batch->docs[*(const size_t *)y];
	if (a->size != c->size)
		return a->size < c->size ? 1 : -1;
	return strcmp(a->in->path, c->in->path);
}

static void fmt_time(char *buf, size_t n, double s)
{
	long t = (long)(s + 0.5);
	if (t >= 3600)
		snprintf(buf, n, "%ldh%02ldm%02lds", t / 3600, t / 60 % 60, t % 60);
	else if (t >= 60)
		snprintf(buf, n, "%ldm%02lds", t / 60, t % 60);
	else
		snprintf(buf, n, "%.1fs", s);
}

/* Plan this shard's documents into b->docs in path order, each with its row in now: those
 * finished before with the same file and options are kept (skip), the others are to do. Returns
 * their total size in bytes, or -1 out of memory. */
static int64_t plan(batch *b, const batch_inputs *in, size_t shard_k, size_t shard_n, sohoa_manifest *now)
{
	int64_t total_bytes = 0;
	for (size_t i = 0; i < in->n; i++) {
		if (i % shard_n != shard_k - 1)
			continue;
		batch_doc *d = &b->docs[b->ndocs];
		d->in = &in->items[i];
		sohoa_manifest_entry *e = &d->result;
		e->path = d->in->path;
		e->output = d->in->name;
		memcpy(e->options, b->options, sizeof b->options);
		set_message(d, "");
		struct stat st;
		if (stat(d->in->path, &st) == 0 && S_ISREG(st.st_mode)) {
			d->size = st.st_size;
			e->size = st.st_size;
			e->mtime_ns = mtime_ns(&st);
		}
		const sohoa_manifest_entry *old = sohoa_manifest_find(b->old, d->in->path);
		if (old && strcmp(old->output, d->in->name))
			remove_outputs(b, old->output); /* named otherwise before (another key rule): no stale copy */
		if (d->size && reusable(b, old, d->in, e->size, e->mtime_ns, NULL)) {
			d->skip = 1;
			*e = *old;
			e->path = d->in->path;
			e->output = d->in->name;
			set_message(d, old->message);
		} else {
			e->state = SOHOA_DOC_TODO;
		}
		if (sohoa_manifest_put(now, e))
			return -1;
		b->order[b->ndocs] = b->ndocs;
		total_bytes += d->size;
		b->ndocs++;
	}
	return total_bytes;
}

/* Run the planned documents, largest first, under the jobs budget, with the progress line. */
static void run_docs(batch *b, int64_t total_bytes)
{
	b->bytes_left = total_bytes;
	sort_batch = b;
	if (b->ndocs)
		qsort(b->order, b->ndocs, sizeof *b->order, cmp_size_desc);
	int jobs = b->a->opt.jobs > 0 ? b->a->opt.jobs : 1;
	b->jobs_free = jobs;
	b->prog = progress_new(isatty(STDERR_FILENO) && b->a->opt.verbosity >= 0, b->ndocs, total_bytes);
	sohoa_parallel_for(jobs, b->ndocs, doc_worker, b);
	progress_free(b->prog);
	b->prog = NULL;
}

/* The run's one-line summary on stderr. */
static void report(const batch *b, const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	char took[32];
	fmt_time(took, sizeof took, (double)(t1.tv_sec - t0->tv_sec) + (t1.tv_nsec - t0->tv_nsec) / 1e9);
	fprintf(stderr, "sohoa: %zu documents ok, %zu partial, %zu failed, %zu kept from before%s%s; "
			"%ld pages (%ld OCRed) in %s\n",
		b->nok, b->npartial, b->nfailed, b->nskipped,
		b->ninterrupted ? ", not finished: " : "", b->ninterrupted ? "see manifest.tsv" : "",
		b->pages, b->ocr_pages, took);
}

int batch_run(const cli_args *a, sohoa_ctx *ctx)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	const char *outdir = a->output;
	size_t shard_k = 1, shard_n = 1;
	if (a->shard && batch_parse_shard(a->shard, &shard_k, &shard_n)) {
		cli_error("--shard wants K/N with 1 <= K <= N, not '%s'", a->shard);
		return EXIT_USAGE;
	}
	struct stat so, si;
	for (int i = 0; i < a->ninputs; i++)
		if (stat(outdir, &so) == 0 && stat(a->inputs[i], &si) == 0 && so.st_dev == si.st_dev &&
		    so.st_ino == si.st_ino) {
			cli_error("'%s' is both an input and the output folder: choose another -o", a->inputs[i]);
			return EXIT_USAGE;
		}
	if (batch_mkdirs(outdir)) {
		cli_error("cannot create '%s': %s", outdir, strerror(errno));
		return EXIT_INPUT;
	}
	int lockfd = batch_outdir_open(outdir);
	if (lockfd < 0)
		return EXIT_INPUT;
	/* OUTDIR/channel.tsv is the channel the outputs were restored with: a run without one redoes
	 * the documents of an --adapt run (options_digest), so the file no longer says anything */
	char chpath[PATH_MAX];
	snprintf(chpath, sizeof chpath, "%s/channel.tsv", outdir);
	if (!a->adapt && !a->channel && unlink(chpath) == 0 && a->opt.verbosity >= 0)
		cli_error("%s removed: documents of an --adapt run are redone without it", chpath);
	int status = EXIT_OK;
	batch b;
	memset(&b, 0, sizeof b);
	b.a = a;
	b.outdir = outdir;
	b.ctx = ctx;
	b.journal = -1;
	pthread_mutex_init(&b.lock, NULL);
	pthread_cond_init(&b.freed, NULL);
	options_digest(a, b.options);
	batch_inputs in = {0};
	sohoa_manifest *now = NULL;
	char mpath[PATH_MAX];
	batch_manifest_path(mpath, sizeof mpath, outdir);
	int problems = batch_collect(a, outdir, &in);
	if (problems < 0)
		goto nomem;
	if (problems)
		status = EXIT_INPUT;
	if (sohoa_manifest_load(ctx, mpath, &b.old) != SOHOA_OK) {
		cli_error("%s; move it away or choose another -o", sohoa_errmsg(ctx));
		status = EXIT_INPUT;
		goto out;
	}
	if (b.old->nbad)
		cli_error("%s: %zu damaged rows ignored (those documents are redone)", mpath, b.old->nbad);
	b.docs = calloc(in.n ? in.n : 1, sizeof *b.docs);
	b.order = calloc(in.n ? in.n : 1, sizeof *b.order);
	if (!b.docs || !b.order || !(now = sohoa_manifest_new()))
		goto nomem;
	int64_t total_bytes = plan(&b, &in, shard_k, shard_n, now);
	if (total_bytes < 0)
		goto nomem;
	/* The manifest names every planned document before any work, so a killed run says what is missing. */
	if (batch_manifest_save(ctx, outdir, now) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		status = EXIT_INPUT;
		goto out;
	}
	b.journal = open(mpath, O_WRONLY | O_APPEND | O_CLOEXEC);
	if (b.journal < 0) {
		cli_error("cannot open '%s': %s", mpath, strerror(errno));
		status = EXIT_INPUT;
		goto out;
	}
	run_docs(&b, total_bytes);
	/* Final manifest (compact, path order), then the CSVs from every finished document. */
	for (size_t i = 0; i < b.ndocs; i++)
		if (sohoa_manifest_put(now, &b.docs[i].result))
			goto nomem;
	if (batch_manifest_save(ctx, outdir, now) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		status = EXIT_INPUT;
	}
	size_t missing = 0;
	if (batch_assemble(ctx, outdir, now, &missing) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		status = EXIT_INPUT;
	}
	if (a->review && batch_review_index(ctx, outdir, now) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		status = EXIT_INPUT;
	}
	if (missing || b.nfailed || b.npartial || b.ninterrupted || b.stop)
		status = EXIT_INPUT;
	if (a->opt.verbosity >= 0)
		report(&b, &t0);
	if (sohoa_interrupted(ctx))
		cli_error("interrupted: %zu documents not done; run the same command again to finish", b.ninterrupted);
	goto out;
nomem:
	cli_error("out of memory");
	status = EXIT_INPUT;
out:
	if (b.journal >= 0)
		close(b.journal);
	for (size_t i = 0; i < b.ndocs; i++)
		free(b.docs[i].message);
	free(b.docs);
	free(b.order);
	sohoa_manifest_free(now);
	sohoa_manifest_free(b.old);
	batch_inputs_free(&in);
	pthread_mutex_destroy(&b.lock);
	pthread_cond_destroy(&b.freed);
	close(lockfd);
	return status;
}
