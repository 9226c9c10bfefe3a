/* eic-bench: figures, not tests. Prints what it measures; asserts nothing
 * about durations. One program, one mode per run:
 *
 *   eic-bench sign [--cold] [--iterations N] [--expect FILE]   (bench_sign.c)
 *   eic-bench parse-config [--iterations N]                    (bench_parse.c)
 *   eic-bench parse-list [--iterations N]                      (bench_parse.c)
 *   eic-bench calls --endpoint-url URL --function-name F ...   (bench_calls.c)
 *
 * The timed modes print "NAME: X ns/op (N iterations)"; tests/bench/
 * bench_sign.py adds instruction counts under callgrind and botocore's time. */
#include <stdio.h>
#include <string.h>

#include "bench.h"

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*run)(int argc, char **argv);
    } modes[] = {{"sign", bench_sign},
                 {"parse-config", bench_parse_config},
                 {"parse-list", bench_parse_list},
                 {"calls", bench_calls}};
    for (size_t i = 0; argc > 1 && i < sizeof modes / sizeof modes[0]; i++) {
        if (strcmp(argv[1], modes[i].name) == 0) {
            return modes[i].run(argc - 1, argv + 1);
        }
    }
    fputs("usage: eic-bench sign|parse-config|parse-list|calls [options]\n", stderr);
    return 2;
}
