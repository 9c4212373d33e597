// The progress screen: the calendar of nights and the cramp diary. The arrows choose a night,
// Enter (or a click on the chosen night) opens its diary, Esc or P goes back to the routines.
#pragma once

#include "progress_scene.hpp"
#include "screen.hpp"

namespace ns {

class ProgressScreen final : public Screen {
  public:
    ProgressScreen(const Theme& theme, const Stats& stats);

    KeyContext keyContext() const override { return KeyContext::Progress; }
    bool handle(const sf::Event& event, ScreenHost& host) override;
    void layout(sf::Vector2f size) override { m_scene.layout(size); }
    void draw(sf::RenderTarget& target) const override { m_scene.draw(target); }
    void statsChanged(const Stats* stats) override;

    const ProgressScene& scene() const { return m_scene; }

  private:
    ProgressScene m_scene;
};

} // namespace ns
