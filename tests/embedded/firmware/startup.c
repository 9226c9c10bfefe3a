/* Start-up code of the Cortex-M test images for QEMU's mps2-an385 (Cortex-M3).
 *
 * The vector table sits at the start of flash (0x0, .isr_vector): the initial stack pointer
 * (top of the 4 MB RAM at 0x20000000) and Reset_Handler, which copies .data from flash,
 * zeroes .bss, opens rdimon's semihosting handles for stdin/stdout/stderr, runs main() and
 * ends the run with main's status. Any fault ends the run with status 1 and a message, so a
 * crash shows up at once rather than as a timeout. No C library start-up (crt0) is linked. */
#include <stdint.h>
#include <string.h>

#include "eic_embedded.h"

/* From the linker script (mps2-an385.ld). */
extern uint32_t eic_stack_top;
extern uint32_t eic_data_load, eic_data_start, eic_data_end;
extern uint32_t eic_bss_start, eic_bss_end;

/* From rdimon (newlib's semihosting library): sets up stdin, stdout and stderr. */
extern void initialise_monitor_handles(void);

int main(void);
void Reset_Handler(void);
void eic_embedded_fault(void);

typedef void (*eic_handler)(void);

/* The Cortex-M3 system vectors: initial SP, then Reset and the 14 exceptions after it. */
typedef struct {
    uint32_t *initial_sp;
    eic_handler handlers[15];
} eic_vector_table;

__attribute__((section(".isr_vector"), used)) const eic_vector_table eic_vectors = {
    &eic_stack_top,
    {
        Reset_Handler,      /* Reset */
        eic_embedded_fault, /* NMI */
        eic_embedded_fault, /* HardFault */
        eic_embedded_fault, /* MemManage */
        eic_embedded_fault, /* BusFault */
        eic_embedded_fault, /* UsageFault */
        0, 0, 0, 0,         /* reserved */
        eic_embedded_fault, /* SVCall */
        eic_embedded_fault, /* DebugMonitor */
        0,                  /* reserved */
        eic_embedded_fault, /* PendSV */
        eic_embedded_fault, /* SysTick */
    },
};

void eic_embedded_fault(void)
{
    eic_embedded_puts("eic-embedded: FAULT: the processor took an exception\n");
    eic_embedded_exit(1);
}

void Reset_Handler(void)
{
    size_t data_len = (size_t)((uintptr_t)&eic_data_end - (uintptr_t)&eic_data_start);
    size_t bss_len = (size_t)((uintptr_t)&eic_bss_end - (uintptr_t)&eic_bss_start);
    memcpy(&eic_data_start, &eic_data_load, data_len);
    memset(&eic_bss_start, 0, bss_len);
    initialise_monitor_handles();
    eic_embedded_exit(main());
}
