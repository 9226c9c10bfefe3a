/* Validation of request members against the Lambda model (core, model
 * layer), before any byte is written. Each check returns EIC_OK or the
 * status that names the fault: EIC_ERR_INVALID_ARGUMENT (shape, characters,
 * NULL), EIC_ERR_FIELD_TOO_LONG (length) or EIC_ERR_OUT_OF_RANGE (numbers).
 * Never stricter than the service: where the model allows a character, so do
 * these. Control characters are refused everywhere: no input may split a
 * request or inject a header. */
#ifndef EIC_VALIDATE_H
#define EIC_VALIDATE_H

#include "eic/eic.h"

/* my-function, my-function:alias, 123456789012:function:my-function, or
 * arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]; at most 256
 * characters, the name part at most 64; "." and ".." are refused because
 * path normalisation would change them. */
eic_status eic_validate_function_name(const char *s);

/* $LATEST, $LATEST.PUBLISHED or [A-Za-z0-9_$-], 1..128 characters. */
eic_status eic_validate_qualifier(const char *s);

/* "" (no destination), kafka://..., or arn:PARTITION:SERVICE:REGION?:ACCOUNT?:
 * RESOURCE where the resource may hold any character but a control one;
 * at most 350 characters (not bytes) of valid UTF-8. */
eic_status eic_validate_destination(const char *s);

/* An opaque pagination marker: valid UTF-8, no control character, at most
 * EIC_MARKER_MAX bytes. */
eic_status eic_validate_marker(const char *s);

/* The text checks above by kind, for a caller that checks several members
 * in a loop: any kind past EIC_CHECK_MARKER is a destination. */
enum {
    EIC_CHECK_FUNCTION_NAME,
    EIC_CHECK_QUALIFIER,
    EIC_CHECK_MARKER,
    EIC_CHECK_DESTINATION
};
eic_status eic_validate_text(unsigned kind, const char *s);

/* An absent value passes; a present one must lie in [min, max] (min <= max).
 * Inline: at its one call, in a loop, a call costs more than the compare. */
static inline eic_status eic_validate_range(eic_optional_int v, int32_t min, int32_t max)
{
    /* One unsigned compare: below min wraps to above max - min. */
    return !v.is_set || (uint32_t)v.value - (uint32_t)min <= (uint32_t)max - (uint32_t)min
               ? EIC_OK
               : EIC_ERR_OUT_OF_RANGE;
}

#endif /* EIC_VALIDATE_H */
