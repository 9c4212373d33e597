#include "frame_presenter.hpp"

#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <cstring>

// Last: Xlib's macros (None, Bool, Status) would clash with SFML's names.
#include <GL/glx.h>

namespace ns {

namespace {

// Above this share of the window, a whole frame costs about the same and is simpler.
constexpr double kMostOfTheWindow = 0.6;
// Each rectangle is one more pass over what reaches it, yet filling the space between two
// rectangles soon costs more than that pass (measured with llvmpipe): only near-overlaps merge.
constexpr long long kMergeSlackPixels = 5000;

long long area(const sf::IntRect& r) {
    return static_cast<long long>(r.width) * r.height;
}

sf::IntRect bounding(const sf::IntRect& a, const sf::IntRect& b) {
    const int left = std::min(a.left, b.left);
    const int top = std::min(a.top, b.top);
    const int right = std::max(a.left + a.width, b.left + b.width);
    const int bottom = std::max(a.top + a.height, b.top + b.height);
    return {left, top, right - left, bottom - top};
}

bool hasExtension(const char* extensions, const char* name) {
    if (!extensions) return false;
    const std::size_t length = std::strlen(name);
    for (const char* at = std::strstr(extensions, name); at; at = std::strstr(at + 1, name)) {
        const bool startsWord = at == extensions || at[-1] == ' ';
        const bool endsWord = at[length] == ' ' || at[length] == '\0';
        if (startsWord && endsWord) return true;
    }
    return false;
}

} // namespace

FramePresenter::FramePresenter(sf::RenderWindow& window) : m_window(window) {}

void FramePresenter::windowCreated() {
    m_copySubBuffer = nullptr;
    m_display = nullptr;
    m_xWindow = 0;
    m_nextWhole = true;
    m_wholeFrameSize = m_window.getSize(); // its buffers are made at this size
    if (!m_window.isOpen() || !m_window.setActive(true)) return;
    Display* display = glXGetCurrentDisplay();
    if (display == nullptr || glXGetCurrentDrawable() == None) return;
    // Exposure events, on top of what SFML asked for, so a partly shown frame can be made whole.
    const auto window = static_cast<::Window>(m_window.getSystemHandle());
    XWindowAttributes attributes;
    if (XGetWindowAttributes(display, window, &attributes) == 0) return;
    XSelectInput(display, window, attributes.your_event_mask | ExposureMask);
    m_display = display;
    m_xWindow = window;
    if (!hasExtension(glXQueryExtensionsString(display, DefaultScreen(display)),
                      "GLX_MESA_copy_sub_buffer"))
        return;
    m_copySubBuffer = glXGetProcAddress(reinterpret_cast<const GLubyte*>("glXCopySubBufferMESA"));
}

bool FramePresenter::takeExposure() {
    if (!m_display || !m_window.isOpen()) return false;
    auto* display = static_cast<Display*>(m_display);
    bool exposed = false;
    XEvent event;
    while (XCheckTypedWindowEvent(display, m_xWindow, Expose, &event) != False)
        exposed = true;
    if (exposed) m_nextWhole = true;
    return exposed;
}

std::vector<sf::IntRect> FramePresenter::pixelRects(const FrameDamage& damage,
                                                    const sf::RenderWindow& window) {
    const sf::Vector2u size = window.getSize();
    const sf::IntRect whole(0, 0, static_cast<int>(size.x), static_cast<int>(size.y));
    std::vector<sf::IntRect> rects;
    if (damage.isEverything()) return rects;
    for (const auto& r : damage.rects()) {
        const sf::Vector2i a = window.mapCoordsToPixel({r.left, r.top});
        const sf::Vector2i b = window.mapCoordsToPixel({r.left + r.width, r.top + r.height});
        // mapCoordsToPixel truncates: one more pixel each way covers the partly touched ones.
        const int left = std::min(a.x, b.x) - 1;
        const int top = std::min(a.y, b.y) - 1;
        const int right = std::max(a.x, b.x) + 2;
        const int bottom = std::max(a.y, b.y) + 2;
        sf::IntRect clipped;
        if (whole.intersects({left, top, right - left, bottom - top}, clipped))
            rects.push_back(clipped);
    }
    // Merge until no pair is worth keeping apart.
    for (bool merged = true; merged;) {
        merged = false;
        for (std::size_t i = 0; i < rects.size() && !merged; ++i)
            for (std::size_t j = i + 1; j < rects.size() && !merged; ++j) {
                const sf::IntRect both = bounding(rects[i], rects[j]);
                if (area(both) <= area(rects[i]) + area(rects[j]) + kMergeSlackPixels) {
                    rects[i] = both;
                    rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(j));
                    merged = true;
                }
            }
    }
    long long total = 0;
    for (const auto& r : rects)
        total += area(r);
    if (rects.empty() || static_cast<double>(total) > kMostOfTheWindow * area(whole)) rects.clear();
    return rects;
}

// Mesa's software OpenGL learns a window's new size only when a frame is swapped. After frames
// shown in part (copied, never swapped) a resized window's next frame would be drawn into buffers
// of the old size: black where the window grew, and the old picture left beside the new one until
// a whole frame came again (the next phase). So a resize first swaps what the buffers hold (the
// picture the window already shows), then the whole frame is drawn at the new size.
bool FramePresenter::resizedSinceLastWholeFrame() {
    if (m_window.getSize() == m_wholeFrameSize) return false;
    m_window.display();
    return true;
}

void FramePresenter::present(const FrameDamage& damage, const DrawFrame& draw) {
    if (damage.empty()) return;
    if (resizedSinceLastWholeFrame()) m_nextWhole = true;
    if (m_nextWhole || !m_copySubBuffer || !m_display || damage.isEverything()) {
        presentWhole(draw);
        return;
    }
    const std::vector<sf::IntRect> rects = pixelRects(damage, m_window);
    if (rects.empty() || !m_window.setActive(true)) {
        presentWhole(draw);
        return;
    }
    Display* display = glXGetCurrentDisplay();
    const GLXDrawable drawable = glXGetCurrentDrawable();
    if (display == nullptr || drawable == None) {
        presentWhole(draw);
        return;
    }
    // OpenGL counts rows from the bottom.
    const int height = static_cast<int>(m_window.getSize().y);
    glEnable(GL_SCISSOR_TEST);
    for (const auto& r : rects) {
        glScissor(r.left, height - r.top - r.height, r.width, r.height);
        const sf::Vector2f topLeft = m_window.mapPixelToCoords({r.left, r.top});
        const sf::Vector2f bottomRight =
            m_window.mapPixelToCoords({r.left + r.width, r.top + r.height});
        const sf::FloatRect part(topLeft, bottomRight - topLeft);
        draw(&part);
    }
    glDisable(GL_SCISSOR_TEST);
    const auto copySubBuffer = reinterpret_cast<PFNGLXCOPYSUBBUFFERMESAPROC>(m_copySubBuffer);
    for (const auto& r : rects)
        copySubBuffer(display, drawable, r.left, height - r.top - r.height, r.width, r.height);
    ++m_partialFrames;
}

void FramePresenter::presentWhole(const DrawFrame& draw) {
    draw(nullptr);
    m_window.display();
    m_nextWhole = false;
    m_wholeFrameSize = m_window.getSize();
    ++m_wholeFrames;
}

} // namespace ns
