/* SPDX-License-Identifier: Apache-2.0 */
/*
 * replay_open.h - open what `scry -r` and `scry top -r` read: a capture file, "-"
 * (standard input), or a host's capture on a bus (nats://..., kafka://...: the stream
 * engine of scap_stream, docs/collect.md).
 */
#ifndef SCRY_REPLAY_OPEN_H
#define SCRY_REPLAY_OPEN_H

#include <scry/sinsp.h>

/*
 * scry_replay_open() - open @path with sinsp. A capture is untrusted input: a file is
 * opened with the caller's capabilities (a file only root can read), then every
 * capability but @keep_cap goes (CAP_LAST_CAP + 1: none; CAP_DAC_OVERRIDE for a -w that
 * creates files) before its first byte is parsed.
 * @path: [in] a file path, "-" or a bus URL (scry_publish_is()).
 * @o:    [in,out] the inspector's options; its scap member is set here (pointing at
 *        storage of this call: do not keep it past the call).
 * @out:  [out] the inspector, the caller's to sinsp_close().
 * Return: 0; 1 with the reason on stderr ("scry: PATH: why"): the file does not open,
 * the capabilities do not drop, this scry was built without scap_stream for a URL, or
 * sinsp_open() fails (its message names the file or the bus).
 */
int scry_replay_open(const char *path, int keep_cap, struct sinsp_open_opts *o, sinsp_t **out);

#endif /* SCRY_REPLAY_OPEN_H */
