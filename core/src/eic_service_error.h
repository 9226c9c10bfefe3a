/* Service errors (core, operations layer): an eic_error from a response
 * whose status is not 2xx, following reference/protocol.md "Errors".
 *
 * Reading an error never fails: whatever the body (JSON, a gateway's XML, an
 * HTML page, nothing, JSON too large for the token array), the caller gets
 * at least the HTTP status and a code. The code and the request id come
 * from the x-amzn-ErrorType and x-amzn-RequestId headers, the rest from a
 * JSON body, the status in digits being the code of last resort; with
 * EIC_WITH_BOTOCORE_ERROR_TEXT, an XML body, a generic 5xx's reason phrase
 * and a plain body are read too, as botocore does. Everything copied from the
 * response is sanitised, because codes and messages end up in logs and on a
 * terminal: a code keeps only [A-Za-z0-9._-]; Type, Reason and the request
 * id keep printable ASCII without spaces, quotes or backslashes; a message
 * keeps its UTF-8 with control characters turned into spaces and invalid
 * bytes into U+FFFD. A field too long for its array is cut at a character
 * boundary and err->truncated is set: an error is never lost for its length. */
#ifndef EIC_SERVICE_ERROR_H
#define EIC_SERVICE_ERROR_H

#include <stddef.h>

#include "eic/eic.h"

/* Zeroes err and records the HTTP status (0 when no response was involved). */
void eic_error_reset(eic_error *err, int http_status);

/* Fills err (reset first) from a response whose status is 100 to 999 (as
 * eic_response.c checks): code, kind, message, Type, Reason, request id and
 * Retry-After. The token array is scratch space for reading a JSON body; it
 * may be NULL. A pointer that is NULL counts as empty whatever its length
 * says. */
void eic_service_error_read(eic_error *err, const eic_response *response, eic_json_token *tokens,
                            size_t token_count);

#endif /* EIC_SERVICE_ERROR_H */
