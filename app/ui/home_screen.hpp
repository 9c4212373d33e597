// The home screen: the routines, chosen with the arrows or the mouse; Enter starts one, E edits
// it, N makes a new one, P shows progress, R changes the bedtime reminder.
#pragma once

#include "home_scene.hpp"
#include "screen.hpp"

#include <filesystem>

namespace ns {

class HomeScreen final : public Screen {
  public:
    // `library` is the app's, reloaded in place; `userRoutinesDir` is where edits are saved.
    HomeScreen(const Theme& theme, const RoutineLibrary& library,
               std::filesystem::path userRoutinesDir, const std::string& notice);

    KeyContext keyContext() const override { return KeyContext::Home; }
    bool handle(const sf::Event& event, ScreenHost& host) override;
    void layout(sf::Vector2f size) override { m_scene.layout(size); }
    void draw(sf::RenderTarget& target) const override { m_scene.draw(target); }
    void statsChanged(const Stats* stats) override;
    void routinesChanged(const std::string& selectId) override;
    void soundChanged(const SoundState& state) override { m_scene.setSoundState(state); }
    void setReminderLine(const std::string& line) { m_scene.setReminderLine(line); }

    const HomeScene& scene() const { return m_scene; }
    void setBanner(const BannerText& banner) { m_scene.setBanner(banner); }

  private:
    bool command(Command command, ScreenHost& host);
    void startSelected(ScreenHost& host);
    void editSelected(ScreenHost& host);
    void editNew(ScreenHost& host);

    const RoutineLibrary& m_library;
    std::filesystem::path m_userDir;
    HomeScene m_scene;
};

} // namespace ns
