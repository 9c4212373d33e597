// The about screen (I, `nightstretch about`) and the first run's welcome (once; W on the about
// screen shows it again). Both are opaque screens over what was there; Esc goes back to it.
#pragma once

#include "about_scene.hpp"
#include "screen.hpp"

#include <SFML/Graphics/Text.hpp>

namespace ns {

class AboutScreen final : public Screen {
  public:
    explicit AboutScreen(const Theme& theme);

    KeyContext keyContext() const override { return KeyContext::About; }
    bool handle(const sf::Event& event, ScreenHost& host) override;
    void layout(sf::Vector2f size) override { m_scene.layout(size); }
    void draw(sf::RenderTarget& target) const override { m_scene.draw(target); }

    const AboutScene& scene() const { return m_scene; }

  private:
    const Theme& m_theme;
    AboutScene m_scene;
};

class WelcomeScene final : public Scene {
  public:
    explicit WelcomeScene(const Theme& theme) : m_theme(theme) {}
    void layout(sf::Vector2f size) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<sf::FloatRect> textBounds() const override;

  private:
    const Theme& m_theme;
    std::vector<sf::Text> m_texts;
};

class WelcomeScreen final : public Screen {
  public:
    explicit WelcomeScreen(const Theme& theme) : m_theme(theme), m_scene(theme) {}

    KeyContext keyContext() const override { return KeyContext::Welcome; }
    bool handle(const sf::Event& event, ScreenHost& host) override;
    void layout(sf::Vector2f size) override { m_scene.layout(size); }
    void draw(sf::RenderTarget& target) const override { m_scene.draw(target); }

    const WelcomeScene& scene() const { return m_scene; }

  private:
    const Theme& m_theme;
    WelcomeScene m_scene;
};

} // namespace ns
