// Where the modules are.
#include "modules.hpp"

#include <system_error>

namespace ns {

std::filesystem::path moduleFile(const char* name) {
    std::error_code ec;
    std::filesystem::path binary = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) binary = "nightstretch"; // then lib/nightstretch/ under the working folder's parent
    return binary.parent_path().parent_path() / "lib" / "nightstretch" / name;
}

} // namespace ns
