/* One request/response exchange over the client's port (core, transport
 * layer): connect when needed, send, receive, frame the response. */
#ifndef EIC_EXCHANGE_H
#define EIC_EXCHANGE_H

#include "eic/eic.h"
#include "eic_http.h"

/* Sends the request in client->tx.data[0..request_len) and reads the
 * response into client->rx, filling head->r with pointers into rx (the
 * caller's head, so that the response is not copied out of it). A
 * keep-alive connection the server has closed is reopened and the request
 * sent again, once. On any failure the connection is closed. Returns EIC_OK,
 * EIC_ERR_NETWORK, EIC_ERR_TIMEOUT, EIC_ERR_TLS, EIC_ERR_PROTOCOL or
 * EIC_ERR_RESPONSE_TOO_LARGE. */
eic_status eic_exchange(eic_client *client, size_t request_len, eic_http_head *head);

/* Closes the client's connection if one is open. */
void eic_exchange_close(eic_client *client);

#endif /* EIC_EXCHANGE_H */
