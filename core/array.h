/* Growable arrays, as git's ALLOC_GROW: one helper for every array that grows by appending.
 *
 *	item *v = NULL; size_t n = 0, cap = 0;
 *	if (SOHOA_GROW(v, n + 1, cap)) return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
 *	v[n++] = x;
 *
 * SOHOA_GROW(arr, need, cap) makes room for at least `need` elements in arr (capacity `cap`, in
 * elements; both lvalues), growing by half again (at least 16). It returns 0 on success, -1 when
 * the size overflows or memory runs out; then arr and cap are unchanged. New slots are not
 * zeroed. */
#ifndef SOHOA_ARRAY_H
#define SOHOA_ARRAY_H

#include <stddef.h>

/* arrp points at the array pointer (any object pointer type); see SOHOA_GROW. */
int sohoa_grow(void *arrp, size_t *cap, size_t need, size_t elem);

#define SOHOA_GROW(arr, need, cap) \
	((size_t)(need) <= (cap) ? 0 : sohoa_grow(&(arr), &(cap), (size_t)(need), sizeof *(arr)))

#endif
