# CMake toolchain file: bare-metal ARM Cortex-M4 with arm-none-eabi-gcc (Thumb-2, -Os).
#
# Why: DESIGN.md promises that the core builds warning-free with
# `arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -Os`; tests/gates/gate_cortex_m4 uses this file to
# prove it on every test run, and firmware projects can use it to build libeic.a for their MCU:
#
#   cmake -S . -B build-m4 -DCMAKE_TOOLCHAIN_FILE=cmake/arm-none-eabi.cmake \
#         -DCMAKE_BUILD_TYPE=MinSizeRel -DEIC_MBEDTLS_INCLUDE_DIR=/path/to/target/mbedtls/include
#
# A cross build builds the core library alone (see the top-level CMakeLists.txt).
# The float ABI is left at the compiler's default (soft): the core has no floating point, so the
# library links into -mfloat-abi=soft and softfp firmware alike. Hard-float (M4F) users add
# `-mfpu=fpv4-sp-d16 -mfloat-abi=hard` through CMAKE_C_FLAGS.
#
# Headers and libraries for the target are only looked for in the paths the user gives (the
# EIC_*_INCLUDE_DIR cache variables, or -DCMAKE_FIND_ROOT_PATH=<dirs>) and in the toolchain's own
# target directory (newlib), never in the host's /usr/include or /usr/lib: host libc headers on
# the cross include path would silently produce a broken build.

set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)

find_program(EIC_ARM_NONE_EABI_GCC arm-none-eabi-gcc
  DOC "The arm-none-eabi-gcc cross compiler")
if(NOT EIC_ARM_NONE_EABI_GCC)
  message(FATAL_ERROR "arm-none-eabi-gcc not found in PATH "
    "(Debian: apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi)")
endif()
get_filename_component(_eic_arm_bin "${EIC_ARM_NONE_EABI_GCC}" DIRECTORY)

set(CMAKE_C_COMPILER "${EIC_ARM_NONE_EABI_GCC}")
set(CMAKE_ASM_COMPILER "${EIC_ARM_NONE_EABI_GCC}")
if(EXISTS "${_eic_arm_bin}/arm-none-eabi-g++")
  set(CMAKE_CXX_COMPILER "${_eic_arm_bin}/arm-none-eabi-g++")
endif()
# ar, ranlib, nm, objdump, ... are found by CMake from the compiler's "arm-none-eabi-" prefix.

# Nothing can be linked into a runnable program without a board's startup code and linker
# script, so CMake's compiler checks build a static library instead of an executable.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(CMAKE_C_FLAGS_INIT "-mcpu=cortex-m4 -mthumb -Os -ffunction-sections -fdata-sections")
set(CMAKE_CXX_FLAGS_INIT "${CMAKE_C_FLAGS_INIT}")
set(CMAKE_ASM_FLAGS_INIT "-mcpu=cortex-m4 -mthumb")
# Pairs with -ffunction-sections/-fdata-sections: a firmware link keeps only what it calls.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-Wl,--gc-sections")

# Target roots: whatever the user gave (-DCMAKE_FIND_ROOT_PATH=...) plus the toolchain's own
# target directory (Debian: /usr/lib/arm-none-eabi; Arm GNU Toolchain: <prefix>/arm-none-eabi).
foreach(_eic_arm_root "${_eic_arm_bin}/../arm-none-eabi" "${_eic_arm_bin}/../lib/arm-none-eabi")
  if(IS_DIRECTORY "${_eic_arm_root}")
    get_filename_component(_eic_arm_root "${_eic_arm_root}" REALPATH)
    list(APPEND CMAKE_FIND_ROOT_PATH "${_eic_arm_root}")
  endif()
endforeach()
if(CMAKE_FIND_ROOT_PATH)
  list(REMOVE_DUPLICATES CMAKE_FIND_ROOT_PATH)
endif()

# Programs (code generators, scripts) run on the host; headers, libraries and packages come
# from the target roots only.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
