/* Unit tests for eic_status.h / eic_status.c: the status enum and its text. */
#include <stddef.h>
#include <string.h>

#include "eic/eic_status.h"
#include "eic_test.h"

/* The X-macro list itself, as (value, text) pairs, to check the mapping. */
typedef struct {
    eic_status status;
    const char *text;
} status_entry;

static const status_entry all_statuses[] = {
#define STATUS_ENTRY_(name, text) {name, text},
    EIC_STATUS_LIST(STATUS_ENTRY_)
#undef STATUS_ENTRY_
};

#define STATUS_ENTRIES (sizeof all_statuses / sizeof all_statuses[0])

/* eic_status_str(s) is text; else prints both. */
static int status_text_is(eic_status s, const char *text)
{
    if (strcmp(eic_status_str(s), text) == 0) {
        return 1;
    }
    printf("  status %d is \"%s\", want \"%s\"\n", (int)s, eic_status_str(s), text);
    return 0;
}

static void status_ok_is_zero(void)
{
    EIC_CHECK((int)EIC_OK == 0);
}

static void status_count_matches_the_list(void)
{
    EIC_CHECK((size_t)EIC_STATUS_COUNT_ == STATUS_ENTRIES);
}

static void status_values_are_consecutive_from_zero(void)
{
    for (size_t i = 0; i < STATUS_ENTRIES; i++) {
        EIC_CHECK((size_t)all_statuses[i].status == i);
    }
}

static void status_every_value_has_a_non_empty_string(void)
{
    for (int v = (int)EIC_OK; v < (int)EIC_STATUS_COUNT_; v++) {
        const char *s = eic_status_str((eic_status)v);
        EIC_CHECK(s != NULL);
        EIC_CHECK(s[0] != '\0');
        EIC_CHECK(strcmp(s, "unknown status") != 0);
    }
}

static void status_strings_are_distinct(void)
{
    for (int a = (int)EIC_OK; a < (int)EIC_STATUS_COUNT_; a++) {
        for (int b = a + 1; b < (int)EIC_STATUS_COUNT_; b++) {
            EIC_CHECK(strcmp(eic_status_str((eic_status)a), eic_status_str((eic_status)b)) != 0);
        }
    }
}

static void status_string_matches_its_list_entry(void)
{
    for (size_t i = 0; i < STATUS_ENTRIES; i++) {
        EIC_CHECK(status_text_is(all_statuses[i].status, all_statuses[i].text));
    }
}

static void status_known_texts_are_stable(void)
{
    EIC_CHECK(status_text_is(EIC_OK, "success"));
    EIC_CHECK(status_text_is(EIC_ERR_INVALID_ARGUMENT, "invalid argument"));
    EIC_CHECK(status_text_is(EIC_ERR_BUFFER_TOO_SMALL, "buffer too small"));
    EIC_CHECK(status_text_is(EIC_ERR_FIELD_TOO_LONG, "value over its length limit"));
    EIC_CHECK(status_text_is(EIC_ERR_CRYPTO, "crypto failure"));
}

static void status_errors_are_non_zero(void)
{
    for (int v = (int)EIC_OK + 1; v < (int)EIC_STATUS_COUNT_; v++) {
        EIC_CHECK(v != (int)EIC_OK);
        EIC_CHECK((eic_status)v != EIC_OK);
    }
}

static void status_out_of_range_is_unknown(void)
{
    EIC_CHECK(status_text_is(EIC_STATUS_COUNT_, "unknown status"));
    EIC_CHECK(status_text_is((eic_status)-1, "unknown status"));
    EIC_CHECK(status_text_is((eic_status)((int)EIC_STATUS_COUNT_ + 1), "unknown status"));
    EIC_CHECK(status_text_is((eic_status)1000, "unknown status"));
    EIC_CHECK(status_text_is((eic_status)0x7fff, "unknown status"));
}

int main(void)
{
    EIC_RUN(status_ok_is_zero);
    EIC_RUN(status_count_matches_the_list);
    EIC_RUN(status_values_are_consecutive_from_zero);
    EIC_RUN(status_every_value_has_a_non_empty_string);
    EIC_RUN(status_strings_are_distinct);
    EIC_RUN(status_string_matches_its_list_entry);
    EIC_RUN(status_known_texts_are_stable);
    EIC_RUN(status_errors_are_non_zero);
    EIC_RUN(status_out_of_range_is_unknown);
    return EIC_TEST_END();
}
