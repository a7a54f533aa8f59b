# Every dependency comes from a Debian 12 package; a missing one stops
# configure with the package to install.
include(FindPkgConfig)

macro(wenshu_require found package what)
  if(NOT ${found})
    message(FATAL_ERROR "wenshu needs ${what}: install the Debian package '${package}' "
                        "(apt-get install ${package}), or run tools/bootstrap.sh which installs everything.")
  endif()
endmacro()

find_package(ICU 70 COMPONENTS uc i18n data QUIET)
wenshu_require(ICU_FOUND libicu-dev "ICU (UTF-8, normalization, break iteration)")

find_package(PkgConfig QUIET)
wenshu_require(PKG_CONFIG_FOUND pkg-config "pkg-config")
# Debian 12's RE2 ships only re2.pc: wrap it in an imported target.
pkg_check_modules(RE2 QUIET IMPORTED_TARGET re2)
wenshu_require(RE2_FOUND libre2-dev "RE2 (linear-time patterns)")
if(NOT TARGET re2::re2)
  add_library(re2::re2 INTERFACE IMPORTED GLOBAL)
  target_link_libraries(re2::re2 INTERFACE PkgConfig::RE2)
endif()

find_package(absl CONFIG QUIET)
wenshu_require(absl_FOUND libabsl-dev "Abseil (strings, Status, hash maps)")
# The static archives (libabsl_*.a beside the .so) of the Abseil libraries wenshu uses and of everything
# they need, in WENSHU_ABSEIL_ARCHIVES; empty when an archive is missing. The command links these: each of
# Abseil's 30 shared libraries keeps 16-120 KiB resident (its headers, relocated data and GOT) however
# little of it runs, 1.0 MiB in all (bench/README.md). Debian's archives are built as PIE, not PIC, so
# libwenshu.so cannot take them.
set(WENSHU_ABSEIL_ARCHIVES "")
set(_wenshu_absl_pending absl::status absl::statusor absl::strings absl::str_format absl::flat_hash_map
                         absl::flat_hash_set absl::span)
set(_wenshu_absl_seen "")
while(_wenshu_absl_pending)
  list(POP_FRONT _wenshu_absl_pending _wenshu_absl_target)
  if(_wenshu_absl_target IN_LIST _wenshu_absl_seen OR NOT TARGET ${_wenshu_absl_target})
    continue()
  endif()
  list(APPEND _wenshu_absl_seen ${_wenshu_absl_target})
  get_target_property(_wenshu_absl_type ${_wenshu_absl_target} TYPE)
  if(_wenshu_absl_type STREQUAL "SHARED_LIBRARY")
    get_target_property(_wenshu_absl_configs ${_wenshu_absl_target} IMPORTED_CONFIGURATIONS)
    list(GET _wenshu_absl_configs 0 _wenshu_absl_config)
    get_target_property(_wenshu_absl_so ${_wenshu_absl_target} IMPORTED_LOCATION_${_wenshu_absl_config})
    string(REGEX REPLACE "\\.so[.0-9]*$" ".a" _wenshu_absl_archive "${_wenshu_absl_so}")
    if(NOT EXISTS "${_wenshu_absl_archive}")
      set(WENSHU_ABSEIL_ARCHIVES "")
      break()
    endif()
    list(APPEND WENSHU_ABSEIL_ARCHIVES "${_wenshu_absl_archive}")
  endif()
  get_target_property(_wenshu_absl_deps ${_wenshu_absl_target} INTERFACE_LINK_LIBRARIES)
  foreach(_wenshu_absl_dep IN LISTS _wenshu_absl_deps)
    if(_wenshu_absl_dep MATCHES "^absl::")
      list(APPEND _wenshu_absl_pending ${_wenshu_absl_dep})
    endif()
  endforeach()
endwhile()

find_package(nlohmann_json 3.10 CONFIG QUIET)
wenshu_require(nlohmann_json_FOUND nlohmann-json3-dev "nlohmann/json (JSON reading and writing)")

# Inputs (src/input): HTML pages, Word .docx files, gzip.
pkg_check_modules(GUMBO QUIET IMPORTED_TARGET gumbo)
wenshu_require(GUMBO_FOUND libgumbo-dev "Gumbo (the HTML5 parser that reads .html inputs)")
pkg_check_modules(LIBZIP QUIET IMPORTED_TARGET libzip)
wenshu_require(LIBZIP_FOUND libzip-dev "libzip (reads the zip container of Word .docx inputs)")
# libzip is not linked: src/input/zip_library.cc loads it by its soname when the first .docx is read, so
# that libzip and libcrypto (~1.5 MiB resident) are not mapped into every process. Its headers declare
# what is loaded; the soname is the one of the library found here (libzip.so.4, Debian package libzip4).
find_library(WENSHU_LIBZIP_LIBRARY NAMES zip HINTS ${LIBZIP_LIBRARY_DIRS})
if(WENSHU_LIBZIP_LIBRARY)
  execute_process(COMMAND ${CMAKE_OBJDUMP} -p ${WENSHU_LIBZIP_LIBRARY} OUTPUT_VARIABLE _wenshu_zip_dynamic
                  ERROR_QUIET)
  string(REGEX MATCH "SONAME +(libzip\\.so\\.([0-9]+))" _wenshu_zip_soname "${_wenshu_zip_dynamic}")
endif()
if(NOT _wenshu_zip_soname)
  message(FATAL_ERROR "wenshu: no SONAME found in libzip (${WENSHU_LIBZIP_LIBRARY}); install libzip-dev")
endif()
set(WENSHU_LIBZIP_SONAME "${CMAKE_MATCH_1}")
set(WENSHU_LIBZIP_PACKAGE "libzip${CMAKE_MATCH_2}")
pkg_check_modules(PUGIXML QUIET IMPORTED_TARGET pugixml)
wenshu_require(PUGIXML_FOUND libpugixml-dev "pugixml (reads the XML of Word .docx inputs)")
find_package(ZLIB QUIET)
wenshu_require(ZLIB_FOUND zlib1g-dev "zlib (reads .gz inputs)")
add_library(wenshu_input_deps INTERFACE)
target_link_libraries(wenshu_input_deps INTERFACE PkgConfig::GUMBO PkgConfig::PUGIXML ZLIB::ZLIB
                      ${CMAKE_DL_LIBS})
target_include_directories(wenshu_input_deps INTERFACE ${LIBZIP_INCLUDE_DIRS})
target_compile_definitions(wenshu_input_deps INTERFACE WENSHU_LIBZIP_SONAME="${WENSHU_LIBZIP_SONAME}"
                                                       WENSHU_LIBZIP_PACKAGE="${WENSHU_LIBZIP_PACKAGE}")

find_package(Threads REQUIRED)

# jieba's MIT-licensed dictionary, compiled at build time into wenshu's word table.
find_file(WENSHU_JIEBA_DICT dict.txt
  HINTS /usr/lib/python3/dist-packages/jieba /usr/share/python3-jieba
  PATH_SUFFIXES jieba NO_DEFAULT_PATH)
if(NOT WENSHU_JIEBA_DICT)
  message(FATAL_ERROR "wenshu needs jieba's dictionary to build its word table: install the Debian "
                      "package 'python3-jieba', or pass -DWENSHU_JIEBA_DICT=/path/to/dict.txt")
endif()

if(WENSHU_BUILD_TESTS)
  find_package(GTest CONFIG QUIET)
  if(NOT GTest_FOUND)
    find_package(GTest QUIET)
  endif()
  wenshu_require(GTest_FOUND "libgtest-dev libgmock-dev" "GoogleTest (tests)")
endif()
if(WENSHU_BUILD_BENCH)
  find_package(benchmark CONFIG QUIET)
  wenshu_require(benchmark_FOUND libbenchmark-dev "Google Benchmark (bench/)")
endif()
