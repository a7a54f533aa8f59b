// Directory walks (wenshu/input.h): every real directory once, by device and inode.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "wenshu/input.h"

namespace wenshu {
namespace {

struct Walker {
  WalkResult result;
  std::set<std::pair<dev_t, ino_t>> seen;
  const std::atomic<int>* cancel;

  bool Cancelled() const { return cancel != nullptr && cancel->load() != 0; }

  // The entries of one directory, sorted, and the next to look at.
  struct Frame {
    std::string dir;
    std::vector<std::string> names;
    size_t next = 0;
  };

  bool List(const std::string& dir, Frame* frame) {
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) {
      result.errors.push_back(absl::StrCat(dir, ": cannot read directory: ", std::strerror(errno)));
      return false;
    }
    frame->dir = dir;
    while (dirent* e = readdir(d)) {
      const std::string_view n = e->d_name;
      if (n != "." && n != "..") frame->names.emplace_back(n);
    }
    closedir(d);
    std::sort(frame->names.begin(), frame->names.end());
    return true;
  }

  // Depth-first in name order at every level (as a sorted recursive listing reads), with an explicit
  // stack: a tree nested thousands of levels deep must not exhaust the call stack.
  void Walk(const std::string& root, const struct stat& root_st) {
    seen.insert({root_st.st_dev, root_st.st_ino});
    std::vector<Frame> stack(1);
    if (!List(root, &stack.back())) return;
    while (!stack.empty()) {
      if (Cancelled()) return;
      Frame& f = stack.back();
      if (f.next == f.names.size()) {
        stack.pop_back();
        continue;
      }
      const std::string& n = f.names[f.next++];
      const std::string path = f.dir.back() == '/' ? f.dir + n : f.dir + "/" + n;
      struct stat lst {};
      if (lstat(path.c_str(), &lst) != 0) {
        result.errors.push_back(absl::StrCat(path, ": ", std::strerror(errno)));
        continue;
      }
      struct stat st = lst;
      const bool link = S_ISLNK(lst.st_mode);
      if (link && stat(path.c_str(), &st) != 0) {
        result.errors.push_back(absl::StrCat(path, ": dangling link (", std::strerror(errno), "), skipped"));
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        if (!seen.insert({st.st_dev, st.st_ino}).second) {
          result.notes.push_back(absl::StrCat(path, ": skipped, a directory already walked",
                                              link ? " (a link to it)" : ""));
          continue;
        }
        if (link) result.notes.push_back(absl::StrCat(path, ": following a link to a directory"));
        Frame child;
        if (List(path, &child)) stack.push_back(std::move(child));
      } else if (S_ISREG(st.st_mode) && IsSupportedInputName(n)) {
        if (link) result.notes.push_back(absl::StrCat(path, ": following a link to a file"));
        result.files.push_back({path, static_cast<uint64_t>(st.st_size)});
      } else {
        result.notes.push_back(absl::StrCat(path, ": skipped, ",
                                            S_ISREG(st.st_mode) ? "not a supported kind of file"
                                                                : "not a regular file"));
      }
    }
  }
};

}  // namespace

WalkResult WalkDirectory(const std::string& dir, const std::atomic<int>* cancel) {
  Walker w;
  w.cancel = cancel;
  struct stat st {};
  if (stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    w.result.errors.push_back(absl::StrCat(dir, ": not a directory"));
    return w.result;
  }
  w.Walk(dir, st);
  return w.result;
}

}  // namespace wenshu
