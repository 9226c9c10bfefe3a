# CMake toolchain file of the QEMU test images: the project's arm-none-eabi toolchain
# (cmake/arm-none-eabi.cmake) with the CPU of QEMU's mps2-an385 board, a Cortex-M3.
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/arm-none-eabi.cmake)

set(CMAKE_C_FLAGS_INIT "-mcpu=cortex-m3 -mthumb -Os -ffunction-sections -fdata-sections")
set(CMAKE_ASM_FLAGS_INIT "-mcpu=cortex-m3 -mthumb")
