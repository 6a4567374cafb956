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
 * open sets the module's excluded process to the opening one (SCAP_ABI_IOC_SET_EXCLUDE_TGID:
 * the module then produces none of its events, as the eBPF probe does; scry/scap_live.h),
 * then reads the system state the capture starts from (scap_engine_read_state(): threads
 * with their fds from /proc, users and groups from /etc, interfaces, machine info), after
 * the devices are mapped: scap_get_state() then reports it. With opts.start the capture
 * starts before the scan (a process created during the scan is in both, or at least in
 * the events); without it, only with scap_start(), so a process that appears between the
 * scan and the start is known from its first clone or execve on, or not at all.
 *
 * The live controls (scry/scap_live.h) are ioctls: the module's settings are global (one
 * capture session at a time, the devices open exclusively).
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

#include "scap_int.h"

#define KMOD_DEFAULT_PREFIX "/dev/scry"
#define KMOD_IDLE_NS 10000000L   /* sleep of next() when every ring is empty: 10 ms */
/* ABI 1.2: SCAP_ABI_IOC_SET_EXCLUDE_TGID, which open needs (1.1: modes, tracepoints). */
#define KMOD_ABI_MINOR_MIN 2

struct kmod_ring {
	int fd;                          /* -1: no device for this CPU */
	struct scap_abi_ring_ctl *ctl;   /* control page (shared with the kernel) */
	const uint8_t *data;             /* 2 * data_size bytes */
	uint64_t tail;                   /* our copy of ctl->tail */
	uint64_t head;                   /* last head loaded */
	/* Records moved out of the ring while the initial state was read (opts.start), in
	 * ring order; all older than what the ring holds, so served first. */
	struct scap_engine_backlog bl;
};

struct kmod {
	struct kmod_ring *rings;
	uint32_t nrings;
	uint64_t data_size;
	int last;                        /* ring of the record returned last, -1 none */
	uint32_t last_len;
	bool last_bl;                    /* ... and it came from that ring's backlog */
	int ctl_fd;                      /* the fd ioctls go to (ring 0's) */
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
		scap_engine_backlog_free(&r->bl);
	}
	free(k->rings);
	free(k);
	h->priv = NULL;
}

/* Message for a device that cannot be opened: what is wrong (the application says
 * what to do about it, by the code). */
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
		return scap_err(h, -err, "the scry kernel module is not loaded; open %s", dev);
	case EACCES:
	case EPERM:
		return scap_err(h, -err, "capturing needs root; open %s", dev);
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
	if (v.abi_major != SCAP_ABI_VERSION_MAJOR || v.abi_minor < KMOD_ABI_MINOR_MIN ||
	    v.schema_major != SCAP_SCHEMA_VERSION_MAJOR) {
		close(fd);
		return scap_err(h, -EPROTO,
				"version mismatch: the loaded scry kernel module (%s) has ABI %u.%u "
				"schema %u.%u, this libscap needs ABI %u.%u or a later %u.x, "
				"schema %u.x",
				dev, v.abi_major, v.abi_minor, v.schema_major, v.schema_minor,
				SCAP_ABI_VERSION_MAJOR, KMOD_ABI_MINOR_MIN, SCAP_ABI_VERSION_MAJOR,
				SCAP_SCHEMA_VERSION_MAJOR);
	}
	if (opts->ring_bytes && opts->ring_bytes != v.data_size) {
		close(fd);
		return scap_err(h, -EINVAL, "kmod: ring_bytes %llu, but the module's rings "
				"have %llu bytes (set when it is loaded: its ring_bytes parameter)",
				(unsigned long long)opts->ring_bytes,
				(unsigned long long)v.data_size);
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
	/* The opening process is left out (scry/scap_live.h): the scan below included. */
	if (ioctl(k->ctl_fd, SCAP_ABI_IOC_SET_EXCLUDE_TGID, (unsigned long)getpid()) < 0) {
		rc = scap_err(h, -errno, "kmod: excluding this process");
		goto err;
	}
	/* opts.start: capture from before the scan, so no process created meanwhile is missed */
	if (opts->start && ioctl(k->ctl_fd, SCAP_ABI_IOC_START, 0) < 0) {
		rc = scap_err(h, -errno, "kmod: start");
		goto err;
	}
	if (opts->start)
		scap_engine_capturing(h);
	rc = scap_engine_read_state(h, opts->start ? scan_progress : NULL, k);
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
		scap_engine_backlog_consume(&r->bl, k->last_len);
		return;
	}
	r->tail += k->last_len;
	__atomic_store_n(&r->ctl->tail, r->tail, __ATOMIC_RELEASE);
}

/*
 * While the initial state is read with the capture started, the other processes'
 * events would fill the rings (the scan's own are not produced: the opening process is
 * excluded): every so often, move the pending records out of the rings into per-ring
 * backlogs. A record that does not look whole is left in the ring for next()
 * to report. Memory for the backlog that cannot be had stops the moving (the ring then
 * fills and drops, counted by the driver).
 */
static void drain_aside(struct kmod *k)
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
			if (scap_engine_backlog_add(&r->bl, rec, hdr.len, hdr.len) < 0)
				break;
			r->tail += hdr.len;
		}
		__atomic_store_n(&r->ctl->tail, r->tail, __ATOMIC_RELEASE);
	}
}

static void scan_progress(void *ctx)
{
	drain_aside(ctx);
}

/* Timestamp of the next record of ring @i, or false when it has none (the merge's peek). */
static bool ring_peek(void *ctx, uint32_t i, uint64_t *ts)
{
	struct kmod *k = ctx;
	struct kmod_ring *r = &k->rings[i];

	if (r->fd < 0)
		return false;
	if (r->bl.off < r->bl.len) {
		memcpy(ts, r->bl.buf + r->bl.off, sizeof(*ts));
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

	release_last(k);
	best = scap_engine_merge_oldest(k->nrings, ring_peek, k, KMOD_IDLE_NS);
	if (best < 0)
		return SCAP_TIMEOUT;

	r = &k->rings[best];
	if (r->bl.off < r->bl.len) {
		rec = r->bl.buf + r->bl.off;
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

/* Add the counters of ring @i (none when it is not mapped) to *out. */
static void kmod_ring_stats(const struct kmod *k, uint32_t i, struct scap_stats *out)
{
	const struct scap_abi_ring_ctl *c = k->rings[i].ctl;

	if (!c)
		return;
	out->n_evts += __atomic_load_n(&c->n_evts, __ATOMIC_RELAXED);
	out->n_drop_full += __atomic_load_n(&c->n_drop_full, __ATOMIC_RELAXED);
	out->n_drop_pf += __atomic_load_n(&c->n_drop_pf, __ATOMIC_RELAXED);
	out->n_drop_big += __atomic_load_n(&c->n_drop_big, __ATOMIC_RELAXED);
	out->n_drop_nest += __atomic_load_n(&c->n_drop_nest, __ATOMIC_RELAXED);
}

static int kmod_get_stats(struct scap *h, struct scap_stats *out)
{
	struct kmod *k = h->priv;

	for (uint32_t i = 0; i < k->nrings; i++)
		kmod_ring_stats(k, i, out);
	out->ncpus = k->nrings;
	out->ring_bytes = k->data_size;
	return 0;
}

static int kmod_get_cpu_stats(struct scap *h, uint32_t cpu, struct scap_stats *out)
{
	struct kmod *k = h->priv;

	if (cpu >= k->nrings)
		return scap_err(h, -EINVAL, "kmod: no ring for CPU %u (%u rings)", cpu, k->nrings);
	kmod_ring_stats(k, cpu, out);
	out->ncpus = k->nrings;
	out->ring_bytes = k->data_size;
	return 0;
}

static int kmod_set_snaplen(struct scap *h, uint32_t bytes)
{
	return kmod_ioctl(h, SCAP_ABI_IOC_SET_SNAPLEN, bytes, "set snaplen");
}

static int kmod_set_syscalls(struct scap *h, const uint64_t *bits)
{
	struct scap_abi_sc_set set;

	memcpy(set.bits, bits, sizeof(set.bits));
	return kmod_ioctl(h, SCAP_ABI_IOC_SET_SYSCALLS, (unsigned long)&set, "set syscalls");
}

static int kmod_set_mode(struct scap *h, uint32_t mode)
{
	return kmod_ioctl(h, SCAP_ABI_IOC_SET_MODE, mode, "set capture mode");
}

static int kmod_set_tracepoints(struct scap *h, uint32_t mask)
{
	return kmod_ioctl(h, SCAP_ABI_IOC_SET_TRACEPOINTS, mask, "set optional tracepoints");
}

static int kmod_set_exclude_tgid(struct scap *h, uint32_t tgid)
{
	return kmod_ioctl(h, SCAP_ABI_IOC_SET_EXCLUDE_TGID, tgid, "set the excluded process");
}

const struct scap_engine_ops scap_kmod_ops = {
	.sz = sizeof(struct scap_engine_ops),
	.name = "kmod",
	.open = kmod_open,
	.close = kmod_close,
	.next = kmod_next,
	.start = kmod_start,
	.stop = kmod_stop,
	.get_stats = kmod_get_stats,
	.get_cpu_stats = kmod_get_cpu_stats,
	.set_snaplen = kmod_set_snaplen,
	.set_syscalls = kmod_set_syscalls,
	.set_mode = kmod_set_mode,
	.set_tracepoints = kmod_set_tracepoints,
	.set_exclude_tgid = kmod_set_exclude_tgid,
};
