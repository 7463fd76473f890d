/* align: one alignment for the tools (edit distance with the caller's costs); see tool.h. */
#include "tool.h"

#include <stdint.h>
#include <stdlib.h>

/* The table of least costs, row by row (prev: row i - 1, cur: row i), for cost type T and pair
 * cost COST(i, j) of row item i and column item j; from (NULL: no path wanted) gets the step that
 * reached each cell: a pair first, then an unpaired row item, then an unpaired column item. The
 * end column goes to *end, the least cost is returned. Written once, made twice: over integers
 * for code points (no call, a billion cells for a whole document; the chain of additions and
 * minima through a row is the bound, and it is three times longer in floating point) and over
 * doubles for the callers' costs. */
#define ALIGN_TABLE(T, COST)                                                                            \
	do {                                                                                            \
		size_t w = ncols + 1;                                                                   \
		T gap = (T)s->gap, *prev = xmalloc(w * sizeof *prev), *cur = xmalloc(w * sizeof *cur); \
		for (size_t j = 0; j <= ncols; j++) {                                                   \
			prev[j] = s->free_ends ? 0 : (T)j * gap;                                        \
			if (from)                                                                       \
				from[j] = ALIGN_COL;                                                    \
		}                                                                                       \
		for (size_t i = 1; i <= nrows; i++) {                                                   \
			unsigned char *f = from ? from + i * w : NULL;                                  \
			cur[0] = (T)i * gap;                                                            \
			if (f)                                                                          \
				f[0] = ALIGN_ROW;                                                       \
			T left = cur[0]; /* cur[j - 1], kept out of memory: it chains the row */     \
			for (size_t j = 1; j <= ncols; j++) {                                           \
				T c = COST(i - 1, j - 1);                                               \
				T pair = prev[j - 1] + c, row = prev[j] + gap, col = left + gap;        \
				T v = row < pair ? row : pair;                                          \
				v = col < v ? col : v;                                                  \
				cur[j] = left = v;                                                      \
				if (f)                                                                  \
					f[j] = v == pair ? (c != 0 ? ALIGN_OTHER : ALIGN_SAME) :        \
					       v == row ? ALIGN_ROW : ALIGN_COL;                        \
			}                                                                               \
			T *t = prev;                                                                    \
			prev = cur;                                                                     \
			cur = t;                                                                        \
		}                                                                                       \
		*end = ncols;                                                                           \
		if (s->free_ends) /* the first column where the rows end cheapest */                   \
			for (size_t j = *end = 0; j <= ncols; j++)                                      \
				if (prev[j] < prev[*end])                                               \
					*end = j;                                                       \
		double d = (double)prev[*end];                                                          \
		free(prev);                                                                             \
		free(cur);                                                                              \
		return d;                                                                               \
	} while (0)

static double table_cps(const align_spec *s, size_t nrows, size_t ncols, unsigned char *from, size_t *end)
{
	const uint32_t *a = ((const align_cps *)s->arg)->row, *b = ((const align_cps *)s->arg)->col;
#define CPS_COST(i, j) (uint32_t)(a[i] != b[j])
	ALIGN_TABLE(uint32_t, CPS_COST);
#undef CPS_COST
}

static double table_cost(const align_spec *s, size_t nrows, size_t ncols, unsigned char *from, size_t *end)
{
#define CALL_COST(i, j) s->cost(s->arg, i, j)
	ALIGN_TABLE(double, CALL_COST);
#undef CALL_COST
}

double align_run(const align_spec *s, size_t nrows, size_t ncols, align_path *path)
{
	size_t w = ncols + 1, end;
	unsigned char *from = NULL;
	if (path) {
		if (nrows + 1 > (size_t)-1 / w)
			die("out of memory");
		from = xmalloc((nrows + 1) * w);
	}
	double dist = s->cost ? table_cost(s, nrows, ncols, from, &end) : table_cps(s, nrows, ncols, from, &end);
	if (!path)
		return dist;
	/* trace back from (nrows, end): to row 0 with free ends, to (0, 0) without */
	unsigned char *op = xmalloc(nrows + ncols + 1);
	size_t k = 0, i = nrows, j = end;
	while (i > 0 || (!s->free_ends && j > 0)) {
		unsigned char f = from[i * w + j];
		op[k++] = f;
		if (f == ALIGN_SAME || f == ALIGN_OTHER)
			i--, j--;
		else if (f == ALIGN_ROW)
			i--;
		else
			j--;
	}
	for (size_t a = 0, b = k ? k - 1 : 0; a < b; a++, b--) {
		unsigned char t = op[a];
		op[a] = op[b];
		op[b] = t;
	}
	free(from);
	path->op = op;
	path->n = k;
	path->start = j;
	path->end = end;
	return dist;
}

void align_pairs(const align_spec *s, size_t nrows, size_t ncols, void (*pair)(void *arg, size_t i, size_t j),
		 void *arg)
{
	align_path p;
	align_run(s, nrows, ncols, &p);
	for (size_t k = p.n, i = nrows, j = p.end; k-- > 0;) {
		int op = p.op[k];
		if (op == ALIGN_SAME || op == ALIGN_OTHER)
			pair(arg, i - 1, j - 1);
		i -= op != ALIGN_COL;
		j -= op != ALIGN_ROW;
	}
	free(p.op);
}
