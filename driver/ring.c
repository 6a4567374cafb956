// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * ring.c - the per-CPU rings and the event builder that writes scap events into them.
 *
 * A ring is a control page (struct scap_abi_ring_ctl) and 2^n data pages. The kernel maps
 * the data pages twice back to back (vmap of the page list repeated), as userspace does:
 * a record is written and read contiguously even where it wraps, so the builder never
 * splits a parameter.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/limits.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <linux/vmalloc.h>

#include "scry.h"
#include "compat/uaccess.h"

/* The largest record: a bound on one event, below half the ring. */
#define SCAPDRV_MAX_EVT_LEN (64u * 1024u)

int scapdrv_ring_alloc(struct scapdrv_ring *r, int cpu, u64 data_size)
{
	unsigned int i, n = data_size >> PAGE_SHIFT;
	int node = cpu_to_node(cpu);

	memset(r, 0, sizeof(*r));
	r->ctl_page = alloc_pages_node(node, GFP_KERNEL | __GFP_ZERO, 0);
	if (!r->ctl_page)
		return -ENOMEM;
	r->ctl = page_address(r->ctl_page);
	r->pages = kvcalloc(2 * n, sizeof(*r->pages), GFP_KERNEL);
	if (!r->pages)
		goto err_pages;
	for (i = 0; i < n; i++) {
		r->pages[i] = alloc_pages_node(node, GFP_KERNEL | __GFP_ZERO, 0);
		if (!r->pages[i])
			goto err_data;
		r->pages[n + i] = r->pages[i];
	}
	r->npages = n;
	r->data = vmap(r->pages, 2 * n, VM_MAP, PAGE_KERNEL);
	if (!r->data)
		goto err_data;
	r->mask = data_size - 1;
	r->max_evt = min_t(u64, SCAPDRV_MAX_EVT_LEN, data_size / 2);
	atomic_set(&r->opened, 0);
	scapdrv_ring_reset(r);
	return 0;

err_data:
	while (i--)
		__free_page(r->pages[i]);
	kvfree(r->pages);
	r->pages = NULL;
err_pages:
	__free_page(r->ctl_page);
	r->ctl_page = NULL;
	r->ctl = NULL;
	return -ENOMEM;
}

void scapdrv_ring_free(struct scapdrv_ring *r)
{
	unsigned int i;

	if (!r->ctl_page)
		return;
	vunmap(r->data);
	for (i = 0; i < r->npages; i++)
		__free_page(r->pages[i]);
	kvfree(r->pages);
	__free_page(r->ctl_page);
	memset(r, 0, sizeof(*r));
}

/* Empty the ring and zero its counters. Caller: no producer can be running on it. */
void scapdrv_ring_reset(struct scapdrv_ring *r)
{
	struct scap_abi_ring_ctl *c = r->ctl;

	memset(c, 0, sizeof(*c));
	c->version = SCAP_ABI_RING_VERSION;
	c->ctl_size = sizeof(*c);
	c->data_size = r->mask + 1;
}

void scapdrv_count_fault(struct scapdrv_evt *e)
{
	struct scap_abi_ring_ctl *c = e->ring->ctl;

	WRITE_ONCE(c->n_drop_pf, c->n_drop_pf + 1);
}

void scapdrv_put_bytes(struct scapdrv_evt *e, const void *src, u32 len)
{
	u8 *p;

	if (len > U16_MAX)
		len = U16_MAX;
	p = scapdrv_param_begin(e, len);
	if (p) {
		memcpy(p, src, len);
		scapdrv_param_end(e, len);
	}
}

void scapdrv_put_kstr(struct scapdrv_evt *e, const char *s, u32 max)
{
	u32 n = strnlen(s, max - 1);
	u8 *p = scapdrv_param_begin(e, n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
		scapdrv_param_end(e, n + 1);
	}
}

void scapdrv_put_d_path(struct scapdrv_evt *e, const struct path *path)
{
	char *p = d_path(path, scapdrv_scratch(), PAGE_SIZE);

	if (IS_ERR_OR_NULL(p))
		scapdrv_put_empty(e);
	else
		scapdrv_put_kstr(e, p, PAGE_SIZE);
}

/* A NULL string pointer is written as this text, NUL included, as the peer driver
 * writes it (and sysdig prints it). */
static const char null_ptr_str[] = "(NULL)";

void scapdrv_put_user_str(struct scapdrv_evt *e, unsigned long uaddr, u32 max)
{
	bool fault_null = max & SCAPDRV_STR_FAULT_NULL;
	u32 room;
	long n;
	u8 *p;

	max &= ~SCAPDRV_STR_FAULT_NULL;
	if (!uaddr) {
		scapdrv_put_bytes(e, null_ptr_str, sizeof(null_ptr_str));
		return;
	}
	p = scapdrv_param_begin(e, 1);
	if (!p)
		return;
	room = min_t(u64, e->end - e->pos, U16_MAX);
	if (max > room) {
		/* The string may not fit: read what fits; a string that fills it all
		 * did not fit, and the event is dropped rather than silently cut. */
		n = scapdrv_read_user_str((char *)p, (const void __user *)uaddr, room);
		if (n == room) {
			e->fail = e->room_fail;
			return;
		}
	} else {
		n = scapdrv_read_user_str((char *)p, (const void __user *)uaddr, max);
	}
	if (n < 0) {
		scapdrv_count_fault(e);
		n = 0;
		if (fault_null) {
			if (room < sizeof(null_ptr_str)) {
				e->fail = e->room_fail;
				return;
			}
			memcpy(p, null_ptr_str, sizeof(null_ptr_str));
			n = sizeof(null_ptr_str);
		}
	}
	scapdrv_param_end(e, n);
}

void scapdrv_put_user_buf(struct scapdrv_evt *e, unsigned long uaddr, u64 len)
{
	u8 *p;

	len = min_t(u64, len, e->snaplen);
	if (!uaddr)
		len = 0;
	p = scapdrv_param_begin(e, len);
	if (!p)
		return;
	if (len && scapdrv_read_user(p, (const void __user *)uaddr, len)) {
		scapdrv_count_fault(e);
		len = 0;
	}
	scapdrv_param_end(e, len);
}

void scapdrv_put_user_path(struct scapdrv_evt *e, unsigned long uaddr)
{
	scapdrv_put_user_str(e, uaddr, PATH_MAX);
}

u32 scapdrv_user_u32(struct scapdrv_evt *e, unsigned long uaddr)
{
	u32 v;

	if (!uaddr || scapdrv_read_user(&v, (const void __user *)uaddr, sizeof(v))) {
		if (uaddr)
			scapdrv_count_fault(e);
		return 0;
	}
	return v;
}

u64 scapdrv_user_u64(struct scapdrv_evt *e, unsigned long uaddr)
{
	u64 v;

	if (!uaddr || scapdrv_read_user(&v, (const void __user *)uaddr, sizeof(v))) {
		if (uaddr)
			scapdrv_count_fault(e);
		return 0;
	}
	return v;
}

/* iovecs read per step: a small stack batch. */
#define IOV_BATCH 8

u64 scapdrv_user_iov_len(struct scapdrv_evt *e, unsigned long uiov, unsigned long cnt)
{
	struct iovec v[IOV_BATCH];
	unsigned long i, n;
	u64 total = 0;

	cnt = min_t(unsigned long, cnt, UIO_MAXIOV);
	for (i = 0; i < cnt; i += n) {
		n = min_t(unsigned long, cnt - i, IOV_BATCH);
		if (scapdrv_read_user(v, (const void __user *)(uiov + i * sizeof(*v)),
				      n * sizeof(*v))) {
			scapdrv_count_fault(e);
			return 0;
		}
		while (n--)
			total += v[n].iov_len;
		n = min_t(unsigned long, cnt - i, IOV_BATCH);
	}
	return total;
}

void scapdrv_put_user_iov(struct scapdrv_evt *e, unsigned long uiov, unsigned long cnt,
			  u64 len)
{
	struct iovec v[IOV_BATCH];
	unsigned long i, j, n;
	u32 done = 0, want;
	u8 *p;

	len = min_t(u64, len, e->snaplen);
	if (!uiov)
		len = 0;
	p = scapdrv_param_begin(e, len);
	if (!p)
		return;
	cnt = min_t(unsigned long, cnt, UIO_MAXIOV);
	for (i = 0; i < cnt && done < len; i += n) {
		n = min_t(unsigned long, cnt - i, IOV_BATCH);
		if (scapdrv_read_user(v, (const void __user *)(uiov + i * sizeof(*v)),
				      n * sizeof(*v)))
			goto fault;
		for (j = 0; j < n && done < len; j++) {
			want = min_t(u64, v[j].iov_len, len - done);
			if (want && scapdrv_read_user(p + done, v[j].iov_base, want))
				goto fault;
			done += want;
		}
	}
	scapdrv_param_end(e, done);
	return;
fault:
	scapdrv_count_fault(e);
	scapdrv_param_end(e, done);
}
