/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fields_fdlist.c - the fdlist.* fields: the fds a poll-family call (poll, ppoll) names
 * in its "fds" parameter, as sysdig 0.29.3 lists them: comma separated, in the order
 * of the parameter. fdlist.nums lists every fd; fdlist.names the name of each fd the
 * process has open; fdlist.cips/sips/cports/sports the client and server address and
 * port of each of them that is an IP socket (a listening socket gives its address as
 * both). A list with nothing in it, or an event without such a parameter, does not
 * resolve (<NA>).
 */
#include <string.h>

#include "fields/fields.h"
#include "fields/render.h"

/* Entry size of a SCAP_PT_FDLIST parameter: u16 count, then per fd an s64 and u16 flags. */
#define FDLIST_ENTRY 10u

/* The address (@client: the client's) of IP socket @f, as fd.cip / fd.sip print it. */
static void add_ip(struct strbuf *out, const struct sinsp_fd *f, bool client)
{
	struct field_val v;

	sinsp_fields_fd_ip(f, client, &v);
	if (v.t == FV_IPV4)
		sinsp_render_ipv4(out, v.v.ip4);
	else
		sinsp_render_ipv6(out, v.v.ip6);
}

/* The event's SCAP_PT_FDLIST parameter, NULL when it has none. */
static const struct sinsp_param *fdlist_param(const struct sinsp_evt *evt)
{
	uint32_t i, n = sinsp_evt_nparams(evt);

	for (i = 0; evt->info && i < n; i++)
		if (evt->info->params[i].type == SCAP_PT_FDLIST)
			return sinsp_evt_param_at(evt, i);
	return NULL;
}

bool sinsp_fields_fdlist(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v,
			 struct strbuf *out)
{
	const struct sinsp_param *p = fdlist_param(evt);
	size_t start = out->len;
	uint32_t pos;
	uint16_t n, j;
	bool any = false;

	if (!p || !p->val || p->len < 2)
		return false;
	memcpy(&n, p->val, 2);
	for (j = 0, pos = 2; j < n && pos + FDLIST_ENTRY <= p->len; j++, pos += FDLIST_ENTRY) {
		const struct sinsp_fd *f;
		int64_t fd;

		memcpy(&fd, p->val + pos, 8);
		f = evt->thread ? sinsp_fd_find(evt->thread, fd) : NULL;
		if (r->def->id != F_FDLIST_NUMS && (!f || (r->def->id != F_FDLIST_NAMES && !sinsp_fields_fd_is_ip(f))))
			continue;
		if (any)
			strbuf_addc(out, ',');
		any = true;
		switch (r->def->id) {
		case F_FDLIST_NUMS: strbuf_add_s64(out, fd); break;
		case F_FDLIST_NAMES: strbuf_adds(out, f->name); break;
		case F_FDLIST_CIPS: add_ip(out, f, true); break;
		case F_FDLIST_SIPS: add_ip(out, f, false); break;
		case F_FDLIST_CPORTS: strbuf_add_u64(out, sinsp_fields_fd_port(f, true)); break;
		case F_FDLIST_SPORTS: strbuf_add_u64(out, sinsp_fields_fd_port(f, false)); break;
		}
	}
	if (!any) {
		out->len = start;
		if (out->buf)
			out->buf[start] = 0;
		return false;
	}
	v->t = FV_TEXT;
	return true;
}
