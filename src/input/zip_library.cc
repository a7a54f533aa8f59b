#include "input/zip_library.h"

#include <dlfcn.h>

#include <mutex>
#include <string>

#include "absl/strings/str_cat.h"

namespace wenshu::input_internal {
namespace {

absl::Status Missing(const char* soname, const char* why) {
  return absl::FailedPreconditionError(
      absl::StrCat("reading .docx needs libzip (", kZipPackage, "): ", soname, ": ", why ? why : "not loadable"));
}

// One function of `handle`, typed as `slot` is declared.
template <typename Function>
bool Resolve(void* handle, const char* name, Function& slot) {
  slot = reinterpret_cast<Function>(dlsym(handle, name));
  return slot != nullptr;
}

}  // namespace

absl::StatusOr<ZipLibrary> OpenZipLibrary(const char* soname) {
  // RTLD_LOCAL: libzip's symbols stay out of the process's global scope. Never closed: the functions
  // are kept for the process.
  void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) return Missing(soname, dlerror());
  ZipLibrary zip;
  const bool all = Resolve(handle, "zip_error_init", zip.error_init) &&
                   Resolve(handle, "zip_error_fini", zip.error_fini) &&
                   Resolve(handle, "zip_error_strerror", zip.error_strerror) &&
                   Resolve(handle, "zip_source_buffer_create", zip.source_buffer_create) &&
                   Resolve(handle, "zip_source_free", zip.source_free) &&
                   Resolve(handle, "zip_open_from_source", zip.open_from_source) &&
                   Resolve(handle, "zip_discard", zip.discard) &&
                   Resolve(handle, "zip_stat_init", zip.stat_init) &&
                   Resolve(handle, "zip_stat", zip.stat) &&
                   Resolve(handle, "zip_fopen", zip.fopen) &&
                   Resolve(handle, "zip_fread", zip.fread) &&
                   Resolve(handle, "zip_fclose", zip.fclose);
  if (!all) {
    const std::string why = dlerror();
    dlclose(handle);
    return Missing(soname, why.c_str());
  }
  return zip;
}

absl::StatusOr<const ZipLibrary*> ZipLibraryForDocx() {
  static std::once_flag once;
  static const absl::StatusOr<ZipLibrary>* loaded = nullptr;  // never freed: no destructor at exit
  std::call_once(once, [] { loaded = new absl::StatusOr<ZipLibrary>(OpenZipLibrary(kZipSoname)); });
  if (!loaded->ok()) return loaded->status();
  return &**loaded;
}

}  // namespace wenshu::input_internal
