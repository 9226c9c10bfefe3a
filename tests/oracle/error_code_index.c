/* error_code_index (tests/oracle): prints eic's index of each error code read
 * from stdin, one per line, as `INDEX CODE`. check_error_codes.py feeds it
 * every code botocore's service models name. */
#include <stdio.h>
#include <string.h>

#include "eic_retry.h"

int main(void)
{
    char line[512];
    while (fgets(line, sizeof line, stdin) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        printf("%d %s\n", eic_retry_code_index(line), line);
    }
    return 0;
}
