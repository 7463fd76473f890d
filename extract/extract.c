/* extract: the table of extractors (each in its own file) and lookup by name. */
#include "extract-int.h"

#include <string.h>

static const sohoa_extractor *const extractors[] = {
	&ex_scores,
	&ex_criteria,
	&ex_schemes,
	&ex_documents,
	&ex_responsibilities,
	&ex_references,
	NULL,
};

const sohoa_extractor *const *sohoa_extractors(void)
{
	return extractors;
}

const sohoa_extractor *sohoa_extractor_find(const char *name)
{
	for (size_t i = 0; extractors[i]; i++)
		if (!strcmp(extractors[i]->name, name))
			return extractors[i];
	return NULL;
}
