// stats --png: the progress screen drawn into an off-screen texture at 1280x800 and saved.
#include "progress_picture.hpp"

#include "progress_scene.hpp"
#include "theme.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/System/Err.hpp>

#include <dlfcn.h>

#include <cstdlib>
#include <cstring>
#include <sstream>
#include <system_error>

namespace ns {

namespace {

constexpr unsigned kWidth = 1280;
constexpr unsigned kHeight = 800;

// SFML aborts when it cannot open the display, so ask libX11 first (looked up at run time).
bool canOpenDisplay() {
    void* x11 = dlopen("libX11.so.6", RTLD_LAZY | RTLD_LOCAL);
    if (!x11) return true; // cannot tell: let SFML try
    void* openSymbol = dlsym(x11, "XOpenDisplay");
    void* closeSymbol = dlsym(x11, "XCloseDisplay");
    void* (*open)(const char*) = nullptr;
    int (*close)(void*) = nullptr;
    std::memcpy(&open, &openSymbol, sizeof open);
    std::memcpy(&close, &closeSymbol, sizeof close);
    bool ok = true;
    if (open && close) {
        void* display = open(nullptr);
        ok = display != nullptr;
        if (display) close(display);
    }
    dlclose(x11);
    return ok;
}

// SFML writes its own complaints to sf::err(); the one sentence we print is enough.
class QuietSfml {
  public:
    QuietSfml() : m_previous(sf::err().rdbuf(m_sink.rdbuf())) {}
    ~QuietSfml() { sf::err().rdbuf(m_previous); }
    QuietSfml(const QuietSfml&) = delete;
    QuietSfml& operator=(const QuietSfml&) = delete;

  private:
    std::ostringstream m_sink;
    std::streambuf* m_previous;
};

// `message` is one sentence without the program's name: the command line adds it.
int fail(std::string* error, int code, const std::string& message) {
    if (error) *error = message;
    return code;
}

} // namespace

int saveProgressPicture(const Stats& stats, const std::filesystem::path& file, const Paths& paths,
                        std::string* error) {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display)
        return fail(error, 3,
                    "drawing the progress picture needs a display (DISPLAY is not "
                    "set); run it in a desktop session or under xvfb-run");
    if (!canOpenDisplay())
        return fail(error, 3,
                    std::string("drawing the progress picture needs a display, and '") + display +
                        "' cannot be opened; run it in a desktop session or under xvfb-run");

    Theme theme;
    std::string fontError;
    if (!theme.loadFonts(Theme::fontFolders(paths.assetsDir()), &fontError)) {
        // The caller names the program; the theme's sentence already does.
        const std::string prefix = "nightstretch: ";
        if (fontError.compare(0, prefix.size(), prefix) == 0) fontError.erase(0, prefix.size());
        return fail(error, 3, fontError);
    }

    QuietSfml quiet;
    sf::RenderTexture texture;
    if (!texture.create(kWidth, kHeight))
        return fail(error, 3,
                    "cannot draw off-screen (no OpenGL context on this display); "
                    "try again under xvfb-run");
    ProgressScene scene(theme);
    scene.setInteractive(false);
    scene.setStats(stats);
    scene.layout({static_cast<float>(kWidth), static_cast<float>(kHeight)});
    texture.clear(palette::kBackground);
    scene.draw(texture);
    texture.display();
    const sf::Image image = texture.getTexture().copyToImage();

    // SFML picks the format from the extension: write a .png beside it, then move it into place,
    // so the file is whole or untouched whatever its name.
    const std::string cannotWrite = "cannot write " + file.string();
    std::filesystem::path temporary = file;
    temporary += ".part.png";
    if (!image.saveToFile(temporary.string())) return fail(error, 2, cannotWrite);
    std::error_code ec;
    std::filesystem::rename(temporary, file, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return fail(error, 2, cannotWrite);
    }
    return 0;
}

} // namespace ns
