/* Process-wide setup (sohoa_global_init): the one place where sohoa changes state that belongs to
 * the whole process, so that a host program decides when it happens. */
#include "../core/sohoa.h"
#include "../ingest/ingest.h"

static int init_count; /* sohoa_global_init calls not yet matched by a cleanup */

sohoa_status sohoa_global_init(long flags)
{
	if (flags != SOHOA_GLOBAL_DEFAULT)
		return SOHOA_ERR_USAGE;
	if (init_count++ == 0)
		sohoa_ingest_global_init();
	return SOHOA_OK;
}

void sohoa_global_cleanup(void)
{
	/* Nothing to undo yet: the setup only silences and configures libraries for this process. */
	if (init_count > 0)
		init_count--;
}
