/* JSON writing (core, encoding layer): the compact body of Put and Update. */
#ifndef EIC_JSON_WRITE_H
#define EIC_JSON_WRITE_H

#include <stddef.h>

#include "eic/eic.h"
#include "eic_sink.h"

/* The names of a request's members, NUL-separated, in the order the build
 * half checks them: FunctionName, Qualifier, Marker, MaxItems,
 * MaximumRetryAttempts, MaximumEventAgeInSeconds,
 * DestinationConfig.OnSuccess.Destination and
 * DestinationConfig.OnFailure.Destination. They are also the query's names
 * and, split at the dots, the body's keys: one copy of each in flash. */
extern const char eic_member_names[];

/* Where each name starts in eic_member_names. */
enum {
    EIC_NAME_FUNCTION_NAME = 0,
    EIC_NAME_QUALIFIER = 13,
    EIC_NAME_MARKER = 23,
    EIC_NAME_MAX_ITEMS = 30,
    EIC_NAME_RETRY_ATTEMPTS = 39,
    EIC_NAME_EVENT_AGE = 60,
    EIC_NAME_ON_SUCCESS = 85,
    EIC_NAME_ON_FAILURE = 125
};

/* A JSON string in quotes: `"` and `\` escaped, every control character
 * and DEL as \u00XX, upper-case hex (validation refuses them in every input: this only keeps
 * the JSON valid whatever it is given), other bytes, UTF-8 included, as
 * they are. */
void eic_json_write_string(eic_sink *k, const char *s, size_t len);

/* The request body: only the members that are set, `{}` when none is.
 * The request must have been validated. */
void eic_json_write_config_body(eic_sink *k, const eic_put_request *r);

#endif /* EIC_JSON_WRITE_H */
