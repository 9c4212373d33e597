// Shows frames in the window: the whole frame, or, when only a few rectangles changed and the
// display can copy part of a frame (GLX_MESA_copy_sub_buffer), only those rectangles: drawn
// with the rest clipped away and copied to the screen alone. With software OpenGL most of a
// frame's cost is filling and sending pixels, so a countdown second costs a fraction of a frame.
#pragma once

#include "frame_damage.hpp"

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderWindow.hpp>

#include <functional>
#include <vector>

namespace ns {

class FramePresenter {
  public:
    explicit FramePresenter(sf::RenderWindow& window);

    // After the window is created or made again: looks for the extension, and the next frame is
    // whole.
    void windowCreated();

    // True when the X server asked for the window's pixels again (uncovered, say) since the last
    // call: SFML 2.5 neither asks for nor reports that, and a partial frame would leave the rest
    // stale. Call before the window's events are polled (SFML drops what it does not know).
    bool takeExposure();

    // `draw` clears and draws the frame: all of it (null), or at least what reaches the
    // rectangle it is given (once a rectangle; the rest is clipped away). Nothing happens when
    // `damage` is empty. The first frame at a new window size is whole.
    using DrawFrame = std::function<void(const sf::FloatRect* part)>;
    void present(const FrameDamage& damage, const DrawFrame& draw);

    bool canShowPart() const { return m_copySubBuffer != nullptr; }
    // Frames shown in full and in part since the window was made: tests and the bench read them.
    int wholeFrames() const { return m_wholeFrames; }
    int partialFrames() const { return m_partialFrames; }

    // The damaged rectangles as pixel rectangles (top-left origin) inside a window of `size`:
    // widened to whole pixels, clipped, and merged where they touch. Empty when a whole frame is
    // the cheaper (or only) way.
    static std::vector<sf::IntRect> pixelRects(const FrameDamage& damage,
                                               const sf::RenderWindow& window);

  private:
    // glXCopySubBufferMESA, as glXGetProcAddress returns it (typed where it is called).
    using AnyFunction = void (*)();

    void presentWhole(const DrawFrame& draw);
    // Whether the window's size changed since the last whole frame; if so, the OpenGL buffers
    // are made to follow it first.
    bool resizedSinceLastWholeFrame();

    sf::RenderWindow& m_window;
    void* m_display = nullptr; // SFML's X connection (Display*), while the window is open
    unsigned long m_xWindow = 0;
    AnyFunction m_copySubBuffer = nullptr;
    bool m_nextWhole = true;
    sf::Vector2u m_wholeFrameSize; // the window's size at the last whole frame
    int m_wholeFrames = 0;
    int m_partialFrames = 0;
};

} // namespace ns
