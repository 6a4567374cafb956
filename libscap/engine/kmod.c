/* SPDX-License-Identifier: Apache-2.0 */
/*
 * kmod.c - the kmod engine: live events from scry.ko's per-CPU rings.
 *
 * open maps every CPU's /dev/scryN (control page read-write, data twice back to back
 * read-only; layout and barrier contract in driver/abi/scap_abi.h) after checking the
 * module's ABI and schema versions. next() merges the per-CPU streams: it returns the
 * pending record with the smallest timestamp across all rings. The record returned last
 * is consumed (tail advanced) on the following next(), so its memory, which is the ring
 * itself, stays valid until then.
 *
 * Each ring is in timestamp order (the driver stamps and writes a record with
 * preemption off), so each thread's events are. Across CPUs the order is that of what
 * is published: the driver takes a record's timestamp before filling it, and a record
 * another CPU is still writing is not visible yet, so next() may hand out a later
 * record of another CPU before it. The window is the filler's run (microseconds), or
 * as long as the host keeps a virtual CPU descheduled: under qemu TCG on a loaded host,
 * about 1 record in 200-600 came 10-20 ms late. Closing it would take a per-ring
 * "record in flight since T" mark in the control page for the merge to wait on.
 *
 * open also reads the system state the capture starts from (proc_scan.h: threads with
 * their fds from /proc, users and groups from /etc, interfaces, machine info), after the
 * devices are mapped: scap_get_state() then reports it. With opts.start the capture
 * starts before the scan (a process created during the scan is in both, or at least in
 * the events); without it, only with scap_start(), so a process that appears between the
 * scan and the start is known from its first clone or execve on, or not at all.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <scry/scap_kmod.h>

#include "merge.h"
#include "proc_scan.h"
#include "scap_int.h"

#define KMOD_DEFAULT_PREFIX "/dev/scry"
#define KMOD_IDLE_NS 10000000L   /* sleep of next() when every ring is empty: 10 ms */

struct kmod_ring {
	int fd;                          /* -1: no device for this CPU */
	struct scap_abi_ring_ctl *ctl;   /* control page (shared with the kernel) */
	const uint8_t *data;             /* 2 * data_size bytes */
	uint64_t tail;                   /* our copy of ctl->tail */
	uint64_t head;                   /* last head loaded */
	/* Records moved out of the ring while the initial state was read (opts.start), in
	 * ring order; all older than what the ring holds, so served first. */
	uint8_t *bl;
	size_t bl_len, bl_cap, bl_off;
};

struct kmod {
	struct kmod_ring *rings;
	uint32_t nrings;
	uint64_t data_size;
	int last;                        /* ring of the record returned last, -1 none */
	uint32_t last_len;
	bool last_bl;                    /* ... and it came from that ring's backlog */
	int ctl_fd;                      /* the fd ioctls go to (ring 0's) */
	uint64_t exclude_tid;            /* events of this thread are skipped; 0 none */
	struct scap_sys_scan_stats scan; /* the initial state scan */
};

static void kmod_close(struct scap *h)
{
	struct kmod *k = h->priv;
	uint32_t i;

	if (!k)
		return;
	for (i = 0; i < k->nrings; i++) {
		struct kmod_ring *r = &k->rings[i];

		if (r->data)
			munmap((void *)r->data, 2 * k->data_size);
		if (r->ctl)
			munmap(r->ctl, SCAP_ABI_RING_CTL_LEN);
		if (r->fd >= 0)
			close(r->fd);
		free(r->bl);
	}
	free(k->rings);
	free(k);
	h->priv = NULL;
}

/* Message for a device that cannot be opened: what the user should do. */
static int open_error(struct scap *h, const char *dev, int err)
{
	switch (err) {
	case ENOENT:
	case ENXIO:
	case ENODEV:
		if (access("/sys/module/scry", F_OK) == 0)
			return scap_err(h, -err,
					"the scry kernel module is loaded but its device is "
					"missing (no devtmpfs or udev?); open %s", dev);
		return scap_err(h, -err,
				"the scry kernel module is not loaded: run scry --driver load "
				"(as root), or install it with DKMS; open %s", dev);
	case EACCES:
	case EPERM:
		return scap_err(h, -err,
				"capturing needs root: run scry as root (e.g. sudo scry); open %s",
				dev);
	case EBUSY:
		return scap_err(h, -err, "open %s (another capture is reading it)", dev);
	default:
		return scap_err(h, -err, "open %s", dev);
	}
}

static int map_ring(struct scap *h, struct kmod *k, struct kmod_ring *r, const char *dev)
{
	void *p;

	p = mmap(NULL, SCAP_ABI_RING_CTL_LEN, PROT_READ | PROT_WRITE, MAP_SHARED, r->fd, 0);
	if (p == MAP_FAILED)
		return scap_err(h, -errno, "mmap control page of %s", dev);
	r->ctl = p;
	if (r->ctl->version != SCAP_ABI_RING_VERSION ||
	    r->ctl->ctl_size < sizeof(struct scap_abi_ring_ctl) ||
	    r->ctl->data_size != k->data_size)
		return scap_err(h, -EPROTO,
				"%s: ring version %u (size %u, %llu data bytes), expected version %u",
				dev, r->ctl->version, r->ctl->ctl_size,
				(unsigned long long)r->ctl->data_size, SCAP_ABI_RING_VERSION);
	p = mmap(NULL, 2 * k->data_size, PROT_READ, MAP_SHARED, r->fd, SCAP_ABI_RING_CTL_LEN);
	if (p == MAP_FAILED)
		return scap_err(h, -errno, "mmap ring data of %s", dev);
	r->data = p;
	r->tail = __atomic_load_n(&r->ctl->tail, __ATOMIC_RELAXED);
	r->head = r->tail;
	return 0;
}

static void scan_progress(void *ctx);

static int kmod_open(struct scap *h, const struct scap_open_opts *opts)
{
	const char *prefix = opts->path ? opts->path : KMOD_DEFAULT_PREFIX;
	struct scap_abi_versions v;
	char dev[256];
	struct kmod *k;
	uint32_t i;
	int rc, fd;

	snprintf(dev, sizeof(dev), "%s0", prefix);
	fd = open(dev, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return open_error(h, dev, errno);
	memset(&v, 0, sizeof(v));
	if (ioctl(fd, SCAP_ABI_IOC_GET_VERSIONS, &v) < 0) {
		rc = scap_err(h, -errno, "%s: reading the driver versions", dev);
		close(fd);
		return rc;
	}
	if (v.abi_major != SCAP_ABI_VERSION_MAJOR || v.schema_major != SCAP_SCHEMA_VERSION_MAJOR) {
		close(fd);
		return scap_err(h, -EPROTO,
				"version mismatch: the loaded scry kernel module (%s) has ABI %u.%u "
				"schema %u.%u, this scry needs ABI %u.x schema %u.x: unload it "
				"(scry --driver unload) and load the scry.ko built with this scry",
				dev, v.abi_major, v.abi_minor, v.schema_major, v.schema_minor,
				SCAP_ABI_VERSION_MAJOR, SCAP_SCHEMA_VERSION_MAJOR);
	}
	if (!v.ncpus || v.ncpus > 65536 || !v.data_size || (v.data_size & (v.data_size - 1))) {
		close(fd);
		return scap_err(h, -EPROTO, "%s: implausible ring geometry: %u CPUs, %llu bytes",
				dev, v.ncpus, (unsigned long long)v.data_size);
	}

	k = calloc(1, sizeof(*k));
	if (k)
		k->rings = calloc(v.ncpus, sizeof(*k->rings));
	if (!k || !k->rings) {
		free(k);
		close(fd);
		return scap_err(h, -ENOMEM, "kmod: %u rings", v.ncpus);
	}
	h->priv = k;
	k->nrings = v.ncpus;
	k->data_size = v.data_size;
	k->last = -1;
	k->ctl_fd = fd;
	for (i = 0; i < k->nrings; i++)
		k->rings[i].fd = -1;
	k->rings[0].fd = fd;
	for (i = 0; i < k->nrings; i++) {
		struct kmod_ring *r = &k->rings[i];

		snprintf(dev, sizeof(dev), "%s%u", prefix, i);
		if (i > 0) {
			r->fd = open(dev, O_RDWR | O_CLOEXEC);
			/* A CPU that is not possible has no device: skip it. */
			if (r->fd < 0 && (errno == ENOENT || errno == ENXIO))
				continue;
			if (r->fd < 0) {
				rc = open_error(h, dev, errno);
				goto err;
			}
		}
		rc = map_ring(h, k, r, dev);
		if (rc < 0)
			goto err;
	}
	/* opts.start: capture from before the scan, so no process created meanwhile is missed */
	if (opts->start && ioctl(k->ctl_fd, SCAP_ABI_IOC_START, 0) < 0) {
		rc = scap_err(h, -errno, "kmod: start");
		goto err;
	}
	rc = scap_live_state(h, opts->start ? scan_progress : NULL, k, &k->scan);
	if (rc < 0)
		goto err;
	return 0;

err:
	kmod_close(h);
	return rc;
}

/* Consume the record returned last: the kernel may now overwrite it (D in the ABI). */
static void release_last(struct kmod *k)
{
	struct kmod_ring *r;

	if (k->last < 0)
		return;
	r = &k->rings[k->last];
	k->last = -1;
	if (k->last_bl) {
		r->bl_off += k->last_len;
		if (r->bl_off >= r->bl_len) {
			free(r->bl);
			r->bl = NULL;
			r->bl_len = r->bl_cap = r->bl_off = 0;
		}
		return;
	}
	r->tail += k->last_len;
	__atomic_store_n(&r->ctl->tail, r->tail, __ATOMIC_RELEASE);
}

/*
 * While the initial state is read with the capture started, the scan's own syscalls
 * (dozens per thread scanned) would fill the rings: every so often, move the pending
 * records out of the rings into per-ring backlogs, leaving out those of @self (the
 * scanning thread). A record that does not look whole is left in the ring for next()
 * to report. Memory for the backlog that cannot be had stops the moving (the ring then
 * fills and drops, counted by the driver).
 */
static void drain_aside(struct kmod *k, uint64_t self)
{
	for (uint32_t i = 0; i < k->nrings; i++) {
		struct kmod_ring *r = &k->rings[i];
		struct scap_abi_evt_hdr hdr;
		const uint8_t *rec;

		if (r->fd < 0)
			continue;
		r->head = __atomic_load_n(&r->ctl->head, __ATOMIC_ACQUIRE);
		while (r->tail != r->head) {
			rec = r->data + (r->tail & (k->data_size - 1));
			memcpy(&hdr, rec, sizeof(hdr));
			if (hdr.len < SCAP_ABI_EVT_HDR_LEN || hdr.len > r->head - r->tail)
				break;
			if (hdr.tid != self) {
				if (r->bl_len + hdr.len > r->bl_cap) {
					size_t ncap = r->bl_cap ? r->bl_cap * 2 : 1 << 20;
					uint8_t *p;

					while (ncap < r->bl_len + hdr.len)
						ncap *= 2;
					p = realloc(r->bl, ncap);
					if (!p)
						break;
					r->bl = p;
					r->bl_cap = ncap;
				}
				memcpy(r->bl + r->bl_len, rec, hdr.len);
				r->bl_len += hdr.len;
			}
			r->tail += hdr.len;
		}
		__atomic_store_n(&r->ctl->tail, r->tail, __ATOMIC_RELEASE);
	}
}

static void scan_progress(void *ctx)
{
	drain_aside(ctx, (uint64_t)gettid());
}

/* Timestamp of the next record of ring @i, or false when it has none (merge.h). */
static bool ring_peek(void *ctx, uint32_t i, uint64_t *ts)
{
	struct kmod *k = ctx;
	struct kmod_ring *r = &k->rings[i];

	if (r->fd < 0)
		return false;
	if (r->bl_off < r->bl_len) {
		memcpy(ts, r->bl + r->bl_off, sizeof(*ts));
		return true;
	}
	if (r->tail == r->head)
		r->head = __atomic_load_n(&r->ctl->head, __ATOMIC_ACQUIRE);   /* C */
	if (r->tail == r->head)
		return false;
	memcpy(ts, r->data + (r->tail & (k->data_size - 1)), sizeof(*ts));
	return true;
}

static int kmod_next(struct scap *h, struct scap_evt_ref *out)
{
	struct kmod *k = h->priv;
	struct scap_abi_evt_hdr hdr;
	const uint8_t *rec;
	struct kmod_ring *r;
	int best;

again:
	release_last(k);
	best = scap_merge_oldest(k->nrings, ring_peek, k, KMOD_IDLE_NS);
	if (best < 0)
		return SCAP_TIMEOUT;

	r = &k->rings[best];
	if (r->bl_off < r->bl_len) {
		rec = r->bl + r->bl_off;
		memcpy(&hdr, rec, sizeof(hdr));
		k->last = best;
		k->last_len = hdr.len;
		k->last_bl = true;
		goto found;
	}
	rec = r->data + (r->tail & (k->data_size - 1));
	memcpy(&hdr, rec, sizeof(hdr));
	if (hdr.len < SCAP_ABI_EVT_HDR_LEN || hdr.len > r->head - r->tail ||
	    hdr.len > k->data_size)
		return scap_err(h, -EPROTO,
				"kmod: CPU %d: record of %u bytes at ring offset %llu, %llu bytes pending",
				best, hdr.len, (unsigned long long)r->tail,
				(unsigned long long)(r->head - r->tail));
	k->last = best;
	k->last_len = hdr.len;
	k->last_bl = false;
found:
	if (k->exclude_tid && hdr.tid == k->exclude_tid)
		goto again;
	out->raw = rec;
	out->len = hdr.len;
	out->ts_ns = hdr.ts;
	out->tid = hdr.tid;
	out->type = hdr.type;
	out->nparams = hdr.nparams;
	out->cpu = (uint16_t)best;
	out->flags = 0;
	out->offset = 0;
	return 0;
}

static int kmod_ioctl(struct scap *h, unsigned long cmd, unsigned long arg, const char *what)
{
	struct kmod *k = h->priv;

	if (ioctl(k->ctl_fd, cmd, arg) < 0)
		return scap_err(h, -errno, "kmod: %s", what);
	return 0;
}

static int kmod_start(struct scap *h)
{
	return kmod_ioctl(h, SCAP_ABI_IOC_START, 0, "start");
}

static int kmod_stop(struct scap *h)
{
	return kmod_ioctl(h, SCAP_ABI_IOC_STOP, 0, "stop");
}

const struct scap_engine_ops scap_kmod_ops = {
	.name = "kmod",
	.open = kmod_open,
	.close = kmod_close,
	.next = kmod_next,
	.start = kmod_start,
	.stop = kmod_stop,
};

/* 0 when @h is a kmod handle; else -EINVAL (NULL) or -ENOTSUP with "engine X has no @what". */
static int kmod_handle(scap_t *h, const char *what)
{
	if (!h)
		return -EINVAL;
	if (h->ops != &scap_kmod_ops)
		return scap_err(h, -ENOTSUP, "engine %s has no %s", h->ops->name, what);
	return 0;
}

int scap_kmod_get_stats(scap_t *h, struct scap_kmod_stats *out)
{
	struct scap_kmod_stats s;
	struct kmod *k;
	size_t sz;
	uint32_t i;
	int rc = kmod_handle(h, "driver statistics");

	if (rc)
		return rc;
	if (!out || out->sz < sizeof(size_t))
		return -EINVAL;
	k = h->priv;
	memset(&s, 0, sizeof(s));
	for (i = 0; i < k->nrings; i++) {
		const struct scap_abi_ring_ctl *c = k->rings[i].ctl;

		if (!c)
			continue;
		s.n_evts += __atomic_load_n(&c->n_evts, __ATOMIC_RELAXED);
		s.n_drop_full += __atomic_load_n(&c->n_drop_full, __ATOMIC_RELAXED);
		s.n_drop_pf += __atomic_load_n(&c->n_drop_pf, __ATOMIC_RELAXED);
		s.n_drop_big += __atomic_load_n(&c->n_drop_big, __ATOMIC_RELAXED);
		s.n_drop_nest += __atomic_load_n(&c->n_drop_nest, __ATOMIC_RELAXED);
	}
	s.ncpus = k->nrings;
	s.ring_bytes = k->data_size;
	sz = out->sz < sizeof(s) ? out->sz : sizeof(s);
	memcpy((char *)out + sizeof(size_t), (char *)&s + sizeof(size_t), sz - sizeof(size_t));
	return 0;
}

int scap_kmod_set_snaplen(scap_t *h, uint32_t snaplen)
{
	int rc = kmod_handle(h, "snaplen");

	if (rc)
		return rc;
	if (snaplen < 1 || snaplen > SCAP_ABI_SNAPLEN_MAX)
		return scap_err(h, -EINVAL, "kmod: snaplen %u outside 1..%u", snaplen,
				SCAP_ABI_SNAPLEN_MAX);
	return kmod_ioctl(h, SCAP_ABI_IOC_SET_SNAPLEN, snaplen, "set snaplen");
}

_Static_assert(SCAP_KMOD_MODE_EXIT_ONLY == SCAP_ABI_MODE_EXIT_ONLY, "mode bits");
_Static_assert(SCAP_KMOD_TP_SCHED_SWITCH == SCAP_ABI_TP_SCHED_SWITCH &&
	       SCAP_KMOD_TP_SIGNAL_DELIVER == SCAP_ABI_TP_SIGNAL_DELIVER &&
	       SCAP_KMOD_TP_PAGE_FAULT == SCAP_ABI_TP_PAGE_FAULT, "tracepoint bits");

/* A driver setting that is a bit set: -EINVAL for bits outside @known, else the ioctl. */
static int kmod_set_bits(scap_t *h, const char *what, unsigned long cmd, uint32_t v,
			 uint32_t known)
{
	int rc = kmod_handle(h, what);

	if (rc)
		return rc;
	if (v & ~known)
		return scap_err(h, -EINVAL, "kmod: unknown %s bits 0x%x", what, v & ~known);
	return kmod_ioctl(h, cmd, v, what);
}

int scap_kmod_set_mode(scap_t *h, uint32_t mode)
{
	return kmod_set_bits(h, "capture mode", SCAP_ABI_IOC_SET_MODE, mode, SCAP_ABI_MODE_ALL);
}

int scap_kmod_set_tracepoints(scap_t *h, uint32_t mask)
{
	return kmod_set_bits(h, "optional tracepoints", SCAP_ABI_IOC_SET_TRACEPOINTS, mask,
			     SCAP_ABI_TP_ALL);
}

int scap_kmod_set_syscalls(scap_t *h, const uint64_t *bits, size_t nwords)
{
	struct scap_abi_sc_set set;
	int rc = kmod_handle(h, "syscall set");

	if (rc)
		return rc;
	if (!bits)
		return -EINVAL;
	memset(&set, 0, sizeof(set));
	if (nwords > sizeof(set.bits) / sizeof(set.bits[0]))
		nwords = sizeof(set.bits) / sizeof(set.bits[0]);
	memcpy(set.bits, bits, nwords * sizeof(bits[0]));
	return kmod_ioctl(h, SCAP_ABI_IOC_SET_SYSCALLS, (unsigned long)&set, "set syscalls");
}

int scap_kmod_set_exclude_tid(scap_t *h, uint64_t tid)
{
	int rc = kmod_handle(h, "threads to exclude");

	if (rc)
		return rc;
	((struct kmod *)h->priv)->exclude_tid = tid;
	return 0;
}

int scap_kmod_get_scan_stats(scap_t *h, struct scap_kmod_scan_stats *out)
{
	struct scap_kmod_scan_stats s;
	struct kmod *k;
	size_t sz;
	int rc = kmod_handle(h, "system state scan");

	if (rc)
		return rc;
	if (!out || out->sz < sizeof(size_t))
		return -EINVAL;
	k = h->priv;
	memset(&s, 0, sizeof(s));
	s.nprocs = k->scan.nprocs;
	s.nthreads = k->scan.nthreads;
	s.nfds = k->scan.nfds;
	s.nskipped = k->scan.nskipped;
	s.nnetns = k->scan.nnetns;
	s.elapsed_ns = k->scan.elapsed_ns;
	sz = out->sz < sizeof(s) ? out->sz : sizeof(s);
	memcpy((char *)out + sizeof(size_t), (char *)&s + sizeof(size_t), sz - sizeof(size_t));
	return 0;
}
