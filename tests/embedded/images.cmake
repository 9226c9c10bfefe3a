# The Cortex-M test images, shared by the outer build (which registers one ctest test per image)
# and the firmware project (which builds them).
#
# Unit tests of tests/unit/ built unchanged for the target: all of them, since none needs a
# file or a socket (test_sha256 also checks the mbedTLS 2.28 built here for the target).
include(${CMAKE_CURRENT_LIST_DIR}/../unit/tests.cmake)
set(EIC_EMBEDDED_UNIT_TESTS ${EIC_UNIT_TESTS})
# Images that must run to a pass: the unit tests and the signing vectors.
set(EIC_EMBEDDED_PASS_IMAGES ${EIC_EMBEDDED_UNIT_TESTS} vectors)
# Images that must be stopped by the run-time heap trap.
set(EIC_EMBEDDED_TRAP_IMAGES neg_trap_strdup neg_trap_stdio)
# The image that must fail to link (an undefined __wrap_malloc).
set(EIC_EMBEDDED_LINK_FAIL_IMAGE neg_link_malloc)
