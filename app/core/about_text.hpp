// "Leg cramps: what helps, when to see a doctor": the about screen's and `about --text`'s words,
// and the first run's welcome (and whether it was seen: one file in the state folder, shared by
// the window and the terminal). Every sentence rests on a source named in docs/sources.md.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ns {

struct AboutSection {
    std::string heading;
    std::vector<std::string> sentences;
};

extern const char* const kAboutTitle; // "Leg cramps: what helps, when to see a doctor"
const std::vector<AboutSection>& aboutSections();

// The first run's welcome: what Nightstretch does, the diary, when to see a doctor (a swollen, red
// or warm leg soon) and when to get help at once. The keys are the front end's to add.
const std::vector<std::string>& welcomeLines();

// The welcome is shown once, by whichever front end runs first: the file `welcome-shown` in the
// state folder says it was.
extern const char* const kWelcomeShownFile;
bool welcomeShown(const std::filesystem::path& stateDir);
bool rememberWelcomeShown(const std::filesystem::path& stateDir); // false if it cannot be written

} // namespace ns
