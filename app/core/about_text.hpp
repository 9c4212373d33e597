// "Leg cramps: what helps, when to see a doctor": the about screen's and `about --text`'s words,
// and the first run's welcome. Every sentence rests on a source named in docs/sources.md.
#pragma once

#include <string>
#include <vector>

namespace ns {

struct AboutSection {
    std::string heading;
    std::vector<std::string> sentences;
};

extern const char* const kAboutTitle; // "Leg cramps: what helps, when to see a doctor"
const std::vector<AboutSection>& aboutSections();

// The first run's welcome: what Nightstretch does, the red flags in one sentence, the diary.
const std::vector<std::string>& welcomeLines();

} // namespace ns
