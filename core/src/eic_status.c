/* Status strings: the text half of eic_status.h's X-macro. A switch rather
 * than a table of pointers keeps the strings in flash on position-independent
 * builds too (a pointer table would need relocated data). */
#include "eic/eic_status.h"

const char *eic_status_str(eic_status status)
{
    switch (status) {
#define EIC_STATUS_CASE_(name, text) \
    case name:                       \
        return text;
        EIC_STATUS_LIST(EIC_STATUS_CASE_)
#undef EIC_STATUS_CASE_
    default:
        return "unknown status";
    }
}
