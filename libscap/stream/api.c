/* SPDX-License-Identifier: Apache-2.0 */
/* api.c - the small public calls of scap_stream.h that belong to no other file. */
#include <scry/scap_stream.h>

#include "registry.h"
#include "url.h"

bool scap_stream_url_is(const char *s)
{
	return stream_url_is_bus(s);
}

const char *scap_stream_schemes(void)
{
	return stream_transport_list();
}
