/* The build half's one entry (core, API layer): the five public eic_build_*
 * calls and the blocking calls (eic_ops.c) all come here, so a firmware that
 * uses the blocking calls links none of the public wrappers. */
#ifndef EIC_REQUEST_H
#define EIC_REQUEST_H

#include "eic/eic.h"

/* The five operations. */
enum { EIC_OP_PUT, EIC_OP_UPDATE, EIC_OP_GET, EIC_OP_DELETE, EIC_OP_LIST };

/* eic_build_put() and the others, for the operation `kind` (EIC_OP_*),
 * request being that operation's request struct. */
eic_status eic_build(eic_client *client, unsigned kind, const void *request, const char *amz_date,
                     uint8_t *out, size_t cap, size_t *out_len, eic_error *err);

#endif /* EIC_REQUEST_H */
