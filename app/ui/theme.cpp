#include "theme.hpp"

#include <SFML/Graphics/Text.hpp>

#include <system_error>

namespace ns {

namespace {
constexpr const char* kRegularFile = "DejaVuSans.ttf";
constexpr const char* kBoldFile = "DejaVuSans-Bold.ttf";

bool isFile(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::is_regular_file(p, ec);
}
} // namespace

std::vector<std::filesystem::path> Theme::fontFolders(const std::filesystem::path& assetsDir) {
    std::vector<std::filesystem::path> folders;
    if (!assetsDir.empty()) folders.push_back(assetsDir / "fonts");
    folders.emplace_back("/usr/share/fonts/truetype/dejavu");
    folders.emplace_back("/usr/share/fonts/dejavu");
    folders.emplace_back("/usr/share/fonts/TTF");
    return folders;
}

bool Theme::loadFonts(const std::vector<std::filesystem::path>& folders, std::string* error) {
    for (const auto& folder : folders) {
        const auto regular = folder / kRegularFile;
        const auto bold = folder / kBoldFile;
        // Check first: sf::Font prints its own noise to stderr when a file is missing.
        if (!isFile(regular) || !isFile(bold)) continue;
        if (!m_regular.loadFromFile(regular.string()) || !m_bold.loadFromFile(bold.string()))
            continue;
        // Measured at a modest size: each size a font draws at gets its own glyph texture, and
        // one at 200 px cost 4 MB that nothing else used (the ratio is the same within 1%).
        constexpr unsigned kProbeSize = 96;
        sf::Text probe(sf::String("0123456789"), m_bold, kProbeSize);
        const float height = probe.getLocalBounds().height;
        if (height > 0.f) m_digitHeightRatio = height / static_cast<float>(kProbeSize);
        return true;
    }
    if (error)
        *error = "nightstretch: the DejaVu Sans font was not found (looked in "
                 "/usr/share/fonts/truetype/dejavu); install it with 'sudo apt-get install "
                 "fonts-dejavu-core' and try again";
    return false;
}

} // namespace ns
