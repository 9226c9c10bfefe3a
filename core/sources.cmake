# The core's sources, listed once for the three builds that use them: plain
# CMake (core/CMakeLists.txt), ESP-IDF and Zephyr (the top-level CMakeLists.txt).
# EIC_CORE_SOURCES make libeic.a, everything eic.h promises. EIC_SIGV4_SOURCES
# make libeic_sigv4.a: the generic calls of eic_sigv4.h that sign any request
# description (the SigV4 suite, the eic-sigv4 tool); eic's own requests are
# signed without them.
set(EIC_CORE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_status.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_sha256.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_sink.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_uri.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_signer.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_utf8.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_time.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_json_read.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_service_error.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_response.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_validate.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_json_write.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_client.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_request.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_http.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_exchange.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_retry.c
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_ops.c
)
set(EIC_SIGV4_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/src/eic_canonical.c
)
set(EIC_CORE_INCLUDE_DIR ${CMAKE_CURRENT_LIST_DIR}/include)
set(EIC_CORE_PRIVATE_DIR ${CMAKE_CURRENT_LIST_DIR}/src)
