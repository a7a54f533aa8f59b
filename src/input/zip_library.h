// libzip, loaded when the first .docx is read. Only a .docx needs it, and linking it would map libzip and
// libcrypto (~1.5 MiB resident, bench/README.md) into every process that uses libwenshu.
#ifndef WENSHU_SRC_INPUT_ZIP_LIBRARY_H_
#define WENSHU_SRC_INPUT_ZIP_LIBRARY_H_

#include <zip.h>  // declarations only: the build checks the headers, nothing links libzip

#include "absl/status/statusor.h"

namespace wenshu::input_internal {

// The libzip functions docx.cc uses, typed by libzip's own declarations.
struct ZipLibrary {
  decltype(&::zip_error_init) error_init;
  decltype(&::zip_error_fini) error_fini;
  decltype(&::zip_error_strerror) error_strerror;
  decltype(&::zip_source_buffer_create) source_buffer_create;
  decltype(&::zip_source_free) source_free;
  decltype(&::zip_open_from_source) open_from_source;
  decltype(&::zip_discard) discard;
  decltype(&::zip_stat_init) stat_init;
  decltype(&::zip_stat) stat;
  decltype(&::zip_fopen) fopen;
  decltype(&::zip_fread) fread;
  decltype(&::zip_fclose) fclose;
};

// The soname libwenshu was built against (libzip.so.4 on Debian 12) and its Debian package (libzip4).
inline constexpr const char* kZipSoname = WENSHU_LIBZIP_SONAME;
inline constexpr const char* kZipPackage = WENSHU_LIBZIP_PACKAGE;

// dlopen of `soname` and every function resolved; an error naming the package when either fails. Not
// cached: ZipLibraryForDocx calls it once per process, tests call it with a soname that is absent.
absl::StatusOr<ZipLibrary> OpenZipLibrary(const char* soname);

// libzip loaded at the first call (thread-safe) and kept for the process; the same error on every call
// when it is absent.
absl::StatusOr<const ZipLibrary*> ZipLibraryForDocx();

}  // namespace wenshu::input_internal

#endif  // WENSHU_SRC_INPUT_ZIP_LIBRARY_H_
