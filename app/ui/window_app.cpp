// The window: start-up checks, and a main loop that gives events to the screens (the Switchboard),
// draws them when they changed, and sleeps until the next deadline.
#include "window_app.hpp"

#include "layout.hpp"
#include "routine_loader.hpp"
#include "routine_lookup.hpp"
#include "session_run.hpp"
#include "switchboard.hpp"
#include "theme.hpp"
#include "x11_connect.hpp"

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Err.hpp>
#include <SFML/System/Sleep.hpp>

#include <spdlog/spdlog.h>

#include <csignal>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>

namespace ns {

namespace {

// While idle the loop still wakes this often to look for input; it redraws only when needed.
constexpr Millis kPollSlice{25};

// Set by SIGINT, SIGTERM or SIGHUP: the session ends as "interrupted" and the window closes.
volatile std::sig_atomic_t g_signalled = 0;
void onWindowSignal(int) {
    g_signalled = 1;
}

// Installs the handlers for the life of the window, and puts the previous ones back.
class SignalGuard {
  public:
    SignalGuard() {
        g_signalled = 0;
        m_int = std::signal(SIGINT, onWindowSignal);
        m_term = std::signal(SIGTERM, onWindowSignal);
        m_hup = std::signal(SIGHUP, onWindowSignal);
    }
    ~SignalGuard() {
        std::signal(SIGINT, m_int);
        std::signal(SIGTERM, m_term);
        std::signal(SIGHUP, m_hup);
    }
    SignalGuard(const SignalGuard&) = delete;
    SignalGuard& operator=(const SignalGuard&) = delete;

  private:
    void (*m_int)(int) = SIG_DFL;
    void (*m_term)(int) = SIG_DFL;
    void (*m_hup)(int) = SIG_DFL;
};

// The window icon: an amber crescent on the night background (the SVG in assets/ is for the
// desktop entry; SFML cannot read it).
sf::Image makeIcon() {
    constexpr unsigned kSize = 64;
    sf::Image icon;
    icon.create(kSize, kSize, palette::kBackground);
    for (unsigned y = 0; y < kSize; ++y)
        for (unsigned x = 0; x < kSize; ++x) {
            const float dx = x - 30.f, dy = y - 34.f;
            const float sx = x - 42.f, sy = y - 25.f;
            if (dx * dx + dy * dy <= 24.f * 24.f && sx * sx + sy * sy > 21.f * 21.f)
                icon.setPixel(x, y, palette::kAccent);
        }
    return icon;
}

bool displayAvailable() {
    const char* display = std::getenv("DISPLAY");
    return display && *display;
}

// SFML aborts the process when it cannot open the display, so try it first, quietly, through
// libX11 (already loaded for SFML; looked up at run time so the build needs no extra library).

void printDiagnostics(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics)
        std::cerr << d.format() << '\n';
}

// The routine named on the command line, or the exit code after saying what is wrong (the same
// words and code as every other command).
int resolveRoutine(const std::string& arg, const RoutineLibrary& library,
                   std::optional<Routine>& routine) {
    RoutineLookup lookup = findRoutine(arg, library);
    if (!lookup.ok()) {
        printDiagnostics(lookup.diagnostics);
        return lookup.exitCode();
    }
    routine = std::move(lookup.routine);
    return 0;
}

class WindowApp {
  public:
    WindowApp(const WindowOptions& options, RoutineLibrary library, const Theme& theme,
              const Clock& clock)
        : m_options(options), m_clock(clock), m_screens(options, std::move(library), theme, clock) {
    }

    int run(std::unique_ptr<SessionRun> firstRun) {
        createWindow(m_options.fullscreen || m_screens.settings().fullscreen);
        if (!m_window.isOpen()) {
            std::cerr << "nightstretch: the window could not be opened (no usable OpenGL on this "
                         "display); use 'nightstretch start --text'\n";
            return 3;
        }
        m_screens.begin(std::move(firstRun), m_size);

        SignalGuard signals;
        while (m_window.isOpen()) {
            if (g_signalled) {
                m_screens.interrupt();
                m_window.close();
                return 130;
            }
            sf::Event event;
            while (m_window.pollEvent(event)) {
                if (event.type == sf::Event::Resized)
                    relayout({static_cast<float>(event.size.width),
                              static_cast<float>(event.size.height)});
                m_screens.handle(event);
            }
            if (!m_screens.closing()) m_screens.update();
            if (m_screens.closing()) break;
            if (m_screens.takeFullscreenRequest()) {
                m_screens.rememberFullscreen(!m_fullscreen);
                createWindow(!m_fullscreen);
            }
            if (m_screens.needsDraw()) render();
            sleepUntilSomethingIsDue();
        }
        m_window.close();
        return 0;
    }

  private:
    void createWindow(bool fullscreen) {
        const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
        sf::VideoMode mode(std::min(1280u, desktop.width), std::min(800u, desktop.height));
        sf::Uint32 style = sf::Style::Default;
        if (fullscreen) {
            mode = desktop;
            style = sf::Style::Fullscreen;
        }
        // The loop never waits on vsync; where the driver cannot set it (Xvfb), SFML says so on
        // stderr while making the window, noise for the person, so its error stream is muted.
        std::streambuf* errors = sf::err().rdbuf(nullptr);
        m_window.create(mode, "Nightstretch", style);
        sf::err().rdbuf(errors);
        if (!fullscreen) {
            // SFML 2.5 centres new windows with the screen's width for both axes: do it right.
            m_window.setPosition({static_cast<int>(desktop.width - mode.width) / 2,
                                  static_cast<int>(desktop.height - mode.height) / 2});
        }
        m_window.setIcon(m_icon.getSize().x, m_icon.getSize().y, m_icon.getPixelsPtr());
        m_window.setKeyRepeatEnabled(false); // a held key is one press, never a run of skips
        m_window.setVerticalSyncEnabled(false);
        m_fullscreen = fullscreen;
        const sf::Vector2u size = m_window.getSize();
        relayout({static_cast<float>(size.x), static_cast<float>(size.y)});
    }

    void relayout(sf::Vector2f size) {
        if (size.x < 1.f || size.y < 1.f) return;
        m_size = size;
        m_window.setView(sf::View(sf::FloatRect(0.f, 0.f, size.x, size.y)));
        m_screens.layout(size);
    }

    void render() {
        m_window.clear(palette::kBackground);
        m_screens.draw(m_window);
        m_window.display();
        m_screens.presented();
    }

    // Sleeps until the next deadline (a new second, a phase change, the indicator's end), in
    // short slices so that input is still answered quickly.
    void sleepUntilSomethingIsDue() {
        std::optional<TimePoint> due = m_screens.nextWakeup();
        auto wait = std::chrono::duration_cast<std::chrono::microseconds>(kPollSlice);
        if (due) {
            const auto untilDue =
                std::chrono::duration_cast<std::chrono::microseconds>(*due - m_clock.now());
            if (untilDue.count() <= 0) return;
            wait = std::min(wait, untilDue);
        }
        sf::sleep(sf::microseconds(wait.count()));
    }

    const WindowOptions& m_options;
    const Clock& m_clock;
    Switchboard m_screens;
    sf::Image m_icon = makeIcon();
    sf::RenderWindow m_window;
    sf::Vector2f m_size{1280.f, 800.f};
    bool m_fullscreen = false;
};

} // namespace

int runWindow(const WindowOptions& options) {
    RoutineLibrary library =
        RoutineLibrary::load(options.paths.builtInRoutinesDir(), options.paths.userRoutinesDir());

    std::optional<Routine> routine;
    if (options.routine) {
        const int code = resolveRoutine(*options.routine, library, routine);
        if (code != 0) return code;
    }

    if (!displayAvailable()) {
        std::cerr << "nightstretch: no display found (DISPLAY is not set); run it in a desktop "
                     "session, or use 'nightstretch start --text'\n";
        return 3;
    }
    if (!displayReachable()) {
        std::cerr << "nightstretch: cannot open the display '" << std::getenv("DISPLAY")
                  << "'; run it in a desktop session, or use 'nightstretch start --text'\n";
        return 3;
    }

    Theme theme;
    std::string fontError;
    if (!theme.loadFonts(Theme::fontFolders(options.paths.assetsDir()), &fontError)) {
        std::cerr << fontError << '\n';
        return 3;
    }

    // The routine from the command line is the only one traced; a trace file that cannot be
    // written is said before any window opens.
    SteadyClock clock;
    std::unique_ptr<SessionRun> firstRun;
    if (routine) {
        std::string error;
        int exitCode = 0;
        firstRun = SessionRun::create(std::move(*routine), clock, windowRunOptions(options, true),
                                      &error, &exitCode);
        if (!firstRun) {
            std::cerr << "nightstretch: " << error << '\n';
            return exitCode;
        }
    }

    WindowApp app(options, std::move(library), theme, clock);
    return app.run(std::move(firstRun));
}

} // namespace ns
