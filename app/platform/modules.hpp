// The app's own loadable modules (the window, the desktop notification, the voice): found in
// lib/nightstretch/ beside the running binary's bin/ (the build tree, the install prefix and the
// test executables in tests/ share that layout), and their symbols as typed functions.
#pragma once

#include <filesystem>

namespace ns {

// lib/nightstretch/<name> beside the folder of /proc/self/exe.
std::filesystem::path moduleFile(const char* name);

// A looked-up symbol as a function pointer, without a cast the compiler warns about.
template <typename Function> Function symbolAs(void* symbol) {
    Function function = nullptr;
    static_assert(sizeof symbol == sizeof function);
    __builtin_memcpy(&function, &symbol, sizeof function);
    return function;
}

} // namespace ns
