/* scry_opens: print the files a capture's processes opened, with libsinsp. */
#include <stdio.h>
#include <scry/sinsp.h>
#include <scry/sinsp_filter.h>

int main(int argc, char **argv)
{
	char err[SCAP_ERRBUF_SIZE];
	sinsp_t *s;
	struct sinsp_filter *f;
	struct sinsp_formatter *fmt;
	struct sinsp_evt *evt;
	const char *line;
	int rc, n = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: %s CAPTURE.scap\n", argv[0]);
		return 2;
	}
	SCAP_OPTS(scap_open_opts, so, .path = argv[1]);
	SCAP_OPTS(sinsp_open_opts, o, .scap = &so);
	if (sinsp_open(&o, &s, err) < 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	if (sinsp_filter_compile(s, "evt.type in (open, openat) and evt.dir = <", &f) < 0 ||
	    sinsp_set_filter(s, f) < 0 ||
	    sinsp_formatter_new(s, "%proc.name %fd.name", SINSP_OUTPUT_TEXT, &fmt) < 0) {
		fprintf(stderr, "%s\n", sinsp_last_error(s));
		return 1;
	}
	while ((rc = sinsp_next(s, &evt)) == 0 || rc == SCAP_TIMEOUT) {
		if (rc == 0 && sinsp_formatter_render(fmt, evt, &line, NULL) == 1) {
			printf("%s %s\n", scap_evt_info(sinsp_evt_raw(evt)->type)->name, line);
			n++;
		}
	}
	if (rc < 0)
		fprintf(stderr, "%s\n", sinsp_last_error(s));
	printf("opens: %d\n", n);
	sinsp_formatter_free(fmt);
	sinsp_filter_free(f);
	sinsp_close(s);
	return rc < 0;
}
