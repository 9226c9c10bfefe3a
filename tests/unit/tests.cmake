# The unit tests, one per core module: listed once for the host build
# (tests/unit/CMakeLists.txt) and the Cortex-M images (tests/embedded).
set(EIC_UNIT_TESTS
  test_status
  test_sha256
  test_sink
  test_uri
  test_canonical
  test_sigv4
  test_utf8
  test_json_read
  test_response
  test_service_error
  test_validate
  test_json_write
  test_request
  test_http
  test_retry
  test_time
)
