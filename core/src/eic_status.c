/* Status strings: the text half of eic_status.h's X-macro. One NUL-separated
 * string walked by index rather than a table of pointers: a pointer table
 * would need relocated data on position-independent builds, and a switch
 * spends a literal pool entry per status. */
#include "eic/eic_status.h"

const char *eic_status_str(eic_status status)
{
    /* Every text in enum order, then the text for values outside the enum. */
    static const char texts[] =
#define EIC_STATUS_TEXT_(name, text) text "\0"
        EIC_STATUS_LIST(EIC_STATUS_TEXT_)
#undef EIC_STATUS_TEXT_
            "unknown status";
    /* Unsigned, so that negative values are outside the enum too. */
    unsigned index = (unsigned)status;
    const char *s = texts;
    if (index > (unsigned)EIC_STATUS_COUNT_) {
        index = (unsigned)EIC_STATUS_COUNT_;
    }
    for (; index != 0; index--) {
        while (*s++ != '\0') {
        }
    }
    return s;
}
