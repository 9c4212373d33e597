// The window: start-up checks, and a main loop that gives events to the screens (the Switchboard),
// draws them when they changed, and sleeps until the next deadline.
#include "window_app.hpp"

#include "frame_presenter.hpp"
#include "interrupt_signals.hpp"
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

#include <poll.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>

namespace ns {

namespace {

// Without a known X connection to wait on, the loop looks for input this often.
constexpr Millis kPollSlice{25};

// The window icon: an amber crescent on the night background (the SVG in assets/ is for the
// desktop entry; SFML cannot read it).
sf::Image makeIcon() {
    constexpr unsigned kSize = 64;
    sf::Image icon;
    icon.create(kSize, kSize, palette::kBackground);
    for (unsigned y = 0; y < kSize; ++y)
        for (unsigned x = 0; x < kSize; ++x) {
            const float dx = x - 30.f;
            const float dy = y - 34.f;
            const float sx = x - 42.f;
            const float sy = y - 25.f;
            if (dx * dx + dy * dy <= 24.f * 24.f && sx * sx + sy * sy > 21.f * 21.f)
                icon.setPixel(x, y, palette::kAccent);
        }
    return icon;
}

// Mesa's software OpenGL (llvmpipe) hands each frame to a pool of rasterizer threads and waits for
// them. A new second is a few tens of thousands of pixels: waking two threads for them costs more
// than it saves (in a hold, 7% of the window's CPU; its wakeups go from 12 to 3.5 a second), while
// a whole frame drawn by the thread that asks takes a few ms more. The driver reads the variable
// once, when the first context is made, so this comes before anything draws (and before any other
// thread runs). Other drivers ignore it; a value the person set is kept.
void rasterizeOnTheDrawingThread() {
    ::setenv("LP_NUM_THREADS", "0", 0);
}

bool displayAvailable() {
    const char* display = std::getenv("DISPLAY");
    return display != nullptr && *display != '\0';
}

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

    // `signals` is installed before anything slow starts, so that a signal during start-up is an
    // interruption too, never the default (a killed process).
    int run(std::unique_ptr<SessionRun> firstRun, const InterruptSignals& signals) {
        m_signals = &signals;
        createWindow(m_options.fullscreen || m_screens.settings().fullscreen);
        if (!m_window.isOpen()) {
            std::cerr << "nightstretch: the window could not be opened (no usable OpenGL on this "
                         "display); in this terminal, use "
                      << textFormOf(m_options) << '\n';
            return 3;
        }
        m_screens.begin(std::move(firstRun), m_size);

        // SIGINT, SIGTERM or SIGHUP: the session ends as "interrupted" and the window closes.
        while (m_window.isOpen()) {
            if (signals.requested()) {
                m_screens.interrupt();
                m_window.close();
                return 130;
            }
            // Before SFML polls: it drops the events it does not know.
            const bool exposed = m_presenter.takeExposure();
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
            if (m_screens.needsDraw() || exposed) {
                FrameDamage damage = m_screens.takeDamage();
                if (exposed) damage.addEverything();
                render(damage);
            }
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
        m_presenter.windowCreated();
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

    // Only what changed reaches the screen when the damage is known and small (FramePresenter).
    void render(const FrameDamage& damage) {
        m_presenter.present(damage, [this](const sf::FloatRect* part) {
            m_window.clear(palette::kBackground);
            m_screens.draw(m_window, part);
        });
        m_screens.presented();
    }

    // Sleeps until the next deadline (a new second, a phase change, the indicator's end) or until
    // input or a signal comes, whichever is first.
    void sleepUntilSomethingIsDue() {
        const std::optional<TimePoint> due = m_screens.nextWakeup();
        // Input wakes the loop through the X connection, a signal through its pipe; the cap lets
        // the routine watcher look about once a second.
        constexpr std::chrono::microseconds kLongestWait = std::chrono::seconds(1);
        auto wait = kLongestWait;
        if (due) {
            const auto untilDue =
                std::chrono::duration_cast<std::chrono::microseconds>(*due - m_clock.now());
            if (untilDue.count() <= 0) return;
            wait = std::min(wait, untilDue);
        }
        // Already read from the socket (poll() would not see them): only this window's count, as
        // a window SFML destroyed (full screen toggled) leaves its last events queued for good.
        if (displayHasQueuedEvents(static_cast<unsigned long>(m_window.getSystemHandle()))) return;
        const int connection = displayConnectionFd();
        if (connection < 0) { // no connection known: look for input in short slices, as before
            wait =
                std::min(wait, std::chrono::duration_cast<std::chrono::microseconds>(kPollSlice));
            sf::sleep(sf::microseconds(wait.count()));
            return;
        }
        pollfd readable[2] = {{connection, POLLIN, 0},
                              {m_signals != nullptr ? m_signals->wakeFd() : -1, POLLIN, 0}};
        const timespec timeout{static_cast<time_t>(wait.count() / 1000000),
                               static_cast<long>(wait.count() % 1000000) * 1000};
        ::ppoll(readable, 2, &timeout, nullptr);
    }

    const WindowOptions& m_options;
    const Clock& m_clock;
    Switchboard m_screens;
    sf::Image m_icon = makeIcon();
    sf::RenderWindow m_window;
    FramePresenter m_presenter{m_window};
    sf::Vector2f m_size{1280.f, 800.f};
    bool m_fullscreen = false;
    const InterruptSignals* m_signals = nullptr; // set by run(), for the wait
};

} // namespace

int runWindow(const WindowOptions& options) {
    // From here on SIGINT, SIGTERM and SIGHUP end the window cleanly (exit 130), even while it
    // is still starting.
    InterruptSignals signals;
    rasterizeOnTheDrawingThread();
    RoutineLibrary library =
        RoutineLibrary::load(options.paths.builtInRoutinesDir(), options.paths.userRoutinesDir());

    std::optional<Routine> routine;
    if (options.routine) {
        const int code = resolveRoutine(*options.routine, library, routine);
        if (code != 0) return code;
    }

    if (!displayAvailable()) {
        std::cerr << "nightstretch: no display found (DISPLAY is not set); run it in a desktop "
                     "session, or in this terminal use "
                  << textFormOf(options) << '\n';
        return 3;
    }
    if (!displayReachable()) {
        std::cerr << "nightstretch: cannot open the display '" << std::getenv("DISPLAY")
                  << "'; run it in a desktop session, or in this terminal use "
                  << textFormOf(options) << '\n';
        return 3;
    }

    Theme theme;
    std::string fontError;
    if (!theme.loadFonts(Theme::fontFolders(options.paths.assetsDir()), &fontError)) {
        std::cerr << fontError << '\n';
        return 3;
    }
    theme.setPoseFolder(options.paths.assetsDir() / "poses");

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
    return app.run(std::move(firstRun), signals);
}

} // namespace ns
