// The relief guide as a screen (C on home and during a session; `nightstretch relief`): a step at
// a time, each advanced by the person when it eases (Space or Right), spoken when the voice is
// on, recorded in the history as a relief event on the night it is.
#pragma once

#include "history.hpp"
#include "relief.hpp"
#include "relief_scene.hpp"
#include "screen.hpp"

namespace ns {

class Speaker;

class ReliefScreen final : public Screen {
  public:
    // `history` and `speaker` may be null (not recorded; not spoken).
    ReliefScreen(const Theme& theme, ReliefVariant variant, HistoryStore* history,
                 DayStart dayStart, Speaker* speaker);

    KeyContext keyContext() const override { return KeyContext::Relief; }
    bool handle(const sf::Event& event, ScreenHost& host) override;
    void layout(sf::Vector2f size) override {
        m_size = size;
        m_scene.layout(size);
    }
    void draw(sf::RenderTarget& target) const override { m_scene.draw(target); }
    void presented() override; // the step is on the screen: now it is said

    const ReliefGuide& guide() const { return m_guide; }
    const ReliefScene& scene() const { return m_scene; }
    long long reliefId() const { return m_reliefId; }

  private:
    void record();
    void speak(); // once the step is on the screen (its phrase takes a moment to make)

    ReliefGuide m_guide;
    ReliefScene m_scene;
    HistoryStore* m_history;
    Speaker* m_speaker;
    ReliefRecord m_record;
    long long m_reliefId = 0;
    bool m_speakPending = false;
    sf::Vector2f m_size{1280.f, 800.f};
};

} // namespace ns
