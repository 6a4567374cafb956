/* SPDX-License-Identifier: Apache-2.0 */
/*
 * counts.h - the bpf engine's side of the probe's per-process counters
 * (driver/bpf/counters.h): each CPU's table of counter slots, mapped, and the hash map
 * of the processes whose slot another one has; read summed, deleted from both.
 */
#ifndef SCAP_BPF_COUNTS_H
#define SCAP_BPF_COUNTS_H

#include <stddef.h>
#include <stdint.h>

#include <scry/scap_engine.h>
#include <scry/scap_live.h>

#include <driver/bpf/scapbpf.h>

struct bpf_cnt {
	struct scapbpf_cnt_slots *slots; /* the mapping: one table per possible CPU */
	size_t map_len;                  /* its bytes */
	uint32_t ncpus;
	int hash_fd;                     /* the map "scapbpf_cnt" */
};

/* Map the slot tables of the loaded probe (array map @slots_fd, @ncpus entries) and
 * keep @hash_fd. Return: 0; -errno mapping (the message in @h). */
int bpf_cnt_open(scap_t *h, struct bpf_cnt *k, int slots_fd, int hash_fd, uint32_t ncpus);

/* Unmap what bpf_cnt_open() mapped (a zeroed @k: nothing). */
void bpf_cnt_close(struct bpf_cnt *k);

/* scap_counts_foreach() of the bpf engine: each process once, its slots and its entry
 * summed, by increasing tgid. Return: as scap_counts_foreach(); -ENOMEM. */
int bpf_cnt_foreach(scap_t *h, struct bpf_cnt *k, scap_counts_fn fn, void *ctx);

/* scap_counts_delete() of the bpf engine: the entry and every slot of @tgid. */
int bpf_cnt_delete(scap_t *h, struct bpf_cnt *k, uint32_t tgid);

#endif /* SCAP_BPF_COUNTS_H */
