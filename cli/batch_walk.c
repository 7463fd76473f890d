/* Batch inputs: walk files and folders (globs, dot files, directory loops, earlier output
 * folders), sort, give each document its key. */
#include "batch.h"
#include "../core/array.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct dir_id {
	dev_t dev;
	ino_t ino;
} dir_id;

typedef struct walker {
	const cli_args *a;
	dir_id outdir;
	int have_outdir;
	dir_id *seen;          /* every folder walked, to walk each once */
	size_t nseen, capseen;
	dir_id stack[256];     /* the folders above the current one, to name loops */
	char *stack_path[256];
	int depth;
	batch_inputs *out;
	int problems;
	int nomem;
} walker;

static int inputs_add(batch_inputs *in, const char *path, const char *name)
{
	if (SOHOA_GROW(in->items, in->n + 1, in->cap))
		return -1;
	batch_input *it = &in->items[in->n];
	it->path = sohoa_strdup(path);
	it->name = sohoa_strdup(name);
	if (!it->path || !it->name) {
		free(it->path);
		free(it->name);
		return -1;
	}
	in->n++;
	return 0;
}

void batch_inputs_free(batch_inputs *in)
{
	for (size_t i = 0; i < in->n; i++) {
		free(in->items[i].path);
		free(in->items[i].name);
	}
	free(in->items);
	memset(in, 0, sizeof *in);
}

/* A pattern with a '/' matches the path below the folder given, else the base name. */
static int glob_hit(const char *pat, const char *rel, const char *base)
{
	return fnmatch(pat, strchr(pat, '/') ? rel : base, 0) == 0;
}

static int excluded(const walker *w, const char *rel, const char *base)
{
	for (size_t i = 0; i < w->a->nexcludes; i++)
		if (glob_hit(w->a->excludes[i], rel, base))
			return 1;
	return 0;
}

static int included(const walker *w, const char *rel, const char *base)
{
	if (!w->a->nincludes)
		return 1;
	for (size_t i = 0; i < w->a->nincludes; i++)
		if (glob_hit(w->a->includes[i], rel, base))
			return 1;
	return 0;
}

/* dir holds a .sohoa folder: it is the output of an earlier run, never an input. */
static int is_output_dir(const char *dir)
{
	size_t n = strlen(dir) + sizeof "/.sohoa";
	char *p = malloc(n);
	struct stat st;
	int yes = p && snprintf(p, n, "%s/.sohoa", dir) > 0 && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
	free(p);
	return yes;
}

static int cmp_id(const dir_id *a, const dir_id *b)
{
	return a->dev == b->dev && a->ino == b->ino;
}

static void walk_dir(walker *w, const char *dir, const char *rel, const struct stat *st);

static void walk_entry(walker *w, const char *path, const char *rel, const char *base)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (!excluded(w, rel, base))
			walk_dir(w, path, rel, &st);
		return;
	}
	/* Files, and anything we cannot stat or that is not a regular file: the run reports those. */
	if (!included(w, rel, base) || excluded(w, rel, base))
		return;
	if (inputs_add(w->out, path, rel))
		w->nomem = 1;
}

static void walk_dir(walker *w, const char *dir, const char *rel, const struct stat *st)
{
	dir_id id = {st->st_dev, st->st_ino};
	if (w->have_outdir && cmp_id(&id, &w->outdir))
		return; /* never read our own outputs */
	for (int i = 0; i < w->depth; i++)
		if (cmp_id(&id, &w->stack[i])) {
			cli_error("'%s' is a directory loop (it leads back to '%s'); skipped", dir, w->stack_path[i]);
			w->problems++;
			return;
		}
	for (size_t i = 0; i < w->nseen; i++)
		if (cmp_id(&id, &w->seen[i]))
			return; /* reached again through a link: walked once is enough */
	if (is_output_dir(dir)) {
		/* given by name: said, and a problem (the run does not do what was asked); inside: with -v */
		if (!*rel || w->a->opt.verbosity > 0)
			cli_error("'%s' is a sohoa output folder (it has .sohoa/); skipped", dir);
		w->problems += !*rel;
		return;
	}
	if (w->depth == (int)(sizeof w->stack / sizeof w->stack[0])) {
		cli_error("'%s' is nested too deep; skipped", dir);
		w->problems++;
		return;
	}
	if (SOHOA_GROW(w->seen, w->nseen + 1, w->capseen)) {
		w->nomem = 1;
		return;
	}
	w->seen[w->nseen++] = id;
	DIR *d = opendir(dir);
	if (!d) {
		cli_error("cannot open folder '%s': %s", dir, strerror(errno));
		w->problems++;
		return;
	}
	w->stack[w->depth] = id;
	w->stack_path[w->depth] = (char *)dir;
	w->depth++;
	struct dirent *e;
	while ((e = readdir(d)) && !w->nomem) {
		if (e->d_name[0] == '.')
			continue; /* ., .., hidden files and our own .sohoa */
		size_t dl = strlen(dir), nl = strlen(e->d_name), rl = strlen(rel);
		char *child = malloc(dl + nl + 2), *crel = malloc(rl + nl + 2);
		if (!child || !crel) {
			free(child);
			free(crel);
			w->nomem = 1;
			break;
		}
		snprintf(child, dl + nl + 2, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", e->d_name);
		snprintf(crel, rl + nl + 2, "%s%s%s", rel, rl ? "/" : "", e->d_name);
		walk_entry(w, child, crel, e->d_name);
		free(child);
		free(crel);
	}
	w->depth--;
	closedir(d);
}

static int cmp_input(const void *a, const void *b)
{
	return strcmp(((const batch_input *)a)->path, ((const batch_input *)b)->path);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void keep_name(void *name)
{
	(void)name; /* the tree borrows the inputs' names */
}

/* Give every input a unique key: in path order, a key taken already becomes stem~2.ext, then
 * stem~3.ext... (the extension of its last component kept). The same input list gives the same
 * keys, so shards agree. */
static int unique_names(batch_inputs *in)
{
	void *taken = NULL; /* the keys given so far: a search tree (tsearch) of borrowed strings */
	int rc = 0;
	for (size_t i = 0; i < in->n && rc == 0; i++) {
		batch_input *it = &in->items[i];
		if (tfind(it->name, &taken, cmp_name)) {
			const char *slash = strrchr(it->name, '/');
			const char *base = slash ? slash + 1 : it->name;
			const char *dot = strrchr(base, '.');
			size_t stem = dot && dot != base ? (size_t)(dot - it->name) : strlen(it->name);
			size_t len = strlen(it->name) + 32;
			char *alt = malloc(len);
			for (int k = 2; alt; k++) {
				snprintf(alt, len, "%.*s~%d%s", (int)stem, it->name, k, it->name + stem);
				if (!tfind(alt, &taken, cmp_name))
					break;
			}
			if (!alt) {
				rc = -1;
				break;
			}
			free(it->name);
			it->name = alt;
		}
		if (!tsearch(it->name, &taken, cmp_name))
			rc = -1;
	}
	tdestroy(taken, keep_name);
	return rc;
}

int batch_collect(const cli_args *a, const char *outdir, batch_inputs *out)
{
	walker w = {0};
	w.a = a;
	w.out = out;
	struct stat st;
	if (outdir && stat(outdir, &st) == 0) {
		w.outdir = (dir_id){st.st_dev, st.st_ino};
		w.have_outdir = 1;
	}
	for (int i = 0; i < a->ninputs && !w.nomem; i++) {
		const char *p = a->inputs[i];
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (!a->recursive) {
				cli_error("'%s' is a directory (use --recursive)", p);
				w.problems++;
				continue;
			}
			walk_dir(&w, p, "", &st);
			continue;
		}
		const char *slash = strrchr(p, '/');
		if (inputs_add(out, p, slash && slash[1] ? slash + 1 : p))
			w.nomem = 1;
	}
	free(w.seen);
	if (w.nomem)
		return -1;
	if (out->n)
		qsort(out->items, out->n, sizeof *out->items, cmp_input);
	/* The same file given twice (or reached twice) is one document. */
	size_t k = 0;
	for (size_t i = 0; i < out->n; i++) {
		if (k && !strcmp(out->items[k - 1].path, out->items[i].path)) {
			free(out->items[i].path);
			free(out->items[i].name);
			continue;
		}
		out->items[k++] = out->items[i];
	}
	out->n = k;
	if (unique_names(out))
		return -1;
	return w.problems;
}

int batch_parse_shard(const char *s, size_t *k, size_t *n)
{
	char *end;
	errno = 0;
	unsigned long kk = strtoul(s, &end, 10);
	if (errno || end == s || *end != '/')
		return -1;
	const char *q = end + 1;
	unsigned long nn = strtoul(q, &end, 10);
	if (errno || end == q || *end || nn < 1 || kk < 1 || kk > nn || nn > 1000000)
		return -1;
	*k = kk;
	*n = nn;
	return 0;
}
