/* SPDX-License-Identifier: Apache-2.0 */
/*
 * scap_bytes.h - read integers from event and block memory.
 *
 * Capture data is little endian (the scap format is written by x86-64/arm64 hosts
 * and read as stored) and fields are not aligned (the 26-byte event header packs
 * them): these helpers copy the bytes into a local instead of dereferencing a cast
 * pointer, which would be undefined behaviour on unaligned addresses.
 */
#ifndef SCAP_BYTES_H
#define SCAP_BYTES_H

#include <stdint.h>
#include <string.h>

/* @p: at least 2 bytes. Return: the u16 stored there. */
static inline uint16_t scap_get_u16(const void *p)
{
	uint16_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* @p: at least 4 bytes. Return: the u32 stored there. */
static inline uint32_t scap_get_u32(const void *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* @p: at least 8 bytes. Return: the u64 stored there. */
static inline uint64_t scap_get_u64(const void *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

#endif /* SCAP_BYTES_H */
