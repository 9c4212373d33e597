// Mono 16-bit PCM written as a WAV file, so a person can listen to what the tests synthesised.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <vector>

namespace ns::test {

inline void writeWav(const std::filesystem::path& file, const std::vector<std::int16_t>& samples,
                     unsigned sampleRate) {
    auto put16 = [](std::ofstream& out, std::uint16_t v) {
        const char bytes[2] = {static_cast<char>(v & 0xff), static_cast<char>(v >> 8)};
        out.write(bytes, 2);
    };
    auto put32 = [&](std::ofstream& out, std::uint32_t v) {
        put16(out, static_cast<std::uint16_t>(v & 0xffff));
        put16(out, static_cast<std::uint16_t>(v >> 16));
    };
    const auto dataBytes = static_cast<std::uint32_t>(samples.size() * 2);
    std::ofstream out(file, std::ios::binary);
    out.write("RIFF", 4);
    put32(out, 36 + dataBytes);
    out.write("WAVEfmt ", 8);
    put32(out, 16);
    put16(out, 1); // PCM
    put16(out, 1); // mono
    put32(out, sampleRate);
    put32(out, sampleRate * 2);
    put16(out, 2);
    put16(out, 16);
    out.write("data", 4);
    put32(out, dataBytes);
    for (std::int16_t s : samples)
        put16(out, static_cast<std::uint16_t>(s));
}

} // namespace ns::test
