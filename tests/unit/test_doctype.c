/* The document-type table (core/doctype.h) keeps the properties its users rely on: Decree 30's
 * appendix III has 27 codes; the codes the vie job repairs to are distinct (it corrects to the
 * one code a slot is a slip away from); a cited key that begins another comes after it, since
 * references.c takes the first key that matches; every type line and every key is distinct. */
#include "../../core/doctype.h"
#include "check.h"

#include <string.h>

int main(void)
{
	size_t d30 = 0;
	int codes_distinct = 1, keys_distinct = 1, caps_distinct = 1, prefix_order = 1, named = 1;
	for (size_t i = 0; i < sohoa_ndoctypes; i++) {
		const sohoa_doctype *a = &sohoa_doctypes[i];
		d30 += (a->flags & SOHOA_DOCTYPE_DECREE30) && a->code[0];
		if ((a->flags & (SOHOA_DOCTYPE_CITED | SOHOA_DOCTYPE_HEADING)) && (!a->name || !a->key))
			named = 0;
		if (a->caps && !a->name)
			named = 0;
		for (size_t j = i + 1; j < sohoa_ndoctypes; j++) {
			const sohoa_doctype *b = &sohoa_doctypes[j];
			if ((a->flags & b->flags & SOHOA_DOCTYPE_SLOT) && !strcmp(a->code, b->code))
				codes_distinct = 0;
			if (a->key && b->key && !strcmp(a->key, b->key))
				keys_distinct = 0;
			if (a->caps && b->caps && !strcmp(a->caps, b->caps))
				caps_distinct = 0;
			/* b after a: a's key must not begin b's (b would never be found) */
			if ((a->flags & b->flags & SOHOA_DOCTYPE_CITED) && !strncmp(a->key, b->key, strlen(a->key)))
				prefix_order = 0;
		}
	}
	CHECK(d30 == 27, "Decree 30's 27 codes");
	CHECK(codes_distinct, "the codes the vie job repairs to are distinct");
	CHECK(keys_distinct && caps_distinct, "keys and type lines distinct");
	CHECK(prefix_order, "a cited key that begins another comes after it");
	CHECK(named, "cited types and type lines have a name and a key");
	return CHECK_DONE();
}
