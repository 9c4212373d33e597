// Off-screen pictures: a texture drawn, read back and written beside the file, then moved in.
#include "offscreen_picture.hpp"

#include "files.hpp"
#include "x11_connect.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/System/Err.hpp>

#include <cctype>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <system_error>

namespace ns {

namespace {

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

int saveOffScreenPicture(unsigned width, unsigned height,
                         const std::function<void(sf::RenderTarget&, const Theme&)>& draw,
                         const std::filesystem::path& file, const Paths& paths,
                         const std::string& what, std::string* error) {
    // Checked before anything is drawn: a name a person can fix needs no display to be told.
    std::string extension = file.extension().string();
    for (char& c : extension)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!extension.empty() && extension != ".png")
        return fail(error, 2,
                    "the picture is a PNG, so its file name must end in .png (not '" +
                        file.filename().string() + "')");
    const std::filesystem::path folder =
        file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
    std::error_code folderError;
    if (!std::filesystem::is_directory(folder, folderError))
        return fail(error, 2,
                    "cannot write " + file.string() + ": there is no folder '" + folder.string() +
                        "'");

    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || *display == '\0')
        return fail(error, 3,
                    "drawing " + what +
                        " needs a display (DISPLAY is not set); run it in a desktop session or "
                        "under xvfb-run");
    if (!displayReachable())
        return fail(error, 3,
                    "drawing " + what + " needs a display, and '" + display +
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
    if (!texture.create(width, height))
        return fail(error, 3,
                    "cannot draw off-screen (no OpenGL context on this display); "
                    "try again under xvfb-run");
    texture.clear(palette::kBackground);
    draw(texture, theme);
    texture.display();
    const sf::Image image = texture.getTexture().copyToImage();

    // SFML picks the format from the extension and writes by name: a new .png beside the file,
    // then moved into place, so the file is whole or untouched whatever its name.
    // Each failure says why: the files layer's sentence, or the image writer's.
    std::string why;
    const std::optional<std::filesystem::path> temporary =
        createTemporaryFileBeside(file, ".png", &why, NewFileAccess::Persons);
    if (!temporary) return fail(error, 2, why);
    if (!image.saveToFile(temporary->string())) {
        std::error_code ec;
        std::filesystem::remove(*temporary, ec);
        return fail(error, 2,
                    "cannot write " + file.string() +
                        ": saving the picture failed (the disk may be full)");
    }
    if (!replaceFileAtomically(*temporary, file, &why)) return fail(error, 2, why);
    return 0;
}

} // namespace ns
