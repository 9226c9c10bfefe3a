/* The signing vectors on the target: every case of the AWS SigV4 suite and every botocore
 * Lambda request of tests/vectors/, signed by the core on the Cortex-M3 through the public
 * eic_sigv4 API (as examples/posix/eic_sigv4_tool.c does on the host). The canonical request,
 * the string to sign and the Authorization value must equal the expected ones byte for byte,
 * as tests/vectors/check_vector.py checks on the host; Authorization is computed twice, the
 * second time from the signer's cached signing key. Ends with the harness's closing line. */
#include <stdio.h>
#include <string.h>

#include "eic/eic_sigv4.h"
#include "eic_embedded.h"
#include "eic_embedded_vectors.h"

#define OUT_MAX 4096

static char out[OUT_MAX];
static int passes;
static int failures;

static void show(const char *label, const char *text, size_t len)
{
    eic_embedded_puts(label);
    eic_embedded_write(text, len);
    eic_embedded_puts("\n");
}

/* One artifact: the call's status and bytes against the expected text. */
static int check(const eic_embedded_vector *v, const char *artifact, eic_status s, size_t len,
                 const eic_embedded_text *want)
{
    if (s != EIC_OK) {
        printf("FAIL %s %s: %s\n", v->name, artifact, eic_status_str(s));
        failures++;
        return 0;
    }
    if (len != want->len || memcmp(out, want->text, len) != 0) {
        printf("FAIL %s %s: differs\n", v->name, artifact);
        show("--- expected\n", want->text, want->len);
        show("--- got\n", out, len);
        failures++;
        return 0;
    }
    passes++;
    return 1;
}

static void run_vector(const eic_embedded_vector *v)
{
    eic_sigv4_signer signer;
    size_t len = 0;
    int ok = 1;
    eic_status s = eic_sigv4_signer_init(&signer, v->access_key_id, v->secret_access_key,
                                         v->region, v->service);
    if (s != EIC_OK) {
        printf("FAIL %s signer: %s\n", v->name, eic_status_str(s));
        failures++;
        return;
    }
    s = eic_sigv4_canonical_request(&v->request, out, sizeof out, &len);
    ok &= check(v, "creq", s, len, &v->creq);
    s = eic_sigv4_string_to_sign(&signer, &v->request, v->amz_date, out, sizeof out, &len);
    ok &= check(v, "sts", s, len, &v->sts);
    s = eic_sigv4_authorization(&signer, &v->request, v->amz_date, out, sizeof out, &len);
    ok &= check(v, "authz", s, len, &v->authz);
    s = eic_sigv4_authorization(&signer, &v->request, v->amz_date, out, sizeof out, &len);
    ok &= check(v, "authz (cached key)", s, len, &v->authz);
    eic_sigv4_signer_clear(&signer);
    if (ok) {
        printf("ok   %s: creq sts authz%s\n", v->name,
               v->session_token != NULL ? " (session token)" : "");
    }
}

int main(void)
{
    for (size_t i = 0; i < eic_embedded_vector_count; i++) {
        run_vector(&eic_embedded_vectors[i]);
    }
    printf("%d passed, %d failed\n", passes, failures);
    return failures == 0 && passes > 0 ? 0 : 1;
}
