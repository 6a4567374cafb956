/* SPDX-License-Identifier: Apache-2.0 */
/*
 * render CAPTURE FORMAT: prints every event of CAPTURE that `scry -r CAPTURE -p FORMAT`
 * prints, through libsinsp. Built by scripts/package-test.sh against the installed
 * libscry-dev (pkg-config libsinsp, shared and static), which compares its output with
 * the installed scry's. Exit status: 0 ok, 1 error, 2 usage.
 */
#include <stdio.h>
#include <string.h>

#include <scry/sinsp.h>

int main(int argc, char **argv)
{
	char err[SCAP_ERRBUF_SIZE] = "";
	struct sinsp_formatter *fmt = NULL;
	struct sinsp_evt *evt;
	sinsp_t *s = NULL;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: %s CAPTURE FORMAT\n", argv[0]);
		return 2;
	}
	SCAP_OPTS(scap_open_opts, scap_opts, .path = argv[1]);
	struct sinsp_open_opts opts = { .sz = sizeof(opts), .scap = &scap_opts };
	rc = sinsp_open(&opts, &s, err);
	if (rc) {
		fprintf(stderr, "render: %s: %s\n", argv[1], err);
		return 1;
	}
	rc = sinsp_formatter_new(s, argv[2], SINSP_OUTPUT_TEXT, &fmt);
	while (rc == 0 && (rc = sinsp_next(s, &evt)) == 0) {
		const char *line;

		if (!sinsp_evt_is_hidden(evt) && sinsp_formatter_render(fmt, evt, &line, NULL) == 1)
			printf("%s\n", line);
	}
	if (rc != SCAP_EOF)
		fprintf(stderr, "render: %s: %s (%d)\n", argv[1], sinsp_last_error(s), rc);
	sinsp_formatter_free(fmt);
	sinsp_close(s);
	return rc == SCAP_EOF ? 0 : 1;
}
